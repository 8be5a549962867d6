import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ActivityDatabase } from '../../lib/activity/activity-db';
import { recordSightings } from '../../lib/activity/history';
import { createReport } from '../../lib/activity/reports';
import { trust } from '../../lib/activity/trust';
import { BackupChainError, backupFileName, backupJson, createBackup, evidenceProblems, parseBackup, restoreBackupInto, type Backup } from '../../lib/backup/backup';
import { evidenceChain, logReportCreated, logStatusChange, logUnloggedReports, verifyStoredChain } from '../../lib/evidence/evidence-log';
import type { Listing } from '../../lib/listing';
import type { PhotoRow } from '../../lib/photos/photo-index';
import type { Settings } from '../../lib/settings/settings';
import type { Verdict } from '../../lib/verdict';

const NOW = Date.UTC(2025, 2, 1, 12);
const SETTINGS: Settings = { role: 'brand-staff', sensitivity: 'strict', showLowMarks: true, mutedBrands: ['chanel'], pausedSites: ['tmall.com'] };
const PNG = 'data:image/png;base64,iVBORw0KGgo=';
/** 320-bit photo hashes (80 hex digits), as the extension makes them. */
const PHOTOS: PhotoRow[] = [
  { hash: '0123456789abcdef'.repeat(5), mirrored: 'fedcba9876543210'.repeat(5), itemId: '700000000001', shopKey: 'shop-name:莆田精品店1', platform: 'taobao', firstSeen: NOW - 900, lastSeen: NOW - 800 },
  { hash: '00ff00ff'.repeat(10), itemId: '700000000009', shopKey: null, platform: 'tmall', firstSeen: NOW - 700, lastSeen: NOW - 700 },
];

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
    shop: { name: `莆田精品店${n}`, id: null, platform: 'taobao', tier: 'store' },
    sales: '82',
    location: '福建 莆田',
    image: null,
    isAd: false,
  };
}

function verdict(n: number): Verdict {
  return {
    itemId: listing(n).itemId,
    risk: 'high',
    brand: 'gucci',
    brandName: { en: 'Gucci', zh_CN: '古驰' },
    score: 100,
    reasons: [{ code: 'notice-shop', text: { en: 'Named in a notice', zh_CN: '公告点名' }, noticeId: 'ex-1', url: 'https://rule.taobao.com/example.htm' }],
    notice: { match: 'shop', noticeId: 'ex-1', noticeTitle: '（示例）公告', publisher: '淘宝网', published: '2016-05-13', url: null, action: 'closed', date: '2016-05-20' },
  };
}

/** A database with real records, made by the functions the background uses. */
async function filledDb(): Promise<ActivityDatabase> {
  const db = openDb();
  await recordSightings(db, [1, 2, 3].map((n) => ({ listing: listing(n), verdict: verdict(n), pageUrl: 'https://s.taobao.com/search?q=gucci' })), NOW - 1000);
  await createReport(db, { listing: listing(1), verdict: verdict(1), pageUrl: 'https://s.taobao.com/search?q=gucci', cardMarkup: '<div>card</div>', screenshot: PNG, screenshotNote: null }, NOW - 500);
  await createReport(db, { listing: listing(2), verdict: verdict(2), pageUrl: 'https://s.taobao.com/search?q=gucci', cardMarkup: '', screenshot: null, screenshotNote: 'Reported from the badge' }, NOW - 400);
  await trust(db, 'shop', listing(3), NOW - 300);
  await trust(db, 'item', listing(2), NOW - 200);
  await db.photos.bulkPut(PHOTOS);
  return db;
}

async function contents(db: ActivityDatabase) {
  return { history: await db.history.toArray(), reports: await db.reports.toArray(), trusted: await db.trusted.toArray(), photos: await db.photos.toArray() };
}

describe('backup', () => {
  let source: ActivityDatabase;
  let backup: Backup;
  beforeEach(async () => {
    source = await filledDb();
    backup = await createBackup(source, SETTINGS, NOW);
  });

  it('holds the format, version, settings and every record', () => {
    expect(backup).toMatchObject({ format: 'counterfeit-radar.backup', version: 1, exportedAt: NOW, settings: SETTINGS });
    expect([backup.history.length, backup.reports.length, backup.trusted.length]).toEqual([3, 2, 2]);
    expect(backup.photos).toEqual(PHOTOS);
    expect(backupFileName(NOW)).toBe('counterfeit-radar-backup-2025-03-01.json');
  });

  it('round-trips through JSON text into another database', async () => {
    const parsed = parseBackup(backupJson(backup));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.backup.settings).toEqual(SETTINGS);
    const target = openDb();
    expect(await restoreBackupInto(target, parsed.backup)).toEqual({ settings: 1, history: 3, reports: 2, trusted: 2 });
    // Report ids are kept, so a restored report is the same report.
    expect(await contents(target)).toEqual(JSON.parse(JSON.stringify(await contents(source))));
  });

  it('replaces what was there instead of merging', async () => {
    const target = openDb();
    await recordSightings(target, [{ listing: listing(9), verdict: verdict(9), pageUrl: 'https://s.taobao.com/search?q=x' }], NOW);
    await trust(target, 'item', listing(9), NOW);
    const parsed = parseBackup(backupJson({ ...backup, history: backup.history.slice(0, 1), trusted: [], reports: [] }));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    await restoreBackupInto(target, parsed.backup);
    expect((await target.history.toArray()).map((r) => r.itemId)).toEqual([listing(1).itemId]);
    expect(await target.trusted.count()).toBe(0);
  });

  it('replaces the photo hashes too, and a backup made before it held any restores none', async () => {
    const target = await filledDb();
    const older: Partial<Backup> = JSON.parse(backupJson(backup)) as Backup;
    delete older.photos;
    const parsed = parseBackup(JSON.stringify(older));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.backup.photos).toEqual([]);
    await restoreBackupInto(target, parsed.backup);
    expect(await target.photos.count()).toBe(0);
    expect(await target.history.count()).toBe(3);
  });

  it('is all or nothing: a write that fails leaves the old data', async () => {
    const target = await filledDb();
    const before = await contents(target);
    // A record without its key cannot be stored; parseBackup would refuse it, so it is forced here.
    const broken = { ...backup, trusted: [], reports: [{ ...backup.reports[0]!, id: {} as unknown as number }] };
    await expect(restoreBackupInto(target, broken)).rejects.toThrow();
    expect(await contents(target)).toEqual(before);
  });

  it('a file with a BOM still reads', () => {
    expect(parseBackup(`\uFEFF${backupJson(backup)}`).ok).toBe(true);
  });
});

describe('parseBackup problems', () => {
  let good: Backup;
  beforeEach(async () => {
    good = JSON.parse(backupJson(await createBackup(await filledDb(), SETTINGS, NOW))) as Backup;
  });

  const problemsOf = (value: unknown) => {
    const parsed = parseBackup(JSON.stringify(value));
    return parsed.ok ? [] : parsed.problems;
  };

  it('reports every problem with its path, not only the first', () => {
    const bad = structuredClone(good);
    /** Writes a wrong value where the types would not allow it. */
    const put = (record: object, field: string, value: unknown) => Object.assign(record, { [field]: value });
    put(bad.history[1]!, 'risk', 'certain');
    put(bad.history[2]!.listing, 'url', 'https://evil.example.com/item.htm?id=700000000003');
    put(bad.reports[0]!, 'screenshot', 'javascript:alert(1)');
    put(bad.reports[1]!, 'status', 'sent');
    put(bad.trusted[0]!, 'createdAt', 'yesterday');
    put(bad.settings, 'sensitivity', 'paranoid');
    put(bad.photos[0]!, 'hash', 'abcd');
    put(bad.photos[1]!, 'shopKey', 'item:700000000009');
    const problems = problemsOf(bad);
    expect(problems.map((p) => p.path).sort()).toEqual(
      ['history[1].risk', 'history[2].listing', 'photos[0].hash', 'photos[1].shopKey', 'reports[0].screenshot', 'reports[1].status', 'settings.sensitivity', 'trusted[0].createdAt'].sort(),
    );
    expect(problems.find((p) => p.path === 'photos[0].hash')?.reason).toBe('is not a 320-bit photo hash in hex');
    expect(problems.find((p) => p.path === 'history[2].listing')?.reason).toBe('url does not match itemId and platform');
    expect(problems.find((p) => p.path === 'reports[0].screenshot')?.reason).toBe('is not a PNG data URL');
  });

  it('names a record whose ids disagree, and a key twice', () => {
    const bad = structuredClone(good);
    bad.history[0]!.itemId = bad.history[1]!.itemId;
    bad.reports[1]!.id = bad.reports[0]!.id;
    bad.photos[1] = { ...bad.photos[1]!, itemId: bad.photos[0]!.itemId, platform: bad.photos[0]!.platform };
    const problems = problemsOf(bad);
    expect(problems).toContainEqual({ path: 'history[0]', reason: 'itemId differs from the listing or the verdict' });
    expect(problems).toContainEqual({ path: 'history[1]', reason: `item ${bad.history[1]!.itemId} appears twice` });
    expect(problems).toContainEqual({ path: 'reports[1]', reason: `report id ${bad.reports[0]!.id} appears twice` });
    expect(problems).toContainEqual({ path: 'photos[1]', reason: 'photo of listing taobao:700000000001 appears twice' });
  });

  it('refuses another format or version, and text that is not JSON', () => {
    expect(problemsOf({ ...good, format: 'something-else', version: 2 }).map((p) => p.path)).toEqual(['format', 'version']);
    expect(problemsOf({ format: 'counterfeit-radar.backup', version: 1 })).toEqual(
      ['exportedAt', 'settings', 'trusted', 'history', 'reports'].map((path) => ({ path, reason: 'is missing' })),
    );
    const notJson = parseBackup('{"format": ');
    expect(notJson.ok).toBe(false);
    if (!notJson.ok) expect(notJson.problems).toEqual([{ path: '(file)', reason: expect.stringMatching(/^is not JSON: /) }]);
    expect(problemsOf([1, 2])).toEqual([{ path: '(file)', reason: expect.any(String) }]);
  });
});

describe('backup of the evidence log', () => {
  /** The filled database with its reports logged, and a status change, as the background logs them. */
  async function loggedDb(): Promise<ActivityDatabase> {
    const db = await filledDb();
    for (const report of await db.reports.toArray()) await logReportCreated(db, { ...report, id: report.id! });
    await logStatusChange(db, 1, NOW, { from: 'draft', to: 'submitted', complaintId: 'IPP-1' });
    return db;
  }

  it('carries the log with the reports, and a restore puts it back whole, so it verifies beside them', async () => {
    const source = await loggedDb();
    const parsed = parseBackup(backupJson(await createBackup(source, SETTINGS, NOW)));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.backup.evidence.map((e) => `${e.kind}:${e.reportId}`)).toEqual(['report:1', 'report:2', 'status:1']);

    // The target had a log of its own, of other reports with the same ids: it is replaced, not merged.
    const target = await loggedDb();
    await logStatusChange(target, 2, NOW, { from: 'draft', to: 'withdrawn' });
    await restoreBackupInto(target, parsed.backup);
    expect(await evidenceChain(target)).toEqual(await evidenceChain(source));
    expect(await verifyStoredChain(target)).toMatchObject({ ok: true, length: 3 });
    expect(await logUnloggedReports(target, NOW)).toBe(0);
  });

  it.each([
    ['a changed byte', (log: Backup['evidence']) => log.map((e, i) => (i === 1 ? { ...e, at: e.at + 1 } : e)), 'evidence[1]'],
    ['a deleted entry', (log: Backup['evidence']) => log.filter((_, i) => i !== 0), 'evidence[0]'],
    ['reordered entries', (log: Backup['evidence']) => [log[1]!, log[0]!, log[2]!], 'evidence[0]'],
  ])('refuses a log with %s, naming the entry, and writes nothing', async (_, tamper, path) => {
    const source = await loggedDb();
    const parsed = parseBackup(backupJson(await createBackup(source, SETTINGS, NOW)));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const tampered = { ...parsed.backup, evidence: tamper(parsed.backup.evidence) };
    expect((await evidenceProblems(tampered)).map((p) => p.path)).toEqual([path]);
    const target = openDb();
    await recordSightings(target, [{ listing: listing(9), verdict: verdict(9), pageUrl: 'https://s.taobao.com/search?q=x' }], NOW);
    await expect(restoreBackupInto(target, tampered)).rejects.toThrow(BackupChainError);
    expect((await target.history.toArray()).map((r) => r.itemId)).toEqual([listing(9).itemId]);
    expect(await target.reports.count()).toBe(0);
  });

  it('a backup from before the log empties the log, and its reports are then logged late', async () => {
    const source = await filledDb();
    const old = JSON.parse(backupJson(await createBackup(source, SETTINGS, NOW))) as Record<string, unknown>;
    delete old.evidence;
    const parsed = parseBackup(JSON.stringify(old));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.backup.evidence).toEqual([]);
    const target = await loggedDb();
    await restoreBackupInto(target, parsed.backup);
    expect(await target.evidence.count()).toBe(0);
    expect(await logUnloggedReports(target, NOW + 1)).toBe(2);
    const chain = await evidenceChain(target);
    expect(chain.map((e) => JSON.parse(e.data as string).loggedLate)).toEqual([true, true]);
    expect(await verifyStoredChain(target)).toMatchObject({ ok: true, length: 2 });
  });

  it('checks the shape of each entry by path', () => {
    const text = JSON.stringify({ format: 'counterfeit-radar.backup', version: 1, exportedAt: NOW, settings: SETTINGS, trusted: [], history: [], reports: [], evidence: [{ seq: 0, at: NOW, kind: 'gossip', reportId: 1, data: '{}', dataSha256: 'x', files: [], prev: '0'.repeat(64), hash: '0'.repeat(64) }] });
    const parsed = parseBackup(text);
    expect(parsed.ok).toBe(false);
    const paths = parsed.ok ? [] : parsed.problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['evidence[0].seq', 'evidence[0].kind', 'evidence[0].dataSha256']));
  });
});
