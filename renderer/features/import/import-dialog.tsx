// Import pending customers from a CSV file: choose or drop the file (read here, decoded as UTF-8 or
// Windows-1252), check the detected columns and the preview, choose what to do with customers already in
// AuthDesk, import the valid rows, then save the rejected ones as a CSV to fix.
import { useState, type DragEvent } from 'react';
import type {
  DuplicateAction,
  ImportMapping,
  ImportPreview,
  ImportResult,
} from '../../../shared/domain/customer-import';
import { call, errorMessage } from '../../api/authdesk-client';
import { Dialog } from '../../components/dialog';
import { saveTextAsDownload } from '../reports/save-download';
import { decodeCsvBytes, encodingLabels, type CsvEncoding } from '../../../shared/domain/csv-encoding';
import { DuplicateRows, MappingFields, RejectedRows, SampleRows } from './import-preview-panel';
import { BlankResellerRows } from './blank-reseller-rows';
import { useAppStore } from '../../store/app-store';
import { useOperationProgress } from './use-operation-progress';
import '../../styles/import.css';

interface LoadedFile {
  name: string;
  text: string;
  encoding: CsvEncoding;
}

const separatorNames: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

export function ImportDialog({
  open,
  onClose,
  onImported,
}: {
  open: boolean;
  onClose: () => void;
  onImported: () => void;
}) {
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<ImportMapping | null>(null);
  const [onDuplicate, setOnDuplicate] = useState<DuplicateAction>('skip');
  const [confirmed, setConfirmed] = useState(false);
  const [requestLinks, setRequestLinks] = useState(true);
  const [operationId, setOperationId] = useState<string | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Resellers picked here for rows the file gives no MPN ID, by row number.
  const [resellerChoices, setResellerChoices] = useState<Record<string, string>>({});
  const profile = useAppStore((state) => state.profile);
  const progress = useOperationProgress(operationId);

  const reset = () => {
    setFile(null);
    setPreview(null);
    setMapping(null);
    setResult(null);
    setError(null);
    setConfirmed(false);
    setOperationId(null);
    setResellerChoices({});
  };
  const close = () => {
    reset();
    onClose();
  };

  const runPreview = async (
    loaded: LoadedFile,
    chosen: ImportMapping | null,
    choices: Record<string, string> = resellerChoices,
  ) => {
    setBusy(true);
    try {
      const answer = await call('previewCustomerImport', {
        text: loaded.text,
        mapping: chosen,
        resellerChoices: choices,
      });
      setPreview(answer);
      setMapping(answer.mapping);
      setError(null);
    } catch (failure) {
      setPreview(null);
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  const load = async (chosen: File | undefined) => {
    if (!chosen) return;
    reset();
    try {
      const decoded = decodeCsvBytes(new Uint8Array(await chosen.arrayBuffer()));
      const loaded = { name: chosen.name, ...decoded };
      setFile(loaded);
      await runPreview(loaded, null);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  const drop = (event: DragEvent) => {
    event.preventDefault();
    void load(event.dataTransfer.files[0]);
  };

  const runImport = async () => {
    if (!file || !mapping) return;
    const id = `import-${Date.now()}`;
    setOperationId(id);
    setBusy(true);
    try {
      const answer = await call('importCustomers', {
        text: file.text,
        mapping,
        onDuplicate,
        requestLinks,
        resellerChoices,
        ownsExistingTenant: true,
        operationId: id,
      });
      setResult(answer);
      setError(null);
      onImported();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  const importable = preview
    ? preview.validRows + (onDuplicate === 'update' ? preview.duplicates.filter((row) => row.updatable).length : 0)
    : 0;

  return (
    <Dialog title="Import customers from CSV" open={open} onClose={close} wide>
      {result ? (
        <ImportSummary result={result} fileName={file?.name ?? 'customers.csv'} onDone={close} />
      ) : (
        <div className="import-dialog">
          <div className="import-drop" onDragOver={(event) => event.preventDefault()} onDrop={drop}>
            <label>
              CSV file
              <input
                type="file"
                accept=".csv,.txt,text/csv,text/plain"
                onChange={(event) => void load(event.target.files?.[0])}
              />
            </label>
            <p className="panel-note">
              Or drop a file here. One customer per row with a header row; comma or semicolon separated, UTF-8 or
              Windows-1252.
            </p>
          </div>
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
          {file && preview && mapping && (
            <>
              <p className="import-file-facts">
                {file.name}: {encodingLabels[file.encoding]}, {separatorNames[preview.delimiter] ?? preview.delimiter}{' '}
                separated, {preview.totalRows} rows.
              </p>
              <MappingFields
                preview={preview}
                mapping={mapping}
                onChange={(changed) => {
                  setMapping(changed);
                  void runPreview(file, changed);
                }}
              />
              <h3>First rows</h3>
              <SampleRows preview={preview} />
              <p className="import-counts" role="status">
                {preview.missingFields.length > 0
                  ? 'Choose a column for every required field.'
                  : `${preview.validRows} new customers ready, ${preview.rejectedCount} rows rejected, ${preview.duplicateCount} already in AuthDesk.`}
              </p>
              <RejectedRows rows={preview.rejected} total={preview.rejectedCount} label="Rows that will be rejected" />
              {profile && (
                <BlankResellerRows
                  preview={preview}
                  organizationName={profile.organizationName}
                  choices={resellerChoices}
                  onChoose={(rowNumber, mpnId) => {
                    const next = { ...resellerChoices };
                    if (mpnId === null) delete next[String(rowNumber)];
                    else next[String(rowNumber)] = mpnId;
                    setResellerChoices(next);
                    void runPreview(file, mapping, next);
                  }}
                />
              )}
              {preview.duplicateCount > 0 && (
                <>
                  <DuplicateRows preview={preview} />
                  <fieldset className="radio-group">
                    <legend>Customers already in AuthDesk (same domain)</legend>
                    <label className="checkbox">
                      <input
                        type="radio"
                        name="on-duplicate"
                        checked={onDuplicate === 'skip'}
                        onChange={() => setOnDuplicate('skip')}
                      />
                      Skip them
                    </label>
                    <label className="checkbox">
                      <input
                        type="radio"
                        name="on-duplicate"
                        checked={onDuplicate === 'update'}
                        onChange={() => setOnDuplicate('update')}
                      />
                      Update them with the file’s details
                    </label>
                  </fieldset>
                </>
              )}
              <label className="checkbox">
                <input type="checkbox" checked={confirmed} onChange={(event) => setConfirmed(event.target.checked)} />
                These customers already use Office 365 and own their domains (existing tenants)
              </label>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={requestLinks}
                  onChange={(event) => setRequestLinks(event.target.checked)}
                />
                Get their authorization links after importing
              </label>
              {busy && progress && (
                <div className="import-progress">
                  <progress max={progress.total} value={progress.done} aria-label="Import progress" />
                  <span>
                    {progress.kind === 'customer-import-links' ? 'Getting links' : 'Checking rows'} {progress.done} of{' '}
                    {progress.total}
                  </span>
                </div>
              )}
              <div className="form-actions">
                <button type="button" onClick={close}>
                  Cancel
                </button>
                <button
                  type="button"
                  className="primary"
                  disabled={busy || !confirmed || importable === 0 || preview.missingFields.length > 0}
                  onClick={() => void runImport()}
                >
                  Import {importable} valid rows
                </button>
              </div>
            </>
          )}
        </div>
      )}
    </Dialog>
  );
}

function ImportSummary({ result, fileName, onDone }: { result: ImportResult; fileName: string; onDone: () => void }) {
  const fixName = fileName.replace(/\.[^.]*$/, '') + '-rejected.csv';
  return (
    <div className="import-dialog">
      <p className="import-counts" role="status">
        Imported {result.created} new customers
        {result.updated > 0 ? `, updated ${result.updated}` : ''}
        {result.skippedDuplicates > 0 ? `, skipped ${result.skippedDuplicates} already in AuthDesk` : ''};{' '}
        {result.rejectedCount} rows rejected.
      </p>
      {result.linksRequested + result.linksQueued + result.linkFailures > 0 && (
        <p className={result.linkError ? 'info-note' : 'panel-note'}>
          Authorization links: {result.linksRequested} fetched
          {result.linksQueued > 0
            ? `, ${result.linksQueued} waiting for the connection (fetched automatically when Partner Center is reachable)`
            : ''}
          {result.linkFailures > 0
            ? `, ${result.linkFailures} not yet (${result.linkError ?? 'see the queue'}). The customers are saved; get their links from the queue.`
            : '.'}
        </p>
      )}
      <RejectedRows rows={result.rejected} total={result.rejectedCount} label="Rejected rows" />
      <div className="form-actions">
        {result.rejectedCsv !== null && (
          <button type="button" onClick={() => saveTextAsDownload(fixName, result.rejectedCsv ?? '')}>
            Save rejected rows as CSV
          </button>
        )}
        <button type="button" className="primary" onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  );
}
