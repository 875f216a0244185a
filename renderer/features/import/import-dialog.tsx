// Import pending customers from a CSV file: choose or drop the file (read here, decoded as UTF-8 or
// Windows-1252), check the detected columns and the preview, choose what to do with customers already in
// AuthDesk, import the valid rows, then save the rejected ones as a CSV to fix.
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  DuplicateAction,
  ImportMapping,
  ImportPreview,
  ImportResult,
} from '../../../shared/domain/customer-import';
import { call, errorMessage } from '../../api/authdesk-client';
import { Dialog } from '../../components/dialog';
import { saveTextAsDownload } from '../reports/save-download';
import { decodeCsvBytes, type CsvEncoding } from '../../../shared/domain/csv-encoding';
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

const separatorKeys: Record<string, 'comma' | 'semicolon' | 'tab' | 'pipe'> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
  '|': 'pipe',
};

export function ImportDialog({
  open,
  onClose,
  onImported,
}: {
  open: boolean;
  onClose: () => void;
  onImported: () => void;
}) {
  const { t } = useTranslation(['import', 'domain']);
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
  const separatorName = (delimiter: string) => {
    const key = separatorKeys[delimiter];
    return key ? t(`separators.${key}`) : delimiter;
  };

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
    <Dialog title={t('dialog.title')} open={open} onClose={close} wide>
      {result ? (
        <ImportSummary result={result} fileName={file?.name ?? 'customers.csv'} onDone={close} />
      ) : (
        <div className="import-dialog">
          <div className="import-drop" onDragOver={(event) => event.preventDefault()} onDrop={drop}>
            <label>
              {t('dialog.file')}
              <input
                type="file"
                accept=".csv,.txt,text/csv,text/plain"
                onChange={(event) => void load(event.target.files?.[0])}
              />
            </label>
            <p className="panel-note">{t('dialog.dropHint')}</p>
          </div>
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
          {file && preview && mapping && (
            <>
              <p className="import-file-facts">
                {t('dialog.fileFacts', {
                  name: file.name,
                  encoding: t(`domain:encoding.${file.encoding}`),
                  separator: separatorName(preview.delimiter),
                  count: preview.totalRows,
                })}
              </p>
              <MappingFields
                preview={preview}
                mapping={mapping}
                onChange={(changed) => {
                  setMapping(changed);
                  void runPreview(file, changed);
                }}
              />
              <h3>{t('dialog.firstRows')}</h3>
              <SampleRows preview={preview} />
              <p className="import-counts" role="status">
                {preview.missingFields.length > 0
                  ? t('dialog.chooseColumns')
                  : t('dialog.counts', {
                      valid: preview.validRows,
                      rejected: preview.rejectedCount,
                      duplicates: preview.duplicateCount,
                    })}
              </p>
              <RejectedRows rows={preview.rejected} total={preview.rejectedCount} label={t('dialog.rejectedLabel')} />
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
                    <legend>{t('dialog.duplicatesLegend')}</legend>
                    <label className="checkbox">
                      <input
                        type="radio"
                        name="on-duplicate"
                        checked={onDuplicate === 'skip'}
                        onChange={() => setOnDuplicate('skip')}
                      />
                      {t('dialog.skip')}
                    </label>
                    <label className="checkbox">
                      <input
                        type="radio"
                        name="on-duplicate"
                        checked={onDuplicate === 'update'}
                        onChange={() => setOnDuplicate('update')}
                      />
                      {t('dialog.update')}
                    </label>
                  </fieldset>
                </>
              )}
              <label className="checkbox">
                <input type="checkbox" checked={confirmed} onChange={(event) => setConfirmed(event.target.checked)} />
                {t('dialog.existingTenants')}
              </label>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={requestLinks}
                  onChange={(event) => setRequestLinks(event.target.checked)}
                />
                {t('dialog.requestLinks')}
              </label>
              {busy && progress && (
                <div className="import-progress">
                  <progress max={progress.total} value={progress.done} aria-label={t('dialog.progressLabel')} />
                  <span>
                    {t(progress.kind === 'customer-import-links' ? 'dialog.gettingLinks' : 'dialog.checkingRows', {
                      done: progress.done,
                      total: progress.total,
                    })}
                  </span>
                </div>
              )}
              <div className="form-actions">
                <button type="button" onClick={close}>
                  {t('dialog.cancel')}
                </button>
                <button
                  type="button"
                  className="primary"
                  disabled={busy || !confirmed || importable === 0 || preview.missingFields.length > 0}
                  onClick={() => void runImport()}
                >
                  {t('dialog.import', { count: importable })}
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
  const { t } = useTranslation('import');
  const fixName = fileName.replace(/\.[^.]*$/, '') + '-rejected.csv';
  return (
    <div className="import-dialog">
      <p className="import-counts" role="status">
        {t('summary.created', { count: result.created })}
        {result.updated > 0 ? t('summary.updated', { count: result.updated }) : ''}
        {result.skippedDuplicates > 0 ? t('summary.skipped', { count: result.skippedDuplicates }) : ''}
        {t('summary.rejected', { count: result.rejectedCount })}
      </p>
      {result.linksRequested + result.linksQueued + result.linkFailures > 0 && (
        <p className={result.linkError ? 'info-note' : 'panel-note'}>
          {t('summary.links', { count: result.linksRequested })}
          {result.linksQueued > 0 ? t('summary.linksQueued', { count: result.linksQueued }) : ''}
          {result.linkFailures > 0
            ? t('summary.linkFailures', {
                count: result.linkFailures,
                reason: result.linkError ?? t('summary.seeQueue'),
              })
            : t('summary.linksEnd')}
        </p>
      )}
      <RejectedRows rows={result.rejected} total={result.rejectedCount} label={t('summary.rejectedLabel')} />
      <div className="form-actions">
        {result.rejectedCsv !== null && (
          <button type="button" onClick={() => saveTextAsDownload(fixName, result.rejectedCsv ?? '')}>
            {t('summary.saveRejected')}
          </button>
        )}
        <button type="button" className="primary" onClick={onDone}>
          {t('summary.done')}
        </button>
      </div>
    </div>
  );
}
