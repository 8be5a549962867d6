/**
 * The evidence files of a report, as bytes: what the chain hashes when the report is made and what
 * the zip carries, rebuilt the same way from the stored record. `listing.json` is canonical JSON of
 * what the page showed and why it was judged so; `screenshot.png` the capture, when there is one.
 * Status, notes and complaint ids are not evidence files: they change, and the chain logs each change.
 */
import type { ReportCapture, ReportRecord } from '../activity/activity-db';
import { canonicalJson } from './canonical-json';
import type { EvidenceFile } from './evidence-chain';
import { pngBytes } from './png-data-url';
import { sha256Hex } from './sha256';

export type ReportEvidenceSource = Pick<ReportRecord, 'itemId' | 'listing' | 'verdict' | 'pageUrl' | 'createdAt' | 'noticeIds' | 'cardMarkup' | 'screenshot' | 'screenshotNote' | 'captures'>;

/** The files of the report's n-th capture (1-based): capture-n.json, and capture-n.png when there is one. */
export function captureFiles(capture: ReportCapture, n: number): Record<string, Uint8Array> {
  const { at, listing, verdict, pageUrl, screenshotNote } = capture;
  const files: Record<string, Uint8Array> = { [`capture-${n}.json`]: new TextEncoder().encode(canonicalJson({ at, listing, verdict, pageUrl, screenshotNote })) };
  const png = pngBytes(capture.screenshot);
  if (png) files[`capture-${n}.png`] = png;
  return files;
}

/** Every evidence file of the report: its own, then each capture's. */
export function reportEvidenceFiles(report: ReportEvidenceSource): Record<string, Uint8Array> {
  return { ...creationFiles(report), ...Object.assign({}, ...(report.captures ?? []).map((capture, i) => captureFiles(capture, i + 1))) };
}

/** The files the report had when it was made (what its 'report' chain entry hashes). */
export function creationFiles(report: ReportEvidenceSource): Record<string, Uint8Array> {
  const { itemId, listing, verdict, pageUrl, createdAt, noticeIds, cardMarkup, screenshotNote } = report;
  const files: Record<string, Uint8Array> = {
    'listing.json': new TextEncoder().encode(canonicalJson({ itemId, listing, verdict, pageUrl, createdAt, noticeIds, cardMarkup, screenshotNote })),
  };
  const png = pngBytes(report.screenshot);
  if (png) files['screenshot.png'] = png;
  return files;
}

export async function hashFiles(files: Record<string, Uint8Array>): Promise<EvidenceFile[]> {
  return Promise.all(Object.entries(files).map(async ([name, bytes]) => ({ name, sha256: await sha256Hex(bytes) })));
}
