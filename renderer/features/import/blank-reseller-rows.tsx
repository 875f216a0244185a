// Rows of a CSV file that would make indirect customers without a reseller: the storefront's blank-MPN warning,
// and a reseller to pick per row (from the distributor's resellers), so none is imported that way by accident.
import type { ImportPreview } from '../../../shared/domain/customer-import';
import { blankMpnIdWarning } from '../../../shared/domain/service-details-rules';
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
        {preview.blankResellerCount} row{preview.blankResellerCount === 1 ? '' : 's'} without a reseller MPN ID.{' '}
        {blankMpnIdWarning(organizationName)}
      </p>
      <table className="report-table" aria-label="Rows without a reseller">
        <thead>
          <tr>
            <th scope="col">Row</th>
            <th scope="col">Company</th>
            <th scope="col">Reseller</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.rowNumber}>
              <th scope="row">{row.rowNumber}</th>
              <td>{row.companyName ?? '(reseller chosen)'}</td>
              <td>
                <select
                  aria-label={`Reseller for row ${row.rowNumber}`}
                  value={choices[String(row.rowNumber)] ?? ''}
                  onChange={(event) => onChoose(row.rowNumber, event.target.value === '' ? null : event.target.value)}
                >
                  <option value="">No reseller</option>
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
