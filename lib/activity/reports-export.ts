/**
 * Reports leave the extension three ways: a CSV for the brand's own tracking, an evidence zip for a
 * complaint, and batches of listing URLs for Alibaba's IP Protection platform (a complaint takes at
 * most 300 URLs). Every link is rebuilt from the item id.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { listingUrl } from '../page/platform';
import type { ReportRecord } from './activity-db';
import { csvInChunks, isoTime } from './csv-cells';
import { LISTING_COLUMNS, listingCells } from './listing-columns';

export const REPORTS_CSV_COLUMNS = ['report_id', 'status', 'created_at', ...LISTING_COLUMNS, 'notice_ids', 'page_url', 'has_screenshot', 'evidence_sha256'] as const;

function reportRow(report: ReportRecord): (string | number | boolean | null)[] {
  return [
    report.id ?? null,
    report.status,
    isoTime(report.createdAt),
    ...listingCells(report.listing, report.verdict),
    report.noticeIds.join(';'),
    report.pageUrl,
    report.screenshot !== null,
    report.evidenceSha256,
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

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The PNG inside a data URL, or null when it is not one. */
export function pngBytes(dataUrl: string | null): Uint8Array | null {
  const base64 = dataUrl ? /^data:image\/png;base64,([A-Za-z0-9+/=]+)$/.exec(dataUrl)?.[1] : undefined;
  if (!base64) return null;
  const binary = atob(base64);
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

export const EVIDENCE_FORMAT = 'counterfeit-radar.evidence';

/**
 * One folder per report (report.json, and screenshot.png when there is one), a manifest.json that
 * lists each report's files and hashes, and SHA256SUMS in the format `sha256sum -c` checks.
 * `evidence_sha256` is the hash the extension took when the report was made (see reports.ts).
 */
export async function evidenceZip(
  reports: readonly ReportRecord[],
  exportedAt: number,
  onProgress?: (done: number, total: number) => void,
): Promise<Uint8Array> {
  const files: Zippable = {};
  const sums: string[] = [];
  const entries = [];
  let done = 0;
  for (const report of reports) {
    const folder = `report-${report.id ?? 'new'}-${report.itemId}`;
    const reportJson = {
      reportId: report.id ?? null,
      status: report.status,
      createdAt: isoTime(report.createdAt),
      url: listingUrl(report.itemId, report.listing.shop.platform),
      listing: report.listing,
      verdict: report.verdict,
      reasons: report.verdict.reasons,
      pageUrl: report.pageUrl,
      noticeIds: report.noticeIds,
      cardMarkup: report.cardMarkup,
      screenshotNote: report.screenshotNote,
      evidenceSha256: report.evidenceSha256,
    };
    const folderFiles: Record<string, Uint8Array> = { 'report.json': strToU8(JSON.stringify(reportJson, null, 2) + '\n') };
    const png = pngBytes(report.screenshot);
    if (png) folderFiles['screenshot.png'] = png;
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
  const manifest = { format: EVIDENCE_FORMAT, formatVersion: 1, exportedAt: isoTime(exportedAt), reports: entries };
  files['manifest.json'] = strToU8(JSON.stringify(manifest, null, 2) + '\n');
  files['SHA256SUMS'] = strToU8(sums.join('\n') + '\n');
  // A fixed file time, so the same reports always give the same zip bytes.
  return zipSync(files, { level: 6, mtime: new Date(exportedAt) });
}
