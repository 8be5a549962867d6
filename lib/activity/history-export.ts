/**
 * The history as CSV (for a spreadsheet) and JSON (for a program). Links are rebuilt from the item id;
 * the page URL is kept as data, as the record has it. Columns are documented in the README.
 */
import type { HistoryRecord } from './activity-db';
import { csvInChunks, isoTime } from './csv-cells';
import { LISTING_COLUMNS, listingCells } from './listing-columns';

export const HISTORY_CSV_COLUMNS = [...LISTING_COLUMNS, 'page_url', 'first_seen', 'last_seen', 'times_seen'] as const;

function historyRow(record: HistoryRecord): (string | number | null)[] {
  return [...listingCells(record.listing, record.verdict), record.pageUrl, isoTime(record.firstSeen), isoTime(record.lastSeen), record.timesSeen];
}

export function historyCsv(records: readonly HistoryRecord[], onProgress?: (done: number, total: number) => void): Promise<string> {
  return csvInChunks(HISTORY_CSV_COLUMNS, records, historyRow, onProgress);
}

export const HISTORY_JSON_FORMAT = 'counterfeit-radar.history';

export function historyJson(records: readonly HistoryRecord[], exportedAt: number): string {
  return JSON.stringify({ format: HISTORY_JSON_FORMAT, formatVersion: 1, exportedAt: isoTime(exportedAt), records }, null, 2) + '\n';
}
