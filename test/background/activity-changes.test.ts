import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { ActivityDatabase, type ReportRecord } from '../../lib/activity/activity-db';
import { DeletedRecords } from '../../lib/activity/deleted-records';
import { clearActivity, deleteReports, setReportStatus } from '../../lib/background/activity-changes';
import { checkPageRequest, isExtensionPage } from '../../lib/messaging/page-schemas';

function db() {
  return new ActivityDatabase({ indexedDB: new IDBFactory(), IDBKeyRange });
}

const report = (itemId: string) => ({ itemId, status: 'draft', createdAt: 1, noticeIds: [] }) as unknown as ReportRecord;

describe('activity changes from extension pages', () => {
  it('delete history entries, count only those that existed, and put them back on undo (once)', async () => {
    const activity = db();
    await activity.history.bulkPut([{ itemId: '1000001', lastSeen: 5 }, { itemId: '1000002' }] as never);
    const deletedHistory = new DeletedRecords(activity.history, 'history');
    const answer = await deletedHistory.delete(['1000001', '1000009']);
    expect(answer).toEqual({ deleted: 1, undoToken: 'history-1' });
    expect(await activity.history.count()).toBe(1);
    expect(await deletedHistory.undo('history-1')).toBe(1);
    expect(await activity.history.get('1000001')).toEqual({ itemId: '1000001', lastSeen: 5 });
    expect(await deletedHistory.undo('history-1')).toBe(0);
    expect(await deletedHistory.delete(['1000009'])).toEqual({ deleted: 0, undoToken: null });
  });

  it('mark reports submitted and delete them', async () => {
    const activity = db();
    const ids = (await activity.reports.bulkAdd([report('1000001'), report('1000002')], { allKeys: true })) as number[];
    expect(await setReportStatus(activity, ids, 'submitted')).toBe(2);
    expect((await activity.reports.toArray()).map((r) => r.status)).toEqual(['submitted', 'submitted']);
    expect(await deleteReports(activity, [ids[0]!])).toBe(1);
    expect(await activity.reports.count()).toBe(1);
  });

  it('clear only the kinds asked for', async () => {
    const activity = db();
    await activity.history.put({ itemId: '1000001' } as never);
    await activity.trusted.put({ key: 'item:1000001', kind: 'item', label: 'x', createdAt: 1 });
    await clearActivity(activity, ['history']);
    expect(await activity.history.count()).toBe(0);
    expect(await activity.trusted.count()).toBe(1);
  });
});

describe('page requests', () => {
  it('are taken only from the extension origin', () => {
    expect(isExtensionPage('chrome-extension://abc/popup.html', 'chrome-extension://abc/')).toBe(true);
    expect(isExtensionPage('https://s.taobao.com/search', 'chrome-extension://abc/')).toBe(false);
    expect(isExtensionPage(undefined, 'chrome-extension://abc/')).toBe(false);
  });

  it('are checked, naming the field', () => {
    expect(checkPageRequest('deleteHistory', { itemIds: ['1000001'] })).toEqual({ itemIds: ['1000001'] });
    expect(() => checkPageRequest('deleteHistory', { itemIds: ['<img>'] })).toThrow(/deleteHistory: itemIds.0: is not an item id/);
    expect(() => checkPageRequest('untrust', { key: 'javascript:alert(1)' })).toThrow(/untrust: key/);
    expect(() => checkPageRequest('clearData', { kinds: [] })).toThrow(/clearData: kinds/);
  });
});
