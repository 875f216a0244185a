// The partner profile in settings and the synced reseller list.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { openDatabase } from '../../../../main/platform/db/connection';
import {
  findResellerByMpnId,
  listResellers,
  replaceAllResellers,
} from '../../../../main/features/resellers/resellers-repository';
import {
  getPartnerProfile,
  savePartnerProfile,
} from '../../../../main/features/partner-profile/partner-profile-repository';
import { distributorProfile } from '../../../support/customer-fixtures';

describe('settings and resellers', () => {
  let db: Database;
  beforeEach(() => {
    db = openDatabase(':memory:');
  });

  it('has no partner profile until one is saved, then the last one saved', () => {
    expect(getPartnerProfile(db)).toBeNull();
    savePartnerProfile(db, distributorProfile, new Date());
    savePartnerProfile(db, { ...distributorProfile, organizationName: 'Renamed' }, new Date());
    expect(getPartnerProfile(db)).toEqual({ ...distributorProfile, organizationName: 'Renamed' });
  });

  it('replaces the reseller list as a whole, and rolls back a bad list entirely', () => {
    const syncedAt = '2026-01-01T00:00:00.000Z';
    const now = new Date('2026-01-02T00:00:00.000Z');
    replaceAllResellers(
      db,
      [
        { tenantId: 't1', name: 'Northwind', mpnId: '5123456', state: 'Active', syncedAt },
        { tenantId: 't2', name: 'fabrikam', mpnId: '4391507', state: null, syncedAt },
      ],
      now,
    );
    expect(listResellers(db).map((reseller) => reseller.name)).toEqual(['fabrikam', 'Northwind']);
    expect(findResellerByMpnId(db, ' 4391507 ')).toMatchObject({ tenantId: 't2' });
    expect(() =>
      replaceAllResellers(
        db,
        [
          { tenantId: 't3', name: 'A', mpnId: '1111', state: null, syncedAt },
          { tenantId: 't4', name: null as never, mpnId: '2222', state: null, syncedAt },
        ],
        now,
      ),
    ).toThrow(/NOT NULL/);
    expect(listResellers(db)).toHaveLength(2);
    // A reseller no longer listed is gone from the list (kept, marked removed), and comes back when listed again.
    replaceAllResellers(db, [{ tenantId: 't1', name: 'Northwind', mpnId: '5123456', state: 'Active', syncedAt }], now);
    expect(findResellerByMpnId(db, '4391507')).toBeNull();
    expect(listResellers(db).map((reseller) => reseller.tenantId)).toEqual(['t1']);
    replaceAllResellers(db, [{ tenantId: 't2', name: 'Fabrikam', mpnId: '4391507', state: null, syncedAt }], now);
    expect(findResellerByMpnId(db, '4391507')).toMatchObject({ tenantId: 't2', name: 'Fabrikam' });
    expect(listResellers(db).map((reseller) => reseller.tenantId)).toEqual(['t2']);
  });
});
