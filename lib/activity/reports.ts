/**
 * Reports brand staff make of a listing: the evidence as it was when they pressed the button, with a
 * SHA-256 over it so an exported report can be checked for later edits.
 *
 * Written first, acted on after (fileReport): the worker can be stopped at any moment (MV3 stops an
 * idle or busy worker, an update restarts it), and a click once met a worker still loading its rules,
 * so a stop in the first 50 ms lost the report, and the click made again made a second one. Now the
 * first thing a click does is store the report, marked pending, with the verdict of the rules already
 * loaded; then the verdict is taken again once everything is loaded, the screenshot added and the mark
 * removed; only then does the caller act (copy the complaint, open the IP protection platform). A
 * pending report left by a stopped worker is finished at the next start (finishPendingReports), and a
 * click on a listing reported moments ago, or still pending, gets that report back, not a new one.
 */
import type { ImageBox } from '../evidence/listing-frame';
import type Dexie from 'dexie';
import type { Listing } from '../listing';
import type { Verdict } from '../verdict';
import type { ActivityDatabase, ReportRecord } from './activity-db';

/** A stored report; `pending` while it is not finished (see fileReport). Kept out of exports and backups. */
export type StoredReport = ReportRecord & { pending?: 1 };

/**
 * A second click on the same listing within this time of its report (or of its latest capture) gets
 * that report back and nothing more: the click made again after a stopped worker, or a double click,
 * is the same report. After it, reporting the listing again adds a capture to its report (see
 * FiledReport.again): one report per listing.
 */
export const REPORT_REPEAT_MS = 60_000;

/** Said of a report whose worker stopped before its screenshot could be taken. */
export const STOPPED_SCREENSHOT_NOTE = 'The browser stopped the extension while the report was being made; no screenshot was taken.';

export interface ReportEvidence {
  listing: Listing;
  verdict: Verdict;
  pageUrl: string;
  cardMarkup: string;
  screenshot: string | null;
  /** Why there is no screenshot, when there is none. */
  screenshotNote: string | null;
  /** The listing's box on the screenshot, when the page could say where it was. */
  frame?: ImageBox | null;
}

/** Evidence markup is text for the record, bounded so a hostile page cannot fill the database. */
export const MAX_CARD_MARKUP = 100_000;

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The hashed fields, in a fixed order: the same evidence always gives the same hash. */
export function evidenceText(report: Pick<ReportRecord, 'listing' | 'verdict' | 'pageUrl' | 'createdAt' | 'cardMarkup' | 'screenshot'>): string {
  return JSON.stringify([report.listing, report.verdict, report.pageUrl, report.createdAt, report.cardMarkup, report.screenshot]);
}

/** A finished report record (no id yet) for this evidence, with its hash. */
async function draftRecord(evidence: ReportEvidence, now: number): Promise<ReportRecord> {
  const draft = {
    itemId: evidence.listing.itemId,
    listing: evidence.listing,
    verdict: evidence.verdict,
    pageUrl: evidence.pageUrl,
    createdAt: now,
    status: 'draft' as const,
    brand: evidence.verdict.brand,
    reason: null,
    complaintId: null,
    notes: '',
    statusChanges: [{ status: 'draft' as const, at: now }],
    batchId: null,
    noticeIds: [...new Set(evidence.verdict.reasons.flatMap((r) => (r.noticeId ? [r.noticeId] : [])))],
    cardMarkup: evidence.cardMarkup.slice(0, MAX_CARD_MARKUP),
    screenshot: evidence.screenshot,
    screenshotNote: evidence.screenshot ? null : (evidence.screenshotNote ?? 'no screenshot was taken'),
    // Absent rather than null when there is none, so reports made before frames hash as they did.
    ...(evidence.screenshot && evidence.frame ? { frame: evidence.frame } : {}),
  };
  return { ...draft, evidenceSha256: await sha256Hex(evidenceText(draft)) };
}

export async function createReport(db: ActivityDatabase, evidence: ReportEvidence, now: number): Promise<ReportRecord> {
  const record = await draftRecord(evidence, now);
  record.id = await db.reports.add(record);
  return record;
}

/** What fileReport needs from the background, passed in so a test can stop it at any step. */
export interface ReportSteps {
  /** The verdict with the rules loaded so far (at a worker's start: perhaps the built-in pack alone). */
  verdictNow(listing: Listing): Verdict;
  /** The verdict once the rule packs and the notice index are loaded. */
  settledVerdict(listing: Listing): Promise<Verdict>;
  /** The screenshot, or null with the reason there is none. */
  screenshot(): Promise<Screenshot>;
  now(): number;
}

/** A screenshot and where the listing is on it, or no screenshot and why. */
export interface Screenshot {
  screenshot: string | null;
  screenshotNote: string | null;
  frame?: ImageBox | null;
}

export interface FiledReport {
  record: ReportRecord;
  /** True when the click found a report of this listing made moments before (or still pending) and returned it. */
  repeated: boolean;
  /** True when the listing was reported before the repeat window: its report is returned, for the caller to add a capture to. */
  again: boolean;
}

/** When the report last took evidence: its creation or its latest capture. */
const lastTaken = (report: ReportRecord): number => Math.max(report.createdAt, ...(report.captures ?? []).map((c) => c.at));

/** Finishing a pending report, by database and id, so a double click or a start-up resume shares one run. */
const finishing = new WeakMap<ActivityDatabase, Map<number, Promise<ReportRecord>>>();

/**
 * Records a report of `page.listing`, stored before anything slow happens, and finished before it is
 * returned; the caller acts on it (marks, complaint, IP protection tab) only after this resolves.
 */
export async function fileReport(
  db: ActivityDatabase,
  page: { listing: Listing; pageUrl: string; cardMarkup: string },
  steps: ReportSteps,
): Promise<FiledReport> {
  const now = steps.now();
  const provisional = await draftRecord({ ...page, verdict: steps.verdictNow(page.listing), screenshot: null, screenshotNote: STOPPED_SCREENSHOT_NOTE }, now);
  const reports = db.reports as unknown as Dexie.Table<StoredReport, number>;
  const { record, repeated, again } = await db.transaction('rw', db.reports, async () => {
    const ofListing = await reports.where('itemId').equals(page.listing.itemId).toArray();
    const recent = ofListing
      .filter((r) => r.pending === 1 || (r.createdAt <= now && now - lastTaken(r) < REPORT_REPEAT_MS))
      .sort((a, b) => b.createdAt - a.createdAt)[0];
    if (recent) return { record: recent, repeated: true, again: false };
    // The oldest, should there be several from before one report per listing.
    const earlier = ofListing.sort((a, b) => (a.id ?? 0) - (b.id ?? 0))[0];
    if (earlier) return { record: earlier, repeated: false, again: true };
    const stored: StoredReport = { ...provisional, pending: 1 };
    stored.id = await reports.add(stored);
    return { record: stored, repeated: false, again: false };
  });
  const finished = (record as StoredReport).pending === 1 ? await finishReport(db, record.id as number, steps) : withoutMark(record);
  return { record: finished, repeated, again };
}

/** Finishes every report a stopped worker left pending; call at worker start. Returns how many. */
export async function finishPendingReports(db: ActivityDatabase, steps: Omit<ReportSteps, 'screenshot'>): Promise<number> {
  const reports = db.reports as unknown as Dexie.Table<StoredReport, number>;
  const pending = (await reports.toArray()).filter((r) => r.pending === 1);
  // A screenshot now would show whatever the tab shows now, not the listing: the report says so instead.
  const later: ReportSteps = { ...steps, screenshot: async () => ({ screenshot: null, screenshotNote: STOPPED_SCREENSHOT_NOTE }) };
  for (const report of pending) await finishReport(db, report.id as number, later);
  return pending.length;
}

function finishReport(db: ActivityDatabase, id: number, steps: ReportSteps): Promise<ReportRecord> {
  let runs = finishing.get(db);
  if (!runs) finishing.set(db, (runs = new Map()));
  let run = runs.get(id);
  if (!run) {
    run = finishOnce(db, id, steps).finally(() => runs.delete(id));
    runs.set(id, run);
  }
  return run;
}

async function finishOnce(db: ActivityDatabase, id: number, steps: ReportSteps): Promise<ReportRecord> {
  const reports = db.reports as unknown as Dexie.Table<StoredReport, number>;
  const before = await reports.get(id);
  if (!before) throw new Error(`report ${id} is gone`);
  if (before.pending !== 1) return withoutMark(before);
  const verdict = await steps.settledVerdict(before.listing);
  const finished = await draftRecord({ ...before, verdict, ...(await steps.screenshot()) }, before.createdAt);
  finished.id = id;
  return db.transaction('rw', db.reports, async () => {
    const current = await reports.get(id);
    if (!current) throw new Error(`report ${id} was deleted while it was being made`);
    if (current.pending !== 1) return withoutMark(current);
    finished.status = current.status;
    await reports.put(finished);
    return finished;
  });
}

function withoutMark(record: StoredReport): ReportRecord {
  const rest: StoredReport = { ...record };
  delete rest.pending;
  return rest;
}

/** The complaint text copied for the IP protection platform: the listing URL and why. */
export function complaintText(report: Pick<ReportRecord, 'listing' | 'verdict'>, language: 'en' | 'zh_CN'): string {
  const reasons = report.verdict.reasons.map((r) => `- ${r.text[language]}`);
  return [report.listing.url, report.listing.title, ...reasons].join('\n');
}
