// `authdesk customers import <file>`: imports pending customers from a CSV file with the window's import (the
// columns detected from the header row, every row checked by the new-customer rules, duplicates by domain
// skipped or updated); the rejected rows are listed, and can be written as a CSV to fix.
import { randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { importFieldLabels } from '../../../shared/domain/customer-import';
import { decodeCsvBytes } from '../../../shared/domain/csv-encoding';
import { callHandler } from '../call-handler';
import { UsageError, exitCodes, stringValue, type CliCommand } from '../cli-command';

export const customersImportCommand: CliCommand = {
  words: ['customers', 'import'],
  usage: '<file.csv> [--update-duplicates] [--no-links] [--rejected FILE]',
  summary: 'Import pending customers from a CSV file (they already have a Microsoft 365 tenant)',
  options: {
    'update-duplicates': { type: 'boolean' },
    'no-links': { type: 'boolean' },
    rejected: { type: 'string' },
  },
  positionals: { min: 1, max: 1 },
  async run(context, values, positionals) {
    const file = positionals[0] ?? '';
    const bytes = await readFile(file).catch(() => {
      throw new UsageError(`Cannot read ${file}.`);
    });
    const { text } = decodeCsvBytes(new Uint8Array(bytes));
    const preview = await callHandler(context.handlers, 'previewCustomerImport', { text, mapping: null });
    if (preview.missingFields.length > 0) {
      const names = preview.missingFields.map((field) => importFieldLabels[field]).join(', ');
      context.err(`No column found for: ${names}. Name the columns in the header row (for example "Company name").`);
      return exitCodes.failure;
    }
    const result = await callHandler(context.handlers, 'importCustomers', {
      text,
      mapping: preview.mapping,
      onDuplicate: values['update-duplicates'] === true ? 'update' : 'skip',
      requestLinks: values['no-links'] !== true,
      // Running the import is the confirmation, as the command's summary says.
      ownsExistingTenant: true,
      operationId: randomUUID(),
    });
    const rejectedFile = stringValue(values, 'rejected');
    if (rejectedFile && result.rejectedCsv !== null) await writeFile(rejectedFile, `\uFEFF${result.rejectedCsv}`);
    if (context.json) {
      context.out(JSON.stringify({ ...result, rejectedCsv: undefined }, null, 2));
    } else {
      context.out(
        `Imported ${result.created} customers, updated ${result.updated}, skipped ${result.skippedDuplicates} already in AuthDesk, rejected ${result.rejectedCount}.`,
      );
      if (result.linksRequested + result.linksQueued + result.linkFailures > 0) {
        context.out(
          `Authorization links: ${result.linksRequested} fetched, ${result.linksQueued} waiting for the connection, ${result.linkFailures} not yet.`,
        );
      }
      if (result.linkError) context.err(`Links: ${result.linkError}`);
      for (const row of result.rejected) context.err(`Row ${row.rowNumber}: ${row.reason}`);
      if (result.rejectedCount > result.rejected.length) {
        context.err(`… and ${result.rejectedCount - result.rejected.length} more; --rejected FILE writes them all.`);
      }
      if (rejectedFile && result.rejectedCsv !== null) context.out(`Rejected rows written to ${rejectedFile}.`);
    }
    return result.rejectedCount > 0 ? exitCodes.failure : exitCodes.ok;
  },
};
