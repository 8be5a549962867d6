/**
 * The evidence files of a report, as bytes: what the chain hashes when the report is made and what
 * the zip carries, rebuilt the same way from the stored record. `listing.json` is canonical JSON of
 * what the page showed and why it was judged so; `screenshot.png` the capture, when there is one, and
 * `screenshot-listing.png` its part around the listing with a box drawn round it (highlight-crop.ts),
 * when the page said where the listing was.
 * Status, notes and complaint ids are not evidence files: they change, and the chain logs each change.
 */
import type { ReportCapture, ReportRecord } from '../activity/activity-db';
import { canonicalJson } from './canonical-json';
import type { EvidenceFile } from './evidence-chain';
import { highlightedCrop } from './highlight-crop';
import type { ImageBox } from './listing-frame';
import { pngBytes } from './png-data-url';
import { sha256Hex } from './sha256';

export type ReportEvidenceSource = Pick<ReportRecord, 'itemId' | 'listing' | 'verdict' | 'pageUrl' | 'createdAt' | 'noticeIds' | 'cardMarkup' | 'screenshot' | 'screenshotNote' | 'frame' | 'captures'>;

/** The screenshot's file and, when the listing's box is known, the highlighted crop beside it. */
function screenshotFiles(screenshot: string | null, frame: ImageBox | null | undefined, name: string): Record<string, Uint8Array> {
  const png = pngBytes(screenshot);
  if (!png) return {};
  const files: Record<string, Uint8Array> = { [`${name}.png`]: png };
  const crop = frame ? highlightedCrop(png, frame) : null;
  if (crop) files[`${name}-listing.png`] = crop;
  return files;
}

/** The files of the report's n-th capture (1-based): capture-n.json, and capture-n.png when there is one. */
export function captureFiles(capture: ReportCapture, n: number): Record<string, Uint8Array> {
  const { at, listing, verdict, pageUrl, screenshotNote, frame } = capture;
  return {
    [`capture-${n}.json`]: new TextEncoder().encode(canonicalJson({ at, listing, verdict, pageUrl, screenshotNote, frame: frame ?? undefined })),
    ...screenshotFiles(capture.screenshot, frame, `capture-${n}`),
  };
}

/** Every evidence file of the report: its own, then each capture's. */
export function reportEvidenceFiles(report: ReportEvidenceSource): Record<string, Uint8Array> {
  return { ...creationFiles(report), ...Object.assign({}, ...(report.captures ?? []).map((capture, i) => captureFiles(capture, i + 1))) };
}

/** The files the report had when it was made (what its 'report' chain entry hashes). */
export function creationFiles(report: ReportEvidenceSource): Record<string, Uint8Array> {
  const { itemId, listing, verdict, pageUrl, createdAt, noticeIds, cardMarkup, screenshotNote, frame } = report;
  return {
    // `frame` is left out when there is none, so the files of reports made before frames hash as they did.
    'listing.json': new TextEncoder().encode(canonicalJson({ itemId, listing, verdict, pageUrl, createdAt, noticeIds, cardMarkup, screenshotNote, frame: frame ?? undefined })),
    ...screenshotFiles(report.screenshot, frame, 'screenshot'),
  };
}

export async function hashFiles(files: Record<string, Uint8Array>): Promise<EvidenceFile[]> {
  return Promise.all(Object.entries(files).map(async ([name, bytes]) => ({ name, sha256: await sha256Hex(bytes) })));
}
