/** The desk's data: the version-2 upgrade of today's reports, figures, batches, and undoing a deletion. */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACTIVITY_DB_NAME, ActivityDatabase } from '../../lib/activity/activity-db';
import { caseOf } from '../../lib/evidence/case-desk';
import { DeletedReports } from '../../lib/evidence/deleted-reports';
import { NOW, reportRecord } from '../activity/history-records';

let db: ActivityDatabase;

beforeEach(async () => {
  await Dexie.delete(ACTIVITY_DB_NAME);
});

afterEach(() => db?.close());

describe('activity database version 2', () => {
  it('gives version-1 reports the desk fields and keeps their status', async () => {
    const v1 = new Dexie(ACTIVITY_DB_NAME);
    v1.version(1).stores({ history: 'itemId, lastSeen, risk, brand, platform', reports: '++id, itemId, createdAt, status', trusted: 'key, kind, createdAt' });
    // The fixture's records are version-1 records: no desk fields.
    const old = [reportRecord(1, { itemId: '700000000001', title: 'a' }), reportRecord(2, { itemId: '700000000002', title: 'b', brand: 'chanel' }, { status: 'submitted' })];
    expect(old.every((r) => !('statusChanges' in r) && !('brand' in r))).toBe(true);
    await v1.table('reports').bulkPut(old);
    v1.close();

    db = new ActivityDatabase();
    await db.open();
    expect(db.verno).toBe(3);
    const [draft, submitted] = await db.reports.toArray();
    expect(draft).toMatchObject({ status: 'draft', brand: 'gucci', reason: null, complaintId: null, notes: '', batchId: null, statusChanges: [{ status: 'draft', at: NOW }] });
    expect(submitted).toMatchObject({ status: 'submitted', brand: 'chanel', statusChanges: [{ status: 'draft', at: NOW }, { status: 'submitted', at: null }] });
    expect(await db.reports.where('brand').equals('chanel').count()).toBe(1);
    expect(await db.evidence.count()).toBe(0);
  });

  it('caseOf fills the defaults for a record without desk fields (an old backup)', () => {
    const old = reportRecord(3, { itemId: '700000000003', title: 'c' }, { status: 'submitted' });
    expect(caseOf(old)).toEqual({ brand: 'gucci', reason: null, complaintId: null, notes: '', batchId: null, statusChanges: [{ status: 'draft', at: NOW }, { status: 'submitted', at: null }] });
  });
});

describe('undoing a deletion', () => {
  it('puts the deleted reports back with their ids, once', async () => {
    db = new ActivityDatabase();
    await db.open();
    await db.reports.bulkPut([reportRecord(1, { itemId: '700000000001', title: 'a' }), reportRecord(2, { itemId: '700000000002', title: 'b' }, { notes: 'kept' })]);
    const deleted = new DeletedReports(db);
    const answer = await deleted.delete([2, 99]);
    expect(answer).toEqual({ deleted: 1, undoToken: expect.any(String) });
    expect(await db.reports.count()).toBe(1);
    expect(await deleted.undo(answer.undoToken!)).toBe(1);
    expect(await db.reports.get(2)).toMatchObject({ itemId: '700000000002', notes: 'kept' });
    expect(await deleted.undo(answer.undoToken!)).toBe(0);
    expect(await deleted.delete([99])).toEqual({ deleted: 0, undoToken: null });
  });
});
