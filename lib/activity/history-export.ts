/**
 * The history as CSV (for a spreadsheet) and JSON (for a program). Links are rebuilt from the item id;
 * the page URL is kept as data, as the record has it. Columns are documented in the README.
 */
import { listingUrl } from '../page/platform';
import type { HistoryRecord } from './activity-db';
import { csvInChunks, isoTime } from './csv-cells';

export const HISTORY_CSV_COLUMNS = [
  'item_id',
  'url',
  'title',
  'shop_name',
  'shop_id',
  'platform',
  'risk',
  'score',
  'brand',
  'price_min',
  'price_max',
  'reason_codes',
  'reasons_en',
  'reasons_zh_CN',
  'page_url',
  'first_seen',
  'last_seen',
  'times_seen',
] as const;

function historyRow(record: HistoryRecord): (string | number | null)[] {
  const { listing, verdict } = record;
  return [
    record.itemId,
    listingUrl(record.itemId, record.platform),
    listing.title,
    listing.shop.name,
    listing.shop.id,
    record.platform,
    record.risk,
    verdict.score,
    record.brand,
    listing.price?.min ?? null,
    listing.price?.max ?? null,
    verdict.reasons.map((r) => r.code).join(';'),
    verdict.reasons.map((r) => r.text.en).join(' | '),
    verdict.reasons.map((r) => r.text.zh_CN).join(' | '),
    record.pageUrl,
    isoTime(record.firstSeen),
    isoTime(record.lastSeen),
    record.timesSeen,
  ];
}

export function historyCsv(records: readonly HistoryRecord[], onProgress?: (done: number, total: number) => void): Promise<string> {
  return csvInChunks(HISTORY_CSV_COLUMNS, records, historyRow, onProgress);
}

export const HISTORY_JSON_FORMAT = 'counterfeit-radar.history';

export function historyJson(records: readonly HistoryRecord[], exportedAt: number): string {
  return JSON.stringify({ format: HISTORY_JSON_FORMAT, formatVersion: 1, exportedAt: isoTime(exportedAt), records }, null, 2) + '\n';
}
