// The simulator's request log stays bounded however long it runs: the oldest requests are dropped, while the
// count of requests since the last reset keeps counting.
import { describe, expect, it } from 'vitest';
import {
  clearRequests,
  createSimulatorState,
  maxRecordedRequests,
  recordRequest,
  resetSimulatorState,
} from '../../../sandbox/simulator-state';

const request = (index: number) => ({ method: 'GET', path: `/v1/customers/${index}`, query: {}, headers: {} });

describe('simulator request log', () => {
  it('keeps the last requests only, oldest dropped, and counts them all', () => {
    const state = createSimulatorState();
    const total = maxRecordedRequests * 2 + 17;
    for (let index = 0; index < total; index += 1) recordRequest(state, request(index));
    expect(state.requests).toHaveLength(maxRecordedRequests);
    expect(state.requests[0]?.path).toBe(`/v1/customers/${total - maxRecordedRequests}`);
    expect(state.requests.at(-1)?.path).toBe(`/v1/customers/${total - 1}`);
    expect(state.requestCount).toBe(total);
  });

  it('starts again from nothing when cleared or reset', () => {
    const state = createSimulatorState();
    for (let index = 0; index < 3; index += 1) recordRequest(state, request(index));
    clearRequests(state);
    expect(state.requests).toEqual([]);
    expect(state.requestCount).toBe(0);
    recordRequest(state, request(9));
    resetSimulatorState(state);
    expect(state.requests).toEqual([]);
    expect(state.requestCount).toBe(0);
  });
});
