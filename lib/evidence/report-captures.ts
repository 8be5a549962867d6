/**
 * One report per listing: reporting a listing again adds a capture to its report (what the page
 * showed then, and a screenshot when one could be taken) instead of a second report, and the chain
 * logs it as a 'capture' entry with the hashes of the capture's files.
 */
import type { ActivityDatabase, ReportCapture, ReportRecord } from '../activity/activity-db';
import type { EvidenceEntry } from './evidence-chain';
import { appendEvidence } from './evidence-log';
import { captureFiles, hashFiles } from './report-files';

/** The listing's existing report, if it has one (the oldest, should there be several from before). */
export async function reportOfListing(db: ActivityDatabase, itemId: string): Promise<(ReportRecord & { id: number }) | null> {
  const found = await db.reports.where('itemId').equals(itemId).sortBy('id');
  const first = found[0];
  return first?.id === undefined ? null : { ...first, id: first.id };
}

/** Adds the capture to the report and logs it; null when the report is gone. */
export async function addCapture(db: ActivityDatabase, reportId: number, capture: ReportCapture): Promise<{ n: number; entry: EvidenceEntry } | null> {
  const n = await db.transaction('rw', db.reports, async () => {
    const report = await db.reports.get(reportId);
    if (!report) return null;
    const captures = [...(report.captures ?? []), capture];
    await db.reports.put({ ...report, captures });
    return captures.length;
  });
  if (n === null) return null;
  const entry = await appendEvidence(db, {
    at: capture.at,
    kind: 'capture',
    reportId,
    data: { n, pageUrl: capture.pageUrl, risk: capture.verdict.risk, score: capture.verdict.score, screenshot: capture.screenshot !== null },
    files: await hashFiles(captureFiles(capture, n)),
  });
  return { n, entry };
}
