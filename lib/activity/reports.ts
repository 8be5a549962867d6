/**
 * Reports brand staff make of a listing: the evidence as it was when they pressed the button, with a
 * SHA-256 over it so an exported report can be checked for later edits.
 */
import type { Listing } from '../listing';
import type { Verdict } from '../verdict';
import type { ActivityDatabase, ReportRecord } from './activity-db';

export interface ReportEvidence {
  listing: Listing;
  verdict: Verdict;
  pageUrl: string;
  cardMarkup: string;
  screenshot: string | null;
  /** Why there is no screenshot, when there is none. */
  screenshotNote: string | null;
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

export async function createReport(db: ActivityDatabase, evidence: ReportEvidence, now: number): Promise<ReportRecord> {
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
  };
  const record: ReportRecord = { ...draft, evidenceSha256: await sha256Hex(evidenceText(draft)) };
  record.id = await db.reports.add(record);
  return record;
}

/** The complaint text copied for the IP protection platform: the listing URL and why. */
export function complaintText(report: Pick<ReportRecord, 'listing' | 'verdict'>, language: 'en' | 'zh_CN'): string {
  const reasons = report.verdict.reasons.map((r) => `- ${r.text[language]}`);
  return [report.listing.url, report.listing.title, ...reasons].join('\n');
}
