/**
 * One feed's share of the in-memory lookup index, in a compact form: parallel typed arrays and the
 * sorted keys joined in one string, instead of an object per entry. It is written to the database in
 * the same transaction as the feed's rows, so a starting worker reads a few values per feed instead
 * of every entry row, and searches the sorted keys without building a map (cloning 150k separate
 * strings and hashing them cost ~180 ms in Node; one string and a split, ~50 ms). The entries table
 * stays the source it is derived from.
 */
import { ENTRY_ACTIONS, type EntryAction, type Notice } from './notice-feed';

/** What a hit needs to say about its notice. */
export interface NoticeSummary {
  id: string;
  title: string;
  publisher: string;
  published: string | null;
  url: string | null;
  brands: string[];
}

export interface LookupPart {
  feedKey: string;
  notices: NoticeSummary[];
  /**
   * Lookup keys ("item:…", "shop-id:…", "shop-name:…"), sorted, joined by line feeds (no key holds
   * one: ids are digits, normalised names have no whitespace). A key repeats when entries share it.
   */
  keys: string;
  /** For each key in order, the entry it finds. */
  keyEntries: Int32Array;
  /** For each entry, its notice (index into `notices`). */
  entryNotice: Int32Array;
  /** For each entry, 0 for no action, else 1 + its index in ENTRY_ACTIONS. */
  entryAction: Uint8Array;
  /** For each entry, its date as yyyymmdd, 0 for none. */
  entryDate: Int32Array;
}

export interface PartEntry {
  noticeIndex: number;
  keys: readonly string[];
  action: EntryAction | null;
  date: string | null;
}

export function noticeSummary(notice: Pick<Notice, keyof NoticeSummary>): NoticeSummary {
  const { id, title, publisher, published, url, brands } = notice;
  return { id, title, publisher, published, url, brands };
}

export function buildLookupPart(feedKey: string, notices: readonly NoticeSummary[], entries: readonly PartEntry[]): LookupPart {
  const keys: string[] = [];
  const owners: number[] = [];
  const entryNotice = new Int32Array(entries.length);
  const entryAction = new Uint8Array(entries.length);
  const entryDate = new Int32Array(entries.length);
  entries.forEach((entry, e) => {
    entryNotice[e] = entry.noticeIndex;
    entryAction[e] = entry.action === null ? 0 : ENTRY_ACTIONS.indexOf(entry.action) + 1;
    entryDate[e] = entry.date === null ? 0 : Number(entry.date.replaceAll('-', ''));
    for (const key of entry.keys) {
      if (key.includes('\n')) throw new Error(`lookup key with a line break: ${JSON.stringify(key)}`);
      keys.push(key);
      owners.push(e);
    }
  });
  const order = Int32Array.from(keys, (_, i) => i).sort((a, b) => compareKeys(keys[a] as string, keys[b] as string) || a - b);
  const keyEntries = Int32Array.from(order, (i) => owners[i] as number);
  const sortedKeys = Array.from(order, (i) => keys[i] as string);
  return { feedKey, notices: [...notices], keys: sortedKeys.join('\n'), keyEntries, entryNotice, entryAction, entryDate };
}

/** The order binary search relies on: UTF-16 code units, as `<` compares strings. */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The keys of a stored part, as the sorted array they were joined from. */
export function splitKeys(part: Pick<LookupPart, 'keys'>): string[] {
  return part.keys === '' ? [] : part.keys.split('\n');
}

export function actionOf(code: number): EntryAction | null {
  return code === 0 ? null : (ENTRY_ACTIONS[code - 1] ?? null);
}

export function dateOf(yyyymmdd: number): string | null {
  if (yyyymmdd === 0) return null;
  const text = String(yyyymmdd);
  return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`;
}
