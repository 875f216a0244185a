// Reading Microsoft's response bodies, for the HTTP core and the clients' errors: JSON when it is JSON, a
// short account of why a body did not match what the API documents, and the words of a body that is not
// the API's documented error shape.
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

// A plain-text body short enough to show (a gateway's one-line answer); a long one is an error page.
export function shortTextOf(body: unknown): string | null {
  return typeof body === 'string' && body.length <= 200 ? body : null;
}
