// Rows of a CSV file that would make indirect customers without a reseller: the storefront's blank-MPN warning,
// and a reseller to pick per row (from the distributor's resellers), so none is imported that way by accident.
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../shared/domain/customer-import';
import { useResellers } from '../customer/use-resellers';

export function BlankResellerRows({
  preview,
  organizationName,
  choices,
  onChoose,
}: {
  preview: ImportPreview;
  organizationName: string;
  choices: Readonly<Record<string, string>>;
  onChoose: (rowNumber: number, mpnId: string | null) => void;
}) {
  const { t } = useTranslation(['import', 'customer']);
  const resellers = useResellers(preview.blankResellerCount > 0 || Object.keys(choices).length > 0);
  const chosenRows = Object.keys(choices).map(Number);
  const rows = [
    ...preview.blankReseller,
    // Rows given a reseller here stay listed, so the choice can be changed back.
    ...chosenRows
      .filter((rowNumber) => !preview.blankReseller.some((row) => row.rowNumber === rowNumber))
      .map((rowNumber) => ({ rowNumber, companyName: null })),
  ].sort((a, b) => a.rowNumber - b.rowNumber);
  if (rows.length === 0) return null;
  return (
    <div className="import-blank-reseller">
      <p className="warning" role="status">
        {t('blankReseller.count', { count: preview.blankResellerCount })}{' '}
        {t('customer:form.blankMpnIdWarning', { organization: organizationName })}
      </p>
      <table className="report-table" aria-label={t('blankReseller.tableLabel')}>
        <thead>
          <tr>
            <th scope="col">{t('table.row')}</th>
            <th scope="col">{t('table.company')}</th>
            <th scope="col">{t('blankReseller.reseller')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.rowNumber}>
              <th scope="row">{row.rowNumber}</th>
              <td>{row.companyName ?? t('blankReseller.chosen')}</td>
              <td>
                <select
                  aria-label={t('blankReseller.rowSelect', { row: row.rowNumber })}
                  value={choices[String(row.rowNumber)] ?? ''}
                  onChange={(event) => onChoose(row.rowNumber, event.target.value === '' ? null : event.target.value)}
                >
                  <option value="">{t('blankReseller.none')}</option>
                  {resellers.map((reseller) => (
                    <option key={reseller.tenantId} value={reseller.mpnId}>
                      {reseller.name} ({reseller.mpnId})
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
