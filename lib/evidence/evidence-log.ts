/**
 * The evidence chain in the activity database, beside the reports. Appends go one at a time per
 * database (the hash of an entry needs the one before it, and WebCrypto cannot run inside an
 * IndexedDB transaction); seq is the primary key, so a second writer would fail rather than fork.
 */
import type { ActivityDatabase, ReportRecord, ReportStatus } from '../activity/activity-db';
import { nextEntry, verifyChain, type ChainVerdict, type EvidenceEntry, type EvidenceInput } from './evidence-chain';
import { ensureInstallationKey } from './installation-key';
import { creationFiles, hashFiles } from './report-files';

const queues = new WeakMap<ActivityDatabase, Promise<unknown>>();

export function appendEvidence(db: ActivityDatabase, input: EvidenceInput): Promise<EvidenceEntry> {
  const run = async (): Promise<EvidenceEntry> => {
    const last = (await db.evidence.orderBy('seq').last()) ?? null;
    // The log's first entry makes the installation's signing key, so every log has one to sign exports with.
    if (!last) await ensureInstallationKey(db, input.at);
    const entry = await nextEntry(last, input);
    await db.evidence.add(entry);
    return entry;
  };
  const queued = (queues.get(db) ?? Promise.resolve()).then(run, run);
  queues.set(
    db,
    queued.catch(() => undefined),
  );
  return queued;
}

/** A report was made: what it says, with the hashes of its evidence files. */
export async function logReportCreated(db: ActivityDatabase, report: ReportRecord & { id: number }, loggedLate?: number): Promise<EvidenceEntry> {
  return appendEvidence(db, {
    at: loggedLate ?? report.createdAt,
    kind: 'report',
    reportId: report.id,
    data: {
      itemId: report.itemId,
      url: report.listing.url,
      brand: report.verdict.brand,
      risk: report.verdict.risk,
      score: report.verdict.score,
      evidenceSha256: report.evidenceSha256,
      screenshot: report.screenshot !== null,
      ...(loggedLate === undefined ? {} : { createdAt: report.createdAt, loggedLate: true }),
    },
    files: await hashFiles(creationFiles(report)),
  });
}

/**
 * Reports made before the evidence log (version 1), or restored from a backup, get their 'report'
 * entry now, dated now and saying so (loggedLate): the chain vouches for them from this moment on,
 * not from their creation. Hashing cannot run inside the version upgrade, so the background calls
 * this once at start. Returns how many were logged.
 */
export async function logUnloggedReports(db: ActivityDatabase, now: number): Promise<number> {
  const logged = new Set((await db.evidence.where('kind').equals('report').toArray()).map((e) => e.reportId));
  const unlogged = (await db.reports.toArray()).filter((r): r is ReportRecord & { id: number } => r.id !== undefined && !logged.has(r.id));
  for (const report of unlogged) await logReportCreated(db, report, now);
  return unlogged.length;
}

export interface StatusEvidence {
  from: ReportStatus;
  to: ReportStatus;
  complaintId?: string | null;
  batchId?: string | null;
}

export function logStatusChange(db: ActivityDatabase, reportId: number, at: number, change: StatusEvidence): Promise<EvidenceEntry> {
  return appendEvidence(db, { at, kind: 'status', reportId, data: change });
}

export async function evidenceChain(db: ActivityDatabase): Promise<EvidenceEntry[]> {
  return db.evidence.orderBy('seq').toArray();
}

export async function verifyStoredChain(db: ActivityDatabase): Promise<ChainVerdict> {
  return verifyChain(await evidenceChain(db));
}
