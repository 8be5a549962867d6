/**
 * Reports leave the extension three ways: a CSV for the brand's own tracking, an evidence zip for a
 * complaint, and batches of listing URLs for Alibaba's IP Protection platform (a complaint takes at
 * most 300 URLs). Every link is rebuilt from the item id.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { listingUrl } from '../page/platform';
import { caseOf } from '../evidence/case-desk';
import { EVIDENCE_CHAIN_FORMAT, GENESIS_PREV, redacted, type EvidenceEntry } from '../evidence/evidence-chain';
import { signHead, type InstallationKeyRecord } from '../evidence/installation-key';
import { reportEvidenceFiles } from '../evidence/report-files';
import { sha256Hex } from '../evidence/sha256';
import type { ReportRecord } from './activity-db';
import { csvInChunks, isoTime } from './csv-cells';
import { LISTING_COLUMNS, listingCells } from './listing-columns';

export const REPORTS_CSV_COLUMNS = ['report_id', 'status', 'created_at', ...LISTING_COLUMNS, 'notice_ids', 'page_url', 'has_screenshot', 'evidence_sha256', 'reason', 'complaint_id', 'batch_id', 'status_changed_at', 'notes'] as const;

function reportRow(report: ReportRecord): (string | number | boolean | null)[] {
  const desk = caseOf(report);
  const lastChange = desk.statusChanges.at(-1)?.at ?? null;
  return [
    report.id ?? null,
    report.status,
    isoTime(report.createdAt),
    ...listingCells(report.listing, report.verdict),
    report.noticeIds.join(';'),
    report.pageUrl,
    report.screenshot !== null,
    report.evidenceSha256,
    desk.reason,
    desk.complaintId,
    desk.batchId,
    lastChange === null ? null : isoTime(lastChange),
    desk.notes,
  ];
}

export function reportsCsv(reports: readonly ReportRecord[], onProgress?: (done: number, total: number) => void): Promise<string> {
  return csvInChunks(REPORTS_CSV_COLUMNS, reports, reportRow, onProgress);
}

/** What IPP accepts in one complaint. */
export const IPP_BATCH_SIZE = 300;

/** Listing URLs, one a line, each listing once, in batches of at most `size`. */
export function ippUrlBatches(reports: readonly Pick<ReportRecord, 'itemId' | 'listing'>[], size = IPP_BATCH_SIZE): string[] {
  const urls = [...new Set(reports.map((r) => listingUrl(r.itemId, r.listing.shop.platform)))];
  const batches: string[] = [];
  for (let start = 0; start < urls.length; start += size) batches.push(urls.slice(start, start + size).join('\n'));
  return batches;
}

export { pngBytes } from '../evidence/png-data-url';

export const EVIDENCE_FORMAT = 'counterfeit-radar.evidence';
export const EVIDENCE_FORMAT_VERSION = 2;

/** The folder of a report inside the evidence zip. */
export function reportFolder(report: Pick<ReportRecord, 'id' | 'itemId'>): string {
  return `report-${report.id ?? 'new'}-${report.itemId}`;
}

/**
 * One folder per report: report.json (the case as it stands: status, dates, complaint id), and the
 * evidence files the chain hashed when the report was made (listing.json, screenshot.png when there
 * is one). chain.json is the evidence log from its first entry, so it verifies on its own; entries of
 * reports the zip does not carry keep their hashes but not their data. manifest.json lists every
 * file with its SHA-256 and the chain's length and head; SHA256SUMS is the same in the format
 * `sha256sum -c` checks; signature.json, when the installation has a key, signs that length and head. `npm run --silent cli -- evidence verify <zip>` checks all of it.
 */
export async function evidenceZip(
  reports: readonly ReportRecord[],
  chain: readonly EvidenceEntry[],
  exportedAt: number,
  onProgress?: (done: number, total: number) => void,
  /** The installation's key: signature.json then signs the chain's length and head. */
  signingKey?: Pick<InstallationKeyRecord, 'privateKey' | 'publicKey'> | null,
): Promise<Uint8Array> {
  const files: Zippable = {};
  const sums: string[] = [];
  const entries = [];
  let done = 0;
  for (const report of reports) {
    const folder = reportFolder(report);
    const desk = caseOf(report);
    const reportJson = {
      reportId: report.id ?? null,
      status: report.status,
      createdAt: isoTime(report.createdAt),
      url: listingUrl(report.itemId, report.listing.shop.platform),
      brand: desk.brand,
      reason: desk.reason,
      complaintId: desk.complaintId,
      batchId: desk.batchId,
      notes: desk.notes,
      statusChanges: desk.statusChanges.map((c) => ({ status: c.status, at: c.at === null ? null : isoTime(c.at) })),
      listing: report.listing,
      verdict: report.verdict,
      reasons: report.verdict.reasons,
      pageUrl: report.pageUrl,
      noticeIds: report.noticeIds,
      cardMarkup: report.cardMarkup,
      screenshotNote: report.screenshotNote,
      // Where the listing sits in screenshot.png (the box drawn in screenshot-listing.png).
      ...(report.frame ? { frame: report.frame } : {}),
      evidenceSha256: report.evidenceSha256,
      captures: (report.captures ?? []).map(({ screenshot, ...capture }, i) => ({ n: i + 1, ...capture, at: isoTime(capture.at), screenshot: screenshot !== null })),
      chainEntries: chain.filter((e) => e.reportId === report.id).map((e) => e.seq),
    };
    const folderFiles: Record<string, Uint8Array> = { 'report.json': strToU8(JSON.stringify(reportJson, null, 2) + '\n'), ...reportEvidenceFiles(report) };
    const hashes: Record<string, string> = {};
    for (const [name, bytes] of Object.entries(folderFiles)) {
      const hash = await sha256Hex(bytes);
      hashes[`${folder}/${name}`] = hash;
      sums.push(`${hash}  ${folder}/${name}`);
    }
    files[folder] = folderFiles;
    entries.push({ reportId: report.id ?? null, itemId: report.itemId, folder, evidenceSha256: report.evidenceSha256, files: hashes });
    onProgress?.(++done, reports.length);
  }
  const carried = new Set(reports.map((r) => r.id));
  const chainBytes = strToU8(JSON.stringify({ format: EVIDENCE_CHAIN_FORMAT, entries: chain.map((e) => (carried.has(e.reportId) ? e : redacted(e))) }, null, 2) + '\n');
  const chainSha256 = await sha256Hex(chainBytes);
  files['chain.json'] = chainBytes;
  sums.push(`${chainSha256}  chain.json`);
  const manifest = {
    format: EVIDENCE_FORMAT,
    formatVersion: EVIDENCE_FORMAT_VERSION,
    exportedAt: isoTime(exportedAt),
    chain: { file: 'chain.json', sha256: chainSha256, length: chain.length, head: chain.at(-1)?.hash ?? GENESIS_PREV },
    reports: entries,
  };
  files['manifest.json'] = strToU8(JSON.stringify(manifest, null, 2) + '\n');
  if (signingKey) files['signature.json'] = strToU8(JSON.stringify(await signHead(signingKey, manifest.chain.length, manifest.chain.head), null, 2) + '\n');
  files['SHA256SUMS'] = strToU8(sums.join('\n') + '\n');
  // A fixed file time, so the same reports always give the same zip bytes.
  return zipSync(files, { level: 6, mtime: new Date(exportedAt) });
}
