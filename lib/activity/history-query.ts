/**
 * Finding things in the history: search text, filters, newest first, one page at a time. Pure, so the
 * popup can run it on every keystroke over 10,000 records: the folded search text of each record is
 * built once per snapshot of the table (`indexHistory`), not once per query.
 */
import type { Platform } from '../listing';
import type { Risk } from '../verdict';
import type { HistoryRecord } from './activity-db';

/** Brand id → the names the user may type for it ("gucci" → ["Gucci", "古驰"]). */
export type BrandNames = ReadonlyMap<string, readonly string[]>;

export interface HistoryFilter {
  /** Words that must all appear in the title, shop name, brand id or brand names. */
  text?: string;
  risks?: readonly Risk[];
  /** Brand ids; null stands for "no brand found". */
  brands?: readonly (string | null)[];
  platforms?: readonly Platform[];
  /** lastSeen range, epoch ms, inclusive; either end may be open. */
  from?: number | null;
  to?: number | null;
}

export interface IndexedRecord {
  record: HistoryRecord;
  searchText: string;
}

export interface HistoryPage {
  records: HistoryRecord[];
  /** How many records match the filter in all. */
  total: number;
  page: number;
  pageCount: number;
}

export const PAGE_SIZE = 50;

/** Case- and width-insensitive: NFKC then lower case, so ＧＵＣＣＩ finds gucci. */
export function foldSearchText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Newest first; each record carries the folded text a search looks in. */
export function indexHistory(records: readonly HistoryRecord[], brandNames: BrandNames = new Map()): IndexedRecord[] {
  const indexed = records.map((record) => {
    const parts = [record.listing.title, record.listing.shop.name ?? '', record.brand ?? '', ...(record.brand ? (brandNames.get(record.brand) ?? []) : [])];
    // A unit separator between fields, so a search cannot match across two of them.
    return { record, searchText: foldSearchText(parts.join('\u001f')) };
  });
  return indexed.sort((a, b) => b.record.lastSeen - a.record.lastSeen || (a.record.itemId < b.record.itemId ? -1 : 1));
}

function searchWords(text: string | undefined): string[] {
  return text ? foldSearchText(text).split(/\s+/).filter((word) => word !== '') : [];
}

export function matchesFilter(entry: IndexedRecord, filter: HistoryFilter, words = searchWords(filter.text)): boolean {
  const { record } = entry;
  if (filter.risks?.length && !filter.risks.includes(record.risk)) return false;
  if (filter.brands?.length && !filter.brands.includes(record.brand)) return false;
  if (filter.platforms?.length && !filter.platforms.includes(record.platform)) return false;
  if (filter.from != null && record.lastSeen < filter.from) return false;
  if (filter.to != null && record.lastSeen > filter.to) return false;
  return words.every((word) => entry.searchText.includes(word));
}

/** Every match, newest first (for exports of "what I am looking at"). */
export function filterHistory(index: readonly IndexedRecord[], filter: HistoryFilter): HistoryRecord[] {
  const words = searchWords(filter.text);
  const out: HistoryRecord[] = [];
  for (const entry of index) if (matchesFilter(entry, filter, words)) out.push(entry.record);
  return out;
}

/** One page of the matches; a page number past the end gives the last page. */
export function queryHistory(index: readonly IndexedRecord[], filter: HistoryFilter, page = 0, pageSize = PAGE_SIZE): HistoryPage {
  const matches = filterHistory(index, filter);
  const pageCount = Math.max(1, Math.ceil(matches.length / pageSize));
  const shown = Math.min(Math.max(0, page), pageCount - 1);
  return { records: matches.slice(shown * pageSize, (shown + 1) * pageSize), total: matches.length, page: shown, pageCount };
}
