import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { ActivityDatabase } from '../../lib/activity/activity-db';
import { trust, untrust } from '../../lib/activity/trust';
import { ActivityMarks } from '../../lib/background/activity-marks';
import { listing } from '../notices/notice-fixtures';

describe('ActivityMarks', () => {
  it('answers from memory, notes its own writes, and reloads after forget()', async () => {
    const db = new ActivityDatabase({ indexedDB: new IDBFactory(), IDBKeyRange });
    const shopListing = listing('700000000001', { id: '55501', name: '某店' });
    const sameShop = listing('700000000002', { id: '55501', name: '某店' });
    await trust(db, 'shop', shopListing, 1);
    await db.reports.add({ itemId: '700000000003' } as never);
    const marks = new ActivityMarks(db);
    expect(await marks.of([shopListing, sameShop, listing('700000000003')])).toEqual({ trusted: ['700000000001', '700000000002'], reported: ['700000000003'] });

    await marks.noteReported('700000000001');
    expect((await marks.of([shopListing])).reported).toEqual(['700000000001']);

    await untrust(db, 'shop-id:55501');
    expect((await marks.of([sameShop])).trusted).toEqual(['700000000002']); // not told yet
    marks.forget();
    expect((await marks.of([sameShop])).trusted).toEqual([]);
  });
});
