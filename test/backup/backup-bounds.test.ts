import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { ActivityDatabase } from '../../lib/activity/activity-db';
import { recordSightings } from '../../lib/activity/history';
import { createReport } from '../../lib/activity/reports';
import { trust } from '../../lib/activity/trust';
import { backupJson, createBackup, parseBackup, restoreBackupInto, type Backup } from '../../lib/backup/backup';
import { LATEST_TIME } from '../../lib/backup/backup-schema';
import { backupChunks, BackupUploads, BACKUP_CHUNK_CHARS, MAX_BACKUP_CHARS } from '../../lib/backup/backup-upload';
import type { Listing } from '../../lib/listing';
import type { Settings } from '../../lib/settings/settings';
import type { Verdict } from '../../lib/verdict';

const NOW = Date.UTC(2026, 10, 1, 12);
const SETTINGS: Settings = { role: 'brand-staff', sensitivity: 'balanced', showLowMarks: false, mutedBrands: [], pausedSites: [] };
/** Chromium refuses a runtime message whose JSON is larger than this. */
const MESSAGE_LIMIT_BYTES = 64 * 1024 * 1024;

const dbs: ActivityDatabase[] = [];
function openDb(): ActivityDatabase {
  const db = new ActivityDatabase({ indexedDB: new IDBFactory(), IDBKeyRange });
  dbs.push(db);
  return db;
}
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

function listing(n: number): Listing {
  const itemId = String(700000000000 + n);
  return {
    itemId,
    url: `https://item.taobao.com/item.htm?id=${itemId}`,
    title: `古驰 原单 女包 ${n}`,
    price: { min: 299, max: 299, currency: 'CNY' },
    shop: { name: `精品店${n}`, id: null, platform: 'taobao', tier: 'store' },
    sales: null,
    location: null,
    image: null,
    isAd: false,
  };
}

function verdict(n: number): Verdict {
  return {
    itemId: listing(n).itemId,
    risk: 'high',
    brand: 'gucci',
    score: 80,
    reasons: [{ code: 'counterfeit-term', text: { en: 'Says 原单', zh_CN: '含“原单”' } }],
    notice: { match: 'shop', noticeId: 'ex-1', noticeTitle: '公告', publisher: '淘宝网', published: '2016-05-13', url: null, date: '2016-05-20' },
  };
}

async function filledDb(screenshotChars = 0): Promise<ActivityDatabase> {
  const db = openDb();
  await recordSightings(db, [1, 2].map((n) => ({ listing: listing(n), verdict: verdict(n), pageUrl: 'https://s.taobao.com/search?q=gucci' })), NOW - 1000);
  const screenshot = screenshotChars > 0 ? `data:image/png;base64,${'A'.repeat(screenshotChars)}` : null;
  for (const n of [1, 2]) {
    await createReport(db, { listing: listing(n), verdict: verdict(n), pageUrl: 'https://s.taobao.com/search?q=gucci', cardMarkup: '<div>card</div>', screenshot, screenshotNote: null }, NOW - 500 + n);
  }
  await trust(db, 'shop', listing(2), NOW - 300);
  return db;
}

const pathsOf = (value: unknown): string[] => {
  const parsed = parseBackup(JSON.stringify(value));
  return parsed.ok ? [] : parsed.problems.map((p) => `${p.path}: ${p.reason}`);
};

describe('backup times and dates are range-checked', () => {
  it('refuses times Date cannot format, and dates that are not calendar days, each by path', async () => {
    const good = JSON.parse(backupJson(await createBackup(await filledDb(), SETTINGS, NOW))) as Backup;
    const bad = structuredClone(good);
    bad.history[0]!.lastSeen = 1e20;
    bad.history[1]!.firstSeen = LATEST_TIME + 1;
    bad.reports[0]!.createdAt = -1;
    bad.trusted[0]!.createdAt = 1.5;
    bad.history[0]!.verdict.notice!.date = '2026-02-31';
    bad.reports[1]!.verdict.notice!.published = '2016-13-01';
    expect(pathsOf(bad).sort()).toEqual([
      'history[0].lastSeen: is after the year 9999',
      'history[0].verdict.notice.date: is not a date YYYY-MM-DD',
      'history[1].firstSeen: is after the year 9999',
      'reports[0].createdAt: is before 1970',
      'reports[1].verdict.notice.published: is not a date YYYY-MM-DD',
      'trusted[0].createdAt: is not a whole number of milliseconds',
    ]);
    expect(pathsOf({ ...good, exportedAt: 8.64e15 + 1 })).toEqual(['exportedAt: is after the year 9999']);
  });

  it('accepts the latest time allowed, and the popup can still format it', async () => {
    const good = JSON.parse(backupJson(await createBackup(await filledDb(), SETTINGS, NOW))) as Backup;
    good.history[0]!.lastSeen = LATEST_TIME;
    const parsed = parseBackup(JSON.stringify(good));
    expect(parsed.ok).toBe(true);
    expect(new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium', timeStyle: 'short' }).format(LATEST_TIME)).toMatch(/9999/);
    expect(new Date(LATEST_TIME).toISOString()).toBe('9999-12-31T23:59:59.999Z');
  });
});

describe('backups restore in chunks', () => {
  // Some 70 MB go through JSON, valibot and a fake IndexedDB twice: seconds on a loaded machine.
  it('carries a backup over 64 MiB in chunks each under the message limit, and restores all of it', { timeout: 60_000 }, async () => {
    // Two reports with 36-million-character screenshots: a 72 MB backup, as a brand team's can be.
    const backup = await createBackup(await filledDb(36_000_000), SETTINGS, NOW);
    const json = backupJson(backup);
    expect(json.length).toBeGreaterThan(MESSAGE_LIMIT_BYTES);
    expect(json.length).toBeLessThan(MAX_BACKUP_CHARS);

    const uploads = new BackupUploads();
    const chunks = backupChunks(json);
    expect(chunks.length).toBeGreaterThan(1);
    chunks.forEach((text, index) => {
      const message = { uploadId: 'restore-1', index, text };
      expect(Buffer.byteLength(JSON.stringify(message))).toBeLessThan(MESSAGE_LIMIT_BYTES);
      uploads.receive('restore-1', index, text);
    });
    const received = uploads.take('restore-1');
    expect(received?.length).toBe(json.length);
    const parsed = parseBackup(received as string);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;

    const target = openDb();
    const progress: number[] = [];
    expect(await restoreBackupInto(target, parsed.backup, (p) => progress.push(p.done))).toEqual({ settings: 1, trusted: 1, history: 2, reports: 2 });
    // The two large reports went in separate writes.
    expect(progress).toEqual([1, 3, 4, 5]);
    const restored = await target.reports.orderBy('id').toArray();
    expect(restored.map((r) => r.screenshot?.length)).toEqual(backup.reports.map((r) => r.screenshot?.length));
    expect(restored.map((r) => r.evidenceSha256)).toEqual(backup.reports.map((r) => r.evidenceSha256));
    expect(uploads.take('restore-1')).toBeNull();
  });

  it('never splits a surrogate pair, and joins back to the same text', () => {
    const text = `${'😀'.repeat(10)}x`;
    const chunks = backupChunks(text, 3);
    expect(chunks.join('')).toBe(text);
    for (const chunk of chunks) expect(chunk).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
    expect(BACKUP_CHUNK_CHARS * 6).toBeLessThan(MESSAGE_LIMIT_BYTES);
  });

  it('refuses chunks out of order and forgets that upload', () => {
    const uploads = new BackupUploads();
    uploads.receive('a', 0, '{"x":');
    expect(() => uploads.receive('a', 2, '1}')).toThrow(/chunk 2 of backup upload a came out of order/);
    expect(uploads.take('a')).toBeNull();
    expect(() => uploads.receive('b', 1, '1}')).toThrow(/out of order/);
  });
});
