// CSV import of pending customers: a preview (mapping, first rows, per-row validation, duplicates by domain)
// and the import itself. Every row passes the customer service's own checks (the new-customer form's rules
// and reseller lookup); the valid ones are written in one transaction; links are requested only afterwards,
// so Partner Center being unreachable never loses an imported row.
import { randomUUID } from 'node:crypto';
import type { Reseller } from '../../../shared/domain/reseller';
import {
  importListLimit,
  type DuplicateAction,
  type ImportMapping,
  type ImportPreview,
  type ImportResult,
  type RejectedRow,
  type ResellerChoices,
} from '../../../shared/domain/customer-import';
import { importFieldLabels } from '../../../shared/domain/customer-import';
import { AppError } from '../../../shared/ipc/ipc-error';
import type { AuthorizationLinkService } from '../links/authorization-link-service';
import { requireProfile } from '../customers/customer-records';
import type { CheckedCustomerFields, CustomerService } from '../customers/customer-service';
import type { ResellerService } from '../resellers/reseller-service';
import type { ServiceContext } from '../../platform/service-context';
import { analyseImport, type ValidRow } from './customer-import-analysis';
import type { CsvRecord } from '../../platform/csv/parse-csv';
import { writeCsv } from '../../../shared/csv/write-csv';

export interface ImportRequest {
  text: string;
  mapping: ImportMapping;
  onDuplicate: DuplicateAction;
  requestLinks: boolean;
  operationId?: string | undefined;
  // Resellers picked in the preview for rows without an MPN ID, by row number.
  resellerChoices?: ResellerChoices;
}

export interface CustomerImportService {
  preview(text: string, mapping: ImportMapping | null, resellerChoices?: ResellerChoices): ImportPreview;
  importCustomers(request: ImportRequest): Promise<ImportResult>;
}

const sampleSize = 10;

export function createCustomerImportService(
  context: ServiceContext,
  dependencies: { customers: CustomerService; resellers: ResellerService; links: AuthorizationLinkService },
): CustomerImportService {
  const { customers, resellers, links } = dependencies;

  // Progress for the window, at most about a hundred events however large the file.
  const progress = (operationId: string, kind: string, total: number) => {
    const step = Math.max(1, Math.floor(total / 100));
    return (done: number, failed: number) => {
      if (done === total || done % step === 0) {
        context.emit('operationProgress', { operationId, kind, done, total, failed });
      }
    };
  };

  return {
    preview(text, mapping, resellerChoices = {}) {
      const analysis = analyseImport(context.db, text, mapping, requireProfile(context), resellerChoices);
      return {
        delimiter: analysis.delimiter,
        headers: analysis.headers,
        mapping: analysis.mapping,
        sampleRows: analysis.records.slice(0, sampleSize).map(({ rowNumber, cells }) => ({ rowNumber, cells })),
        totalRows: analysis.records.length,
        validRows: analysis.valid.length,
        rejectedCount: analysis.rejected.length,
        rejected: analysis.rejected.slice(0, importListLimit).map(({ record: _record, ...row }) => row),
        duplicateCount: analysis.duplicates.length,
        duplicates: analysis.duplicates.slice(0, importListLimit).map(({ duplicate }) => ({
          rowNumber: duplicate.rowNumber,
          domainPrefix: duplicate.domainPrefix,
          existingCompanyName: duplicate.existingCompanyName,
          updatable: duplicate.updatable,
        })),
        missingFields: analysis.missingFields,
        blankResellerCount: analysis.blankReseller.length,
        blankReseller: analysis.blankReseller.slice(0, importListLimit),
      };
    },

    async importCustomers(request) {
      const operationId = request.operationId ?? randomUUID();
      const analysis = analyseImport(
        context.db,
        request.text,
        request.mapping,
        requireProfile(context),
        request.resellerChoices,
      );
      if (analysis.missingFields.length > 0) {
        const names = analysis.missingFields.map((field) => importFieldLabels[field]).join(', ');
        throw new AppError('invalid-request', `Choose the column for: ${names}.`);
      }
      const rejected: (RejectedRow & { record: CsvRecord })[] = [...analysis.rejected];
      const updates = request.onDuplicate === 'update' ? analysis.duplicates : [];
      const skipped = analysis.duplicates.length - updates.length;

      // Each MPN ID is resolved once per import (so an unknown one costs one Partner Center refresh, not one per
      // row); a failure is remembered too, and rejects every row naming that reseller with the same reason.
      const resolved = new Map<string, Promise<Reseller>>();
      const resolveReseller = (mpnId: string): Promise<Reseller> => {
        let found = resolved.get(mpnId);
        if (!found) {
          found = resellers.resolve(mpnId);
          found.catch(() => undefined);
          resolved.set(mpnId, found);
        }
        return found;
      };

      const toCheck: { row: ValidRow; existingCustomerId: string | null }[] = [
        ...analysis.valid.map((row) => ({ row, existingCustomerId: null })),
        ...updates.map((row) => ({ row, existingCustomerId: row.duplicate.existingCustomerId })),
      ];
      const report = progress(operationId, 'customer-import', toCheck.length);
      const create: CheckedCustomerFields[] = [];
      const update: { customerId: string; fields: CheckedCustomerFields }[] = [];
      for (const [index, { row, existingCustomerId }] of toCheck.entries()) {
        try {
          const fields = await customers.checkDetails(row.details, resolveReseller);
          if (existingCustomerId === null) create.push(fields);
          else update.push({ customerId: existingCustomerId, fields });
        } catch (error) {
          const reason = error instanceof AppError ? error.message : 'This row could not be checked.';
          rejected.push({
            rowNumber: row.record.rowNumber,
            companyName: row.details.companyName,
            reason,
            problems: [reason],
            record: row.record,
          });
        }
        report(index + 1, rejected.length - analysis.rejected.length);
      }
      const saved = customers.saveChecked({ create, update });

      const linkOutcome = request.requestLinks
        ? await requestLinks(saved.created, operationId)
        : { linksRequested: 0, linksQueued: 0, linkFailures: 0, linkError: null };
      rejected.sort((a, b) => a.rowNumber - b.rowNumber);
      return {
        operationId,
        created: saved.created.length,
        updated: saved.updated.length,
        skippedDuplicates: skipped,
        rejectedCount: rejected.length,
        rejected: rejected.slice(0, importListLimit).map(({ record: _record, ...row }) => row),
        rejectedCsv: rejected.length === 0 ? null : rejectedRowsCsv(analysis.headers, rejected),
        ...linkOutcome,
      };
    },
  };

  // After the rows are safely stored: one link per new customer. Offline stops the run (every other call
  // would fail the same way); the customers stay as drafts whose link can be fetched from the queue later.
  async function requestLinks(customerIds: string[], operationId: string) {
    const report = progress(operationId, 'customer-import-links', customerIds.length);
    let linksRequested = 0;
    let linksQueued = 0;
    let linkFailures = 0;
    let linkError: string | null = null;
    for (const customerId of customerIds) {
      try {
        const detail = await links.requestAuthorizationLink(customerId);
        // Without a connection the request is queued in the outbox: the customer answers without a link yet.
        if (detail.customer.authorizationLink === null) linksQueued++;
        else linksRequested++;
      } catch (error) {
        linkFailures++;
        linkError = error instanceof Error ? error.message : 'The authorization link could not be fetched.';
        if (error instanceof AppError && error.code === 'offline') {
          linkFailures = customerIds.length - linksRequested - linksQueued;
          break;
        }
      }
      report(linksRequested + linksQueued + linkFailures, linkFailures);
    }
    if (linkFailures > 0) {
      context.emit('operationProgress', {
        operationId,
        kind: 'customer-import-links',
        done: customerIds.length,
        total: customerIds.length,
        failed: linkFailures,
      });
    }
    return { linksRequested, linksQueued, linkFailures, linkError };
  }
}

// The rejected rows as they were in the file, with the row number and the reason first, ready to fix.
export function rejectedRowsCsv(
  headers: readonly string[],
  rejected: readonly (RejectedRow & { record: CsvRecord })[],
) {
  return writeCsv(
    ['Row', 'Reason', ...headers],
    rejected.map(({ rowNumber, reason, record }) => [
      rowNumber,
      reason,
      ...headers.map((_, i) => record.cells[i] ?? ''),
    ]),
  );
}
