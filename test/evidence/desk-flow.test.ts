/**
 * The background's side of the desk end to end: a report from the service, status changes, case
 * details and a deletion through the page-handler table, then the export verifies with the chain
 * holding each step.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { ActivityDatabase } from '../../lib/activity/activity-db';
import { evidenceZip } from '../../lib/activity/reports-export';
import { BackgroundService } from '../../lib/background/background-service';
import { pageHandlers, type PageHandlerDeps } from '../../lib/background/page-handlers';
import { backupJson, createBackup } from '../../lib/backup/backup';
import { evidenceChain, verifyStoredChain } from '../../lib/evidence/evidence-log';
import { verifyEvidenceZip } from '../../lib/evidence/verify-evidence-zip';
import type { Listing } from '../../lib/listing';
import { checkPageRequest } from '../../lib/messaging/page-schemas';
import { BUILTIN_PACKS, compileRules } from '../../lib/rules';
import { DEFAULT_SETTINGS } from '../../lib/settings/settings';

const T = 1_700_000_000_000;
const DAY = 86_400_000;

function listing(n: number): Listing {
  const itemId = String(700000000000 + n);
  return {
    itemId,
    url: `https://item.taobao.com/item.htm?id=${itemId}`,
    title: '古驰 GG 马衔扣 女包 原单 1:1',
    price: { min: 299, max: 299, currency: 'CNY' },
    shop: { name: '莆田精品店', id: '55501', platform: 'taobao', tier: 'store' },
    sales: null,
    location: null,
    image: null,
    isAd: false,
  };
}

describe('the desk through the background', () => {
  it('logs a report, its batch, submission with a complaint id, removal and a reason; deletion can be undone; the zip verifies', async () => {
    const activity = new ActivityDatabase({ indexedDB: new IDBFactory(), IDBKeyRange });
    let now = T;
    const service = new BackgroundService({
      activity,
      rules: () => compileRules(BUILTIN_PACKS),
      noticeHits: () => [],
      settings: async () => DEFAULT_SETTINGS,
      now: () => now,
      uiLanguage: () => 'en',
      captureVisibleTab: async () => 'data:image/png;base64,iVBORw0KGgo=',
      showTab: async () => undefined,
    });
    const handlers = pageHandlers({ activity, service, now: () => now } as unknown as PageHandlerDeps);
    const call = async <K extends keyof typeof handlers>(name: K, data: unknown) => (handlers[name].handle as (d: unknown) => unknown)(checkPageRequest(name, data));

    const { reportId } = await service.report({ listing: listing(1), cardMarkup: '<a>…</a>' }, 'https://s.taobao.com/search?q=gucci', { windowId: 7, tabId: null });
    await service.report({ listing: listing(2), cardMarkup: '' }, 'https://s.taobao.com/search?q=gucci', null);
    now += DAY;
    expect(await call('setReportStatus', { ids: [reportId], status: 'batched', batchId: 'gucci/counterfeit/1' })).toEqual({ updated: 1 });
    now += DAY;
    await call('setReportStatus', { ids: [reportId], status: 'submitted', complaintId: 'IPP-77' });
    now += 2 * DAY;
    await call('setReportStatus', { ids: [reportId], status: 'removed' });
    expect(await call('updateReportCase', { id: reportId, reason: 'counterfeit', notes: 'taken down in two days' })).toEqual({ updated: true });
    expect(() => checkPageRequest('setReportStatus', { ids: [reportId], status: 'lost' })).toThrow(/status/);
    expect(() => checkPageRequest('updateReportCase', { id: reportId, complaintId: 'a\nb' })).toThrow(/one line/);

    const deleted = (await call('deleteReports', { ids: [reportId + 1] })) as { deleted: number; undoToken: string };
    expect(deleted.deleted).toBe(1);
    expect(await activity.reports.count()).toBe(1);
    expect(await call('undoDeleteReports', { undoToken: deleted.undoToken })).toEqual({ restored: 1 });

    const report = await activity.reports.get(reportId);
    expect(report).toMatchObject({ status: 'removed', complaintId: 'IPP-77', batchId: 'gucci/counterfeit/1', reason: 'counterfeit', notes: 'taken down in two days' });
    expect(report!.statusChanges!.map((c) => [c.status, (c.at! - T) / DAY])).toEqual([
      ['draft', 0],
      ['batched', 1],
      ['submitted', 2],
      ['removed', 4],
    ]);
    const chain = await evidenceChain(activity);
    expect(chain.map((e) => `${e.kind}:${e.reportId}`)).toEqual([`report:${reportId}`, `report:${reportId + 1}`, ...Array(4).fill(`status:${reportId}`)]);
    expect(chain[0]!.files.map((f) => f.name)).toEqual(['listing.json', 'screenshot.png']);
    expect(chain[1]!.files.map((f) => f.name)).toEqual(['listing.json']);

    // The first entry made the installation's key; the export is signed with it.
    const key = await activity.keys.get('installation');
    expect(key?.publicKey).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    const zip = await evidenceZip(await activity.reports.toArray(), chain, now, undefined, key);
    // The key the options page shows (and its fingerprint) is the one the CLI checks the zip against.
    const shown = (await call('installationKey', undefined)) as { publicKey: string; fingerprint: string };
    expect(shown.publicKey).toBe(key!.publicKey);
    expect(await verifyEvidenceZip(zip, { publicKey: shown.publicKey })).toMatchObject({ ok: true, entries: 6, reports: 2, notes: [], signedBy: { publicKey: shown.publicKey, fingerprint: shown.fingerprint } });
    expect(await activity.keys.count()).toBe(1);
  });

  it("a backup restored through the background brings the log with it, refuses a tampered one whole, and logs an old backup's reports late", async () => {
    const make = () => new ActivityDatabase({ indexedDB: new IDBFactory(), IDBKeyRange });
    const setup = (activity: ActivityDatabase) => {
      const service = new BackgroundService({
        activity,
        rules: () => compileRules(BUILTIN_PACKS),
        noticeHits: () => [],
        settings: async () => DEFAULT_SETTINGS,
        now: () => T,
        uiLanguage: () => 'en',
        captureVisibleTab: async () => 'data:image/png;base64,iVBORw0KGgo=',
        showTab: async () => undefined,
      });
      const saved: unknown[] = [];
      const handlers = pageHandlers({ activity, service, now: () => T + DAY, saveSettings: async (s: unknown) => saved.push(s) } as unknown as PageHandlerDeps);
      const restore = async (json: string) => (handlers.restoreBackup.handle as (d: unknown) => Promise<unknown>)(checkPageRequest('restoreBackup', { json }));
      return { service, restore, saved };
    };
    const source = make();
    const { service } = setup(source);
    await service.report({ listing: listing(1), cardMarkup: '' }, 'https://s.taobao.com/search?q=gucci', { windowId: 7, tabId: null });
    const json = backupJson(await createBackup(source, DEFAULT_SETTINGS, T));

    const target = make();
    const restored = setup(target);
    const tampered = JSON.parse(json) as { evidence: { at: number }[] };
    tampered.evidence[0]!.at += 1;
    expect(await restored.restore(JSON.stringify(tampered))).toMatchObject({ ok: false, problems: [{ field: 'evidence[0]' }] });
    expect([await target.reports.count(), restored.saved.length]).toEqual([0, 0]);

    expect(await restored.restore(json)).toMatchObject({ ok: true });
    expect(await evidenceChain(target)).toEqual(await evidenceChain(source));

    const old = JSON.parse(json) as Record<string, unknown>;
    delete old.evidence;
    expect(await restored.restore(JSON.stringify(old))).toMatchObject({ ok: true });
    const late = await evidenceChain(target);
    expect(late.map((e) => [e.kind, e.at, JSON.parse(e.data as string).loggedLate])).toEqual([['report', T + DAY, true]]);
    expect(await verifyStoredChain(target)).toMatchObject({ ok: true, length: 1 });
    source.close();
    target.close();
  });
});
