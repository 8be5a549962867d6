/**
 * Export and import of the user's own data as one JSON file (see backup-schema.ts for the format).
 * It carries the evidence log beside the reports. Notice feeds and rule packs are not in it yet.
 */
import Dexie from 'dexie';
import * as v from 'valibot';
import type { ActivityDatabase } from '../activity/activity-db';
import type { DataKind } from '../messaging/page-protocol';
import type { Settings } from '../settings/settings';
import { verifyChain } from '../evidence/evidence-chain';
import { BACKUP_FORMAT, BACKUP_VERSION, backupSchema, type Backup } from './backup-schema';

export { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from './backup-schema';

/** Where a backup is wrong: a path like `history[12].risk`, and why. */
export interface BackupProblem {
  path: string;
  reason: string;
}

/** The backup's evidence log does not verify; nothing was restored. */
export class BackupChainError extends Error {
  override name = 'BackupChainError';
  constructor(readonly problems: BackupProblem[]) {
    super(`the backup's evidence log does not verify: ${problems.map((p) => `${p.path}: ${p.reason}`).join('; ')}`);
  }
}

export type ParsedBackup = { ok: true; backup: Backup } | { ok: false; problems: BackupProblem[] };

/** Everything, read in one transaction so the tables (the evidence log with the reports) agree with each other. */
export async function createBackup(db: ActivityDatabase, settings: Settings, now: number): Promise<Backup> {
  return db.transaction('r', [db.trusted, db.history, db.reports, db.photos, db.evidence], async () => ({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now,
    settings,
    trusted: await db.trusted.orderBy('createdAt').toArray(),
    history: await db.history.orderBy('lastSeen').toArray(),
    reports: await db.reports.toArray(),
    photos: await db.photos.orderBy('lastSeen').toArray(),
    evidence: await db.evidence.orderBy('seq').toArray(),
  })) as Promise<Backup>;
}

export function backupJson(backup: Backup): string {
  return `${JSON.stringify(backup, null, 1)}\n`;
}

/** "counterfeit-radar-backup-2025-03-01.json", in UTC so the name does not depend on the machine. */
export function backupFileName(now: number): string {
  return `counterfeit-radar-backup-${new Date(now).toISOString().slice(0, 10)}.json`;
}

function pathOf(issue: v.BaseIssue<unknown>): string {
  let path = '';
  for (const item of issue.path ?? []) {
    const key = (item as { key: unknown }).key;
    path += typeof key === 'number' ? `[${key}]` : path ? `.${String(key)}` : String(key);
  }
  return path || '(file)';
}

/** Valibot words a missing field as an invalid key; the user needs to hear that it is missing. */
function reasonOf(issue: v.BaseIssue<unknown>): string {
  return issue.received === 'undefined' ? 'is missing' : issue.message;
}

/** Checks backup text; every problem comes back with its path, not just the first. */
export function parseBackup(text: string): ParsedBackup {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, problems: [{ path: '(file)', reason: `is not JSON: ${(error as Error).message}` }] };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, problems: [{ path: '(file)', reason: 'is not a Counterfeit Radar backup (expected a JSON object)' }] };
  }
  const result = v.safeParse(backupSchema, raw);
  if (result.success) return { ok: true, backup: result.output };
  return { ok: false, problems: result.issues.map((issue) => ({ path: pathOf(issue), reason: reasonOf(issue) })) };
}

/**
 * Whether the backup's evidence log still holds (every seq, prev and hash): a restore of a log
 * changed by hand would put a broken chain beside the reports, so it is refused, naming the entry.
 */
export async function evidenceProblems(backup: Backup): Promise<BackupProblem[]> {
  const verdict = await verifyChain(backup.evidence);
  return verdict.ok ? [] : [{ path: `evidence[${verdict.index}]`, reason: verdict.reason }];
}

/** Records a write holds: a few thousand small ones, or screenshots up to about this many characters. */
const WRITE_BATCH_RECORDS = 2_000;
const WRITE_BATCH_CHARS = 16 * 1024 * 1024;

/** What a record costs to write, roughly: its long texts, and a small record's worth for the rest. */
function weightOf(record: object): number {
  const { screenshot, cardMarkup } = record as { screenshot?: unknown; cardMarkup?: unknown };
  return 2_000 + (typeof screenshot === 'string' ? screenshot.length : 0) + (typeof cardMarkup === 'string' ? cardMarkup.length : 0);
}

/** The records in batches of at most WRITE_BATCH_RECORDS and (unless one record alone is larger) WRITE_BATCH_CHARS. */
export function writeBatches<T extends object>(records: readonly T[]): T[][] {
  const batches: T[][] = [];
  let batch: T[] = [];
  let weight = 0;
  for (const record of records) {
    const w = weightOf(record);
    if (batch.length > 0 && (batch.length >= WRITE_BATCH_RECORDS || weight + w > WRITE_BATCH_CHARS)) {
      batches.push(batch);
      batch = [];
      weight = 0;
    }
    batch.push(record);
    weight += w;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

export interface RestoreProgress {
  /** Records written so far, of all records in the backup. */
  done: number;
  total: number;
}

/**
 * Replaces trusted, history, reports, the photo hashes and the evidence log with the backup's, all or
 * nothing (one rw transaction), written in batches as notice imports are, so a backup of many
 * screenshots is never one huge write. The log goes with the reports, or a restored report would take
 * the old log's entries for another report of the same id. A log that does not verify is refused
 * before anything is written (BackupChainError). Settings live in storage.local: the caller saves
 * `backup.settings`; reports the log does not cover are the caller's to log (logUnloggedReports).
 */
export async function restoreBackupInto(
  db: ActivityDatabase,
  backup: Backup,
  onProgress?: (progress: RestoreProgress) => void,
): Promise<Record<DataKind, number>> {
  const problems = await evidenceProblems(backup);
  if (problems.length > 0) throw new BackupChainError(problems);
  const total = backup.trusted.length + backup.history.length + backup.reports.length + backup.photos.length + backup.evidence.length;
  await db.transaction('rw', [db.trusted, db.history, db.reports, db.photos, db.evidence], async () => {
    await Promise.all([db.trusted.clear(), db.history.clear(), db.reports.clear(), db.photos.clear(), db.evidence.clear()]);
    let done = 0;
    const write = async <T extends object>(table: { bulkPut(records: readonly T[]): Promise<unknown> }, records: readonly T[]): Promise<void> => {
      for (const batch of writeBatches(records)) {
        await table.bulkPut(batch);
        done += batch.length;
        if (onProgress) Dexie.ignoreTransaction(() => onProgress({ done, total }));
      }
    };
    await write(db.trusted, backup.trusted);
    await write(db.history, backup.history);
    await write(db.reports, backup.reports);
    await write(db.photos, backup.photos);
    await write(db.evidence, backup.evidence);
  });
  return { settings: 1, trusted: backup.trusted.length, history: backup.history.length, reports: backup.reports.length };
}
