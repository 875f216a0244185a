// The channel of the conversion report: the funnel, time to authorize and stalled customers over a period.
import { conversionReportSchema, reportFilterSchema } from '../../domain/conversion-report';
import type { Channels } from '../channel';

export const reportsChannels = {
  getConversionReport: { request: reportFilterSchema, response: conversionReportSchema },
} as const satisfies Channels;
