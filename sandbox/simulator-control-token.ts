// The simulator AuthDesk starts in-process listens on 127.0.0.1, where any local program could reach it: with
// a control token set, its /sandbox routes (accept a link, set the client secret, inject faults) answer only
// a caller that sends the token, which only the app's own control client knows. A simulator started alone
// (npm run sandbox, tests) has none and stays open to its scripts.
import { timingSafeEqual } from 'node:crypto';
import { header, json, type SimulatorRequest, type SimulatorResponse } from './simulator-http';

export const controlTokenHeader = 'X-AuthDesk-Sandbox-Control';

export function rejectWithoutControlToken(request: SimulatorRequest, token: string | null): SimulatorResponse | null {
  if (token === null || !request.path.toLowerCase().startsWith('/sandbox/')) return null;
  const sent = Buffer.from(header(request, controlTokenHeader) ?? '', 'utf8');
  const expected = Buffer.from(token, 'utf8');
  if (sent.length === expected.length && timingSafeEqual(sent, expected)) return null;
  return json(401, {
    error: `The sandbox controls need the ${controlTokenHeader} header of the app that started them.`,
  });
}
