// The channels of CSV export (customers and history: streamed by main into the file chosen in its save dialog;
// no path crosses the bridge) and CSV import of pending customers (the file's text in; preview, then import).
import { z } from 'zod';
import {
  duplicateActions,
  importMappingSchema,
  importPreviewSchema,
  importResultSchema,
  maxImportTextLength,
  resellerChoicesSchema,
} from '../../domain/customer-import';
import { queueFilterSchema } from '../../domain/queue-query';
import type { Channels } from '../channel';
import { operationId } from '../ids';

const csvText = z
  .string()
  .max(maxImportTextLength, 'The file is too large to import at once (at most 20 MB): split it into parts.');

export const importExportChannels = {
  // The window's export: main asks where to save (its own dialog, so no path crosses the bridge) and streams
  // the rows into that file, with operationProgress events; fileName null when the user closed the dialog.
  // filter null: everything; otherwise the queue's current filter.
  exportCsvFile: {
    request: z
      .object({ kind: z.enum(['customers', 'history']), filter: queueFilterSchema.nullable(), operationId })
      .strict(),
    response: z.object({ fileName: z.string().nullable(), rows: z.number().int(), cancelled: z.boolean() }),
  },
  cancelCsvExport: { request: z.object({ operationId }).strict(), response: z.object({}) },
  previewCustomerImport: {
    request: z
      .object({
        text: csvText,
        mapping: importMappingSchema.nullable(),
        resellerChoices: resellerChoicesSchema.optional(),
      })
      .strict(),
    response: importPreviewSchema,
  },
  importCustomers: {
    request: z
      .object({
        text: csvText,
        mapping: importMappingSchema,
        onDuplicate: z.enum(duplicateActions),
        requestLinks: z.boolean(),
        resellerChoices: resellerChoicesSchema.optional(),
        // The form's existing-tenant confirmation, given once for the whole file.
        ownsExistingTenant: z.literal(true, {
          error: 'Confirm that these customers already have a Microsoft 365 tenant.',
        }),
        operationId,
      })
      .strict(),
    response: importResultSchema,
  },
} as const satisfies Channels;
