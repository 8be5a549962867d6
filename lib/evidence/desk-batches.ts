/**
 * Batches for the IP protection platform: one complaint is for one brand and one reason and takes at
 * most 300 listing URLs, so the chosen reports are grouped by brand and reason, each listing once,
 * then cut into batches. Every link is rebuilt from the item id.
 */
import type { ReportRecord } from '../activity/activity-db';
import { listingUrl } from '../page/platform';
import { caseOf } from './case-desk';

export const IPP_BATCH_LIMIT = 300;

export interface UrlBatch {
  brand: string | null;
  reason: string | null;
  /** The reports in it (a listing reported twice brings both). */
  reportIds: number[];
  urls: string[];
}

export function groupedBatches(reports: readonly ReportRecord[], size = IPP_BATCH_LIMIT): UrlBatch[] {
  const groups = new Map<string, { brand: string | null; reason: string | null; byUrl: Map<string, number[]> }>();
  for (const report of reports) {
    if (report.id === undefined) continue;
    const { brand, reason } = caseOf(report);
    const key = JSON.stringify([brand, reason]);
    const group = groups.get(key) ?? { brand, reason, byUrl: new Map<string, number[]>() };
    groups.set(key, group);
    const url = listingUrl(report.itemId, report.listing.shop.platform);
    group.byUrl.set(url, [...(group.byUrl.get(url) ?? []), report.id]);
  }
  const batches: UrlBatch[] = [];
  // Brand by brand, then reason by reason (none last), so the batches keep their numbers as the selection grows.
  const last = (value: string | null) => value ?? '\uffff';
  const ordered = [...groups.values()].sort((a, b) => last(a.brand).localeCompare(last(b.brand)) || last(a.reason).localeCompare(last(b.reason)));
  for (const { brand, reason, byUrl } of ordered) {
    const urls = [...byUrl.keys()];
    for (let start = 0; start < urls.length; start += size) {
      const slice = urls.slice(start, start + size);
      batches.push({ brand, reason, urls: slice, reportIds: slice.flatMap((url) => byUrl.get(url) ?? []) });
    }
  }
  return batches;
}

/** The id shared by the reports of one batch: brand, reason, when, and its place. */
export function batchId(batch: Pick<UrlBatch, 'brand' | 'reason'>, now: number, index: number): string {
  return `${batch.brand ?? 'no-brand'}/${batch.reason ?? 'no-reason'}/${new Date(now).toISOString()}/${index + 1}`;
}
