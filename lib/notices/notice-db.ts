/**
 * The notices database: every imported or subscribed feed, its notices and their entries. Only the
 * background opens it (one writer). A database of its own, apart from the user's activity: feeds
 * are replaceable downloads.
 *
 * Version 1 indexed entries by item id, shop id and normalised shop name in three indexes. Version 2
 * puts the three in one multi-entry index of lookup keys (one `anyOf` answers a whole page), which
 * also means fewer index writes per imported row, and stores each feed's compact lookup part so a
 * starting worker does not read every entry. Its upgrade computes both from the version-1 rows.
 *
 * Version 3 stores entries in blocks of up to 500, each row carrying its entries and the union of
 * their lookup keys in the same multi-entry index. Chromium pays a fixed cost per row written (about
 * 150 µs here, index or not): 100,000 one-entry rows took 19 s, 200 blocks 2.3 s, and a lookup by key
 * still reads one row. A feed's blocks share the key prefix [feedKey], so replacing or deleting a feed
 * is one key-range delete instead of a cursor over an index (37 s for 100,000 rows). Version 4 drops
 * the version-2 entries table once the upgrade has copied it.
 */
import Dexie, { type EntityTable, type Transaction } from 'dexie';
import { entryLookupKeys } from './lookup-keys';
import { buildLookupPart, noticeSummary, type LookupPart, type PartEntry } from './lookup-part';
import type { FeedEncoding, FeedFormat, FeedProblem, Notice, NoticeEntry } from './notice-feed';

export const NOTICES_DB_NAME = 'counterfeit-radar-notices';

export const NOTICE_SCHEMA_V1 = {
  notices: '[feedKey+id], feedKey',
  entries: '++seq, feedKey, itemId, shopId, shopNameKey',
  feeds: 'key, url',
} as const;

export const NOTICE_SCHEMA_V2 = {
  notices: '[feedKey+id], feedKey, *brands',
  entries: '++seq, feedKey, *keys',
  feeds: 'key, url',
  lookups: 'feedKey',
} as const;

export const NOTICE_SCHEMA_V3 = { ...NOTICE_SCHEMA_V2, entryBlocks: '[feedKey+block], *keys' } as const;

export const NOTICE_SCHEMA_V4 = { ...NOTICE_SCHEMA_V3, entries: null } as const;

/** Entries per stored block: small enough that a lookup reads little, large enough that rows are few. */
export const ENTRY_BLOCK_SIZE = 500;

export interface NoticeRecord extends Omit<Notice, 'entries'> {
  /** The feed it came from: see FeedRecord.key. */
  feedKey: string;
  entryCount: number;
}

/** One entry as stored (inside an EntryBlockRecord since version 3). */
export interface EntryRecord extends NoticeEntry {
  /** Version 2's row number; blocks do not carry it. */
  seq?: number;
  feedKey: string;
  noticeId: string;
  /** normaliseShopName(shopName), or null. */
  shopNameKey: string | null;
  /** Since version 2: "item:…", "shop-id:…", "shop-name:…" (see lookup-keys.ts). */
  keys: string[];
}

/** Up to ENTRY_BLOCK_SIZE entries of one feed, in feed order. */
export interface EntryBlockRecord {
  feedKey: string;
  /** 0, 1, 2 … within the feed. */
  block: number;
  entries: EntryRecord[];
  /** Every lookup key of the entries, once each: the multi-entry index. */
  keys: string[];
}

export type FeedResult =
  | { status: 'imported'; at: number; notes: string[] }
  | { status: 'not-modified'; at: number }
  | { status: 'failed'; at: number; message: string; problems: FeedProblem[] };

export interface FeedRecord {
  /** A subscription's URL, or "file:<feed id>" for a feed imported from a file. */
  key: string;
  /** Set for subscriptions. */
  url: string | null;
  /** The feed's own id, title, homepage and description, once something was imported. */
  id: string | null;
  title: string | null;
  homepage: string | null;
  description: string | null;
  /** NoticeFeed.example; absent on feeds imported before it existed. */
  example?: boolean;
  format: FeedFormat | null;
  encoding: FeedEncoding | null;
  /** Validators of the last download imported, sent back on the next refresh. */
  etag: string | null;
  lastModified: string | null;
  importedAt: number | null;
  checkedAt: number | null;
  noticeCount: number;
  entryCount: number;
  lastResult: FeedResult | null;
}

export type LookupPartRecord = LookupPart;

export { fileFeedKey } from './feed-key';

export class NoticeDatabase extends Dexie {
  notices!: Dexie.Table<NoticeRecord, [string, string]>;
  entryBlocks!: Dexie.Table<EntryBlockRecord, [string, number]>;
  feeds!: EntityTable<FeedRecord, 'key'>;
  lookups!: EntityTable<LookupPartRecord, 'feedKey'>;

  constructor(options?: ConstructorParameters<typeof Dexie>[1]) {
    super(NOTICES_DB_NAME, options);
    this.version(1).stores(NOTICE_SCHEMA_V1);
    this.version(2).stores(NOTICE_SCHEMA_V2).upgrade(upgradeToVersion2);
    this.version(3).stores(NOTICE_SCHEMA_V3).upgrade(upgradeToVersion3);
    this.version(4).stores(NOTICE_SCHEMA_V4);
  }
}

/** A feed's entries as blocks, numbered from `firstBlock`. */
export function entryBlocks(feedKey: string, entries: readonly EntryRecord[], firstBlock = 0): EntryBlockRecord[] {
  const blocks: EntryBlockRecord[] = [];
  for (let start = 0; start < entries.length; start += ENTRY_BLOCK_SIZE) {
    const part = entries.slice(start, start + ENTRY_BLOCK_SIZE);
    blocks.push({ feedKey, block: firstBlock + blocks.length, entries: part, keys: [...new Set(part.flatMap((entry) => entry.keys))] });
  }
  return blocks;
}

/** The key range of one feed's blocks. */
export function feedBlockRange(db: NoticeDatabase, feedKey: string) {
  return db.entryBlocks.where('[feedKey+block]').between([feedKey, Dexie.minKey], [feedKey, Dexie.maxKey], true, true);
}

/** Every stored entry, or one feed's, in feed order. */
export async function storedEntries(db: NoticeDatabase, feedKey?: string): Promise<EntryRecord[]> {
  const blocks = feedKey === undefined ? await db.entryBlocks.toArray() : await feedBlockRange(db, feedKey).toArray();
  return blocks.flatMap((block) => block.entries);
}

async function upgradeToVersion3(tx: Transaction): Promise<void> {
  const entries = tx.table<EntryRecord, number>('entries');
  const feedKeys = (await entries.orderBy('feedKey').uniqueKeys()) as string[];
  for (const feedKey of feedKeys) {
    const rows = (await entries.where('feedKey').equals(feedKey).sortBy('seq')).map((entry) => {
      delete entry.seq;
      return entry;
    });
    await tx.table<EntryBlockRecord, [string, number]>('entryBlocks').bulkPut(entryBlocks(feedKey, rows));
  }
}

async function upgradeToVersion2(tx: Transaction): Promise<void> {
  const entries = tx.table<EntryRecord, number>('entries');
  await entries.toCollection().modify((entry) => {
    entry.keys = entryLookupKeys(entry);
  });
  const notices = await tx.table<NoticeRecord, [string, string]>('notices').toArray();
  const feedKeys = [...new Set(notices.map((notice) => notice.feedKey))];
  for (const feedKey of feedKeys) {
    const feedNotices = notices.filter((notice) => notice.feedKey === feedKey);
    await tx.table<LookupPartRecord, string>('lookups').put(lookupPartOf(feedKey, feedNotices, await entries.where('feedKey').equals(feedKey).toArray()));
  }
}

/** A feed's lookup part from its stored rows (the import builds it from the parsed feed instead). */
export function lookupPartOf(feedKey: string, notices: readonly NoticeRecord[], entries: readonly EntryRecord[]): LookupPart {
  const noticeIndex = new Map(notices.map((notice, i) => [notice.id, i]));
  const partEntries: PartEntry[] = [];
  for (const entry of entries) {
    const index = noticeIndex.get(entry.noticeId);
    if (index !== undefined) partEntries.push({ noticeIndex: index, keys: entry.keys, action: entry.action, date: entry.date });
  }
  return buildLookupPart(feedKey, notices.map(noticeSummary), partEntries);
}
