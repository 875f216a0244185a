// What the import will do before it does it: the column mapping (detected, changeable), the first rows as
// they are in the file, and the rows that will be rejected or that repeat a customer already in AuthDesk.
import {
  importFieldLabels,
  importFields,
  requiredImportFields,
  type ImportMapping,
  type ImportPreview,
} from '../../../shared/domain/customer-import';

export function MappingFields({
  preview,
  mapping,
  onChange,
}: {
  preview: ImportPreview;
  mapping: ImportMapping;
  onChange: (mapping: ImportMapping) => void;
}) {
  return (
    <fieldset className="import-mapping">
      <legend>Columns</legend>
      {importFields.map((field) => (
        <label key={field}>
          {importFieldLabels[field]}
          {requiredImportFields.includes(field) ? ' (required)' : ''}
          <select
            value={mapping[field] === null ? '' : String(mapping[field])}
            onChange={(event) =>
              onChange({ ...mapping, [field]: event.target.value === '' ? null : Number(event.target.value) })
            }
          >
            <option value="">— not in the file —</option>
            {preview.headers.map((header, index) => (
              <option key={index} value={index}>
                {header === '' ? `Column ${index + 1}` : header}
              </option>
            ))}
          </select>
        </label>
      ))}
    </fieldset>
  );
}

export function SampleRows({ preview }: { preview: ImportPreview }) {
  return (
    <div className="import-sample">
      <table className="report-table" aria-label="First rows of the file">
        <thead>
          <tr>
            <th scope="col">Row</th>
            {preview.headers.map((header, index) => (
              <th key={index} scope="col">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.sampleRows.map((row) => (
            <tr key={row.rowNumber}>
              <th scope="row">{row.rowNumber}</th>
              {preview.headers.map((_, index) => (
                <td key={index}>{row.cells[index] ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function RejectedRows({
  rows,
  total,
  label,
}: {
  rows: { rowNumber: number; companyName: string | null; problems: string[] }[];
  total: number;
  label: string;
}) {
  if (total === 0) return null;
  return (
    <div className="import-rejected">
      <table className="report-table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">Row</th>
            <th scope="col">Company</th>
            <th scope="col">Problems</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.rowNumber}>
              <th scope="row">{row.rowNumber}</th>
              <td>{row.companyName ?? '(no company name)'}</td>
              <td>
                <ul className="import-problems">
                  {row.problems.map((problem) => (
                    <li key={problem}>{problem}</li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {total > rows.length && (
        <p className="panel-note">
          The first {rows.length} of {total} are listed.
        </p>
      )}
    </div>
  );
}

export function DuplicateRows({ preview }: { preview: ImportPreview }) {
  return (
    <table className="report-table" aria-label="Rows already in AuthDesk">
      <thead>
        <tr>
          <th scope="col">Row</th>
          <th scope="col">Domain prefix</th>
          <th scope="col">Customer in AuthDesk</th>
        </tr>
      </thead>
      <tbody>
        {preview.duplicates.map((row) => (
          <tr key={row.rowNumber}>
            <th scope="row">{row.rowNumber}</th>
            <td>{row.domainPrefix}</td>
            <td>
              {row.existingCompanyName}
              {row.updatable ? '' : ' (finished: kept as it is)'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
