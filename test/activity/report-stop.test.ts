/**
 * Fault tests: the worker stopped at each step of a report. A stopped worker is a promise that never
 * settles (the step it was in never returns) and a new ActivityDatabase on the same IndexedDB (the
 * next worker); nothing of the old worker's memory survives into the new one.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ActivityDatabase } from '../../lib/activity/activity-db';
import { evidenceText, fileReport, finishPendingReports, REPORT_REPEAT_MS, STOPPED_SCREENSHOT_NOTE, type ReportSteps } from '../../lib/activity/reports';
import type { Listing } from '../../lib/listing';
import type { Verdict } from '../../lib/verdict';

let factory: IDBFactory;
const open: ActivityDatabase[] = [];
/** A worker's view of the activity database: each worker opens its own. */
function worker(): ActivityDatabase {
  const db = new ActivityDatabase({ indexedDB: factory, IDBKeyRange });
  open.push(db);
  return db;
}
beforeEach(() => {
  factory = new IDBFactory();
});
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

const LISTING: Listing = {
  itemId: '700000000001',
  url: 'https://item.taobao.com/item.htm?id=700000000001',
  title: '古驰 原单 女包',
  price: { min: 299, max: 299, currency: 'CNY' },
  shop: { name: '莆田精品店', id: null, platform: 'taobao', tier: 'store' },
  sales: null,
  location: null,
  image: null,
  isAd: false,
};
const PAGE = { listing: LISTING, pageUrl: 'https://s.taobao.com/search?q=gucci', cardMarkup: '<div>card</div>' };
const PNG = 'data:image/png;base64,iVBORw0KGgo=';

/** With the built-in pack only (a worker just started) and with every pack and notice loaded. */
const EARLY: Verdict = { itemId: LISTING.itemId, risk: 'low', brand: 'gucci', score: 10, reasons: [] };
const SETTLED: Verdict = {
  itemId: LISTING.itemId,
  risk: 'high',
  brand: 'gucci',
  score: 100,
  reasons: [{ code: 'notice-shop', text: { en: 'Named in a notice', zh_CN: '公告点名' }, noticeId: 'ex-1' }],
};

const never = <T>(): Promise<T> => new Promise<T>(() => undefined);

/** Steps that work, counting their calls; `stopAt` makes that step never return (the worker stops there). */
function steps(clock: { now: number }, stopAt?: 'settledVerdict' | 'screenshot') {
  const calls = { settledVerdict: 0, screenshot: 0 };
  const reached: Record<string, () => void> = {};
  const reachedStop = new Promise<void>((resolve) => (reached.stop = resolve));
  const run: ReportSteps = {
    verdictNow: () => EARLY,
    settledVerdict: async () => {
      calls.settledVerdict++;
      if (stopAt === 'settledVerdict') {
        reached.stop!();
        return never();
      }
      return SETTLED;
    },
    screenshot: async () => {
      calls.screenshot++;
      if (stopAt === 'screenshot') {
        reached.stop!();
        return never();
      }
      return { screenshot: PNG, screenshotNote: null };
    },
    now: () => clock.now,
  };
  return { run, calls, reachedStop };
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

describe('a report is written first and acted on after', () => {
  for (const stopAt of ['settledVerdict', 'screenshot'] as const) {
    it(`keeps the report of a worker stopped at ${stopAt}, finishes it at the next start, and a second click makes no second one`, async () => {
      const clock = { now: 1_000_000 };
      const first = worker();
      const stopped = steps(clock, stopAt);
      let acted = false;
      void fileReport(first, PAGE, stopped.run).then(() => (acted = true));
      await stopped.reachedStop;
      // Stopped mid-report: it is already stored, and nothing was acted on.
      expect(await first.reports.count()).toBe(1);
      expect(acted).toBe(false);

      clock.now += 30;
      const next = worker();
      const resumed = steps(clock);
      expect(await finishPendingReports(next, resumed.run)).toBe(1);
      const [report] = await next.reports.toArray();
      expect(report).toMatchObject({ itemId: LISTING.itemId, createdAt: 1_000_000, verdict: SETTLED, noticeIds: ['ex-1'], screenshot: null, screenshotNote: STOPPED_SCREENSHOT_NOTE, status: 'draft' });
      expect(report).not.toHaveProperty('pending');
      expect(report!.evidenceSha256).toBe(await sha256Hex(evidenceText(report!)));

      // The user, seeing nothing happen, clicks again: the same report comes back to act on.
      clock.now += 2_000;
      const again = await fileReport(next, PAGE, steps(clock).run);
      expect(again).toMatchObject({ repeated: true, record: { id: report!.id, verdict: SETTLED } });
      expect(await next.reports.count()).toBe(1);
      expect(await finishPendingReports(next, resumed.run)).toBe(0);
    });
  }

  it('finishes a report left pending when the click is made again before any restart resumes it', async () => {
    const clock = { now: 5_000_000 };
    const first = worker();
    const stopped = steps(clock, 'settledVerdict');
    void fileReport(first, PAGE, stopped.run);
    await stopped.reachedStop;

    const next = worker();
    const working = steps(clock);
    const again = await fileReport(next, PAGE, working.run);
    expect(again).toMatchObject({ repeated: true, record: { verdict: SETTLED, screenshot: PNG, screenshotNote: null } });
    expect(again.record).not.toHaveProperty('pending');
    expect(await next.reports.count()).toBe(1);
  });

  it('a worker stopped after the report was finished, before acting: the click again acts on the same report', async () => {
    const clock = { now: 9_000_000 };
    const db = worker();
    const filed = await fileReport(db, PAGE, steps(clock).run);
    expect(filed).toMatchObject({ repeated: false, record: { verdict: SETTLED, screenshot: PNG } });
    // ...the worker stops here, before the complaint is copied and the tab opened.
    clock.now += 10_000;
    const again = await fileReport(worker(), PAGE, steps(clock).run);
    expect(again).toEqual({ repeated: true, again: false, record: filed.record });
    expect(await db.reports.count()).toBe(1);
  });

  it('a double click makes one report, finished once', async () => {
    const clock = { now: 2_000_000 };
    const db = worker();
    const shared = steps(clock);
    const [a, b] = await Promise.all([fileReport(db, PAGE, shared.run), fileReport(db, PAGE, shared.run)]);
    expect(a.record.id).toBe(b.record.id);
    expect([a.repeated, b.repeated].sort()).toEqual([false, true]);
    expect(shared.calls).toEqual({ settledVerdict: 1, screenshot: 1 });
    expect(await db.reports.count()).toBe(1);
  });

  it("returns the listing's report, for a capture, when the user asks again after the repeat window", async () => {
    const clock = { now: 3_000_000 };
    const db = worker();
    const first = await fileReport(db, PAGE, steps(clock).run);
    clock.now += REPORT_REPEAT_MS;
    const later = steps(clock);
    const second = await fileReport(db, PAGE, later.run);
    expect(second).toEqual({ repeated: false, again: true, record: first.record });
    // The capture is the caller's to take: filing the report again takes nothing.
    expect(later.calls).toEqual({ settledVerdict: 0, screenshot: 0 });
    expect(await db.reports.count()).toBe(1);
  });

  it('counts the repeat window from the latest capture, and adds to the oldest of several earlier reports', async () => {
    const clock = { now: 4_000_000 };
    const db = worker();
    const oldest = await fileReport(db, PAGE, steps(clock).run);
    // A second report of the listing, as made before one report per listing.
    await db.reports.add({ ...oldest.record, id: undefined, createdAt: clock.now + 1 });
    clock.now += 10 * REPORT_REPEAT_MS;
    await db.reports.update(oldest.record.id!, { captures: [{ at: clock.now, listing: LISTING, verdict: SETTLED, pageUrl: PAGE.pageUrl, screenshot: null, screenshotNote: 'none' }] });
    clock.now += REPORT_REPEAT_MS - 1;
    expect(await fileReport(db, PAGE, steps(clock).run)).toMatchObject({ repeated: true, again: false, record: { id: oldest.record.id } });
    clock.now += 1;
    expect(await fileReport(db, PAGE, steps(clock).run)).toMatchObject({ repeated: false, again: true, record: { id: oldest.record.id } });
    expect(await db.reports.count()).toBe(2);
  });
});
