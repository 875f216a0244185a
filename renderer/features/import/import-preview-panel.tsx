// What the import will do before it does it: the column mapping (detected, changeable), the first rows as
// they are in the file, and the rows that will be rejected or that repeat a customer already in AuthDesk.
import { useTranslation } from 'react-i18next';
import {
  importFields,
  requiredImportFields,
  type ImportMapping,
  type ImportPreview,
} from '../../../shared/domain/customer-import';
import { translateMessage } from '../../i18n/translate-message';

export function MappingFields({
  preview,
  mapping,
  onChange,
}: {
  preview: ImportPreview;
  mapping: ImportMapping;
  onChange: (mapping: ImportMapping) => void;
}) {
  const { t } = useTranslation('import');
  return (
    <fieldset className="import-mapping">
      <legend>{t('mapping.legend')}</legend>
      {importFields.map((field) => (
        <label key={field}>
          {requiredImportFields.includes(field)
            ? t('mapping.required', { field: t(`fields.${field}`) })
            : t(`fields.${field}`)}
          <select
            value={mapping[field] === null ? '' : String(mapping[field])}
            onChange={(event) =>
              onChange({ ...mapping, [field]: event.target.value === '' ? null : Number(event.target.value) })
            }
          >
            <option value="">{t('mapping.notInFile')}</option>
            {preview.headers.map((header, index) => (
              <option key={index} value={index}>
                {header === '' ? t('mapping.column', { number: index + 1 }) : header}
              </option>
            ))}
          </select>
        </label>
      ))}
    </fieldset>
  );
}

export function SampleRows({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation('import');
  return (
    <div className="import-sample">
      <table className="report-table" aria-label={t('table.sampleLabel')}>
        <thead>
          <tr>
            <th scope="col">{t('table.row')}</th>
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
  const { t } = useTranslation('import');
  if (total === 0) return null;
  return (
    <div className="import-rejected">
      <table className="report-table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">{t('table.row')}</th>
            <th scope="col">{t('table.company')}</th>
            <th scope="col">{t('table.problems')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.rowNumber}>
              <th scope="row">{row.rowNumber}</th>
              <td>{row.companyName ?? t('table.noCompany')}</td>
              <td>
                <ul className="import-problems">
                  {row.problems.map((problem) => (
                    <li key={problem}>{translateMessage(problem)}</li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {total > rows.length && <p className="panel-note">{t('table.firstOf', { shown: rows.length, total })}</p>}
    </div>
  );
}

export function DuplicateRows({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation('import');
  return (
    <table className="report-table" aria-label={t('duplicates.label')}>
      <thead>
        <tr>
          <th scope="col">{t('table.row')}</th>
          <th scope="col">{t('duplicates.domainPrefix')}</th>
          <th scope="col">{t('duplicates.existing')}</th>
        </tr>
      </thead>
      <tbody>
        {preview.duplicates.map((row) => (
          <tr key={row.rowNumber}>
            <th scope="row">{row.rowNumber}</th>
            <td>{row.domainPrefix}</td>
            <td>
              {row.updatable ? row.existingCompanyName : t('duplicates.finished', { name: row.existingCompanyName })}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
