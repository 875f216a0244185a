// MPN ID validation when a typed MPN ID is not among the cached resellers: Partner Center's MPN profile tells
// "no such partner" (404, code 3000) from "a partner, but not our reseller", and a failed lookup claims
// neither. The cached list keeps working offline.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../../sandbox/start-simulator';
import { distributorProfile, indirectDetails } from '../../../support/customer-fixtures';
import { call, callError } from '../../../support/ipc-call';
import { startTestApp, type TestApp } from '../../../support/test-app';

describe('reseller MPN ID validation', () => {
  let simulator: Simulator;
  let app: TestApp;
  beforeAll(async () => {
    simulator = await startSimulator();
    app = await startTestApp({ simulatorUrl: simulator.url });
    await call(app, 'savePartnerProfile', distributorProfile);
  });
  afterAll(async () => {
    await app.close();
    await simulator.stop();
  });
  beforeEach(() => simulator.control.reset());

  it('says when no partner has the MPN ID, and asks Partner Center for it', async () => {
    const error = await callError(app, 'createCustomer', indirectDetails({ resellerMpnId: '9999999' }));
    expect(error.code).toBe('invalid-request');
    expect(error.fieldErrors?.resellerMpnId).toBe(
      'No partner with MPN ID 9999999 exists in Partner Center. Check the number with the reseller, or leave it blank.',
    );
    expect(
      simulator.state.requests.some(
        (request) => request.path === '/v1/profiles/mpn' && request.query.mpnId === '9999999',
      ),
    ).toBe(true);
  });

  it('does not call an MPN ID unknown when the lookup itself failed', async () => {
    await simulator.control.addFault({ path: '/v1/profiles/mpn', times: 20, status: 400 });
    const error = await callError(app, 'createCustomer', indirectDetails({ resellerMpnId: '9999999' }));
    expect(error.fieldErrors?.resellerMpnId).toBe(
      'No indirect reseller with MPN ID 9999999 works with Contoso Distribution. Check the number with the reseller, or leave it blank.',
    );
  });

  it('asks nothing about an MPN ID among the cached resellers', async () => {
    await call(app, 'refreshResellers', {});
    await simulator.control.clearRequestLog();
    await call(app, 'createCustomer', indirectDetails({ resellerMpnId: '4391507', domainPrefix: 'cachedco' }));
    expect(simulator.state.requests.some((request) => request.path === '/v1/profiles/mpn')).toBe(false);
  });

  it('keeps the cached list when Partner Center cannot be reached', async () => {
    const cached = await call(app, 'refreshResellers', {});
    expect(cached.map((reseller) => reseller.mpnId)).toContain('4391507');
    await simulator.control.addFault({ path: '/v1/relationships', times: 50, dropConnection: true });
    const refused = await callError(app, 'refreshResellers', {});
    expect(refused.code).toBe('offline');
    expect(await call(app, 'listResellers', {})).toEqual(cached);
  });
});
