// The request headers Microsoft's Partner Center reference lists as required: MS-Contract-Version v1 and a
// GUID in MS-RequestId and MS-CorrelationId. Partner Center itself is lenient about some of them; the
// simulator is not, so every test that goes through it proves the client sends them.
import { header, partnerCenterError, type SimulatorRequest, type SimulatorResponse } from './simulator-http';

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// null when the headers are all there; otherwise the 400 that names what is missing.
export function rejectMissingHeaders(request: SimulatorRequest): SimulatorResponse | null {
  const problems: string[] = [];
  if (header(request, 'ms-contract-version')?.trim().toLowerCase() !== 'v1') {
    problems.push('MS-Contract-Version must be v1');
  }
  for (const name of ['MS-RequestId', 'MS-CorrelationId']) {
    if (!guid.test(header(request, name)?.trim() ?? '')) problems.push(`${name} must be a GUID`);
  }
  if (problems.length === 0) return null;
  return partnerCenterError(400, 400, `Missing or invalid request headers: ${problems.join('; ')}.`);
}
