// Reading Microsoft's response bodies, shared by the Partner Center and Graph clients: JSON when it is JSON,
// and a short account of why a body did not match what the API documents.
import type { z } from 'zod';

export function parseJson(text: string): unknown {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Kept as text: an HTML error page from a proxy still tells the error handling something.
    return text;
  }
}

export function describeSchemaMismatch(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`)
    .join('; ');
}
