/**
 * Writes a checked feed into the database, all or nothing: in one transaction the feed's old notices,
 * entries and lookup part are deleted and the new ones written, so an import that fails or is cancelled
 * halfway leaves the old data, and a reader (whose transaction IndexedDB orders before or after this
 * one) sees one feed version or the other.
 */
import Dexie from 'dexie';
import { feedEffect, type FeedEffect } from './feed-effect';
import { feedRecords } from './feed-records';
import { entryBlocks, feedBlockRange, type FeedRecord, type NoticeDatabase } from './notice-db';
import type { NoticeFeed } from './notice-feed';

export interface ImportProgress {
  done: number;
  total: number;
}

export interface ImportOptions {
  /** Which feed this replaces: a subscription's URL, or fileFeedKey(feed.id). */
  feedKey: string;
  /** The subscription URL, when the feed was downloaded. */
  url?: string | null;
  /** Validators of the download, kept for the next conditional request. */
  etag?: string | null;
  lastModified?: string | null;
  now: number;
  /**
   * Entries written so far, after each chunk. Called synchronously between chunks but outside the
   * transaction's scope, so database reads it starts are transactions of their own (they see the
   * old data or the new, never this import half done). If it throws, the import is undone.
   */
  onProgress?: (progress: ImportProgress) => void;
  /**
   * Refuse an example feed (NoticeFeed.example) with ExampleFeedRefusedError, nothing written: the
   * options page asks the user first. The CLI and a subscription already agreed to import it as is.
   */
  refuseExample?: boolean;
  /** Aborting undoes the import; it is checked before each chunk. */
  signal?: AbortSignal;
  chunkSize?: number;
}

export interface ImportSummary {
  feedKey: string;
  noticeCount: number;
  entryCount: number;
  /** Entries of the earlier version of this feed, now gone. */
  replacedEntries: number;
  notes: string[];
  example: boolean;
  effect: FeedEffect;
}

/** The feed is example data and the user has not agreed to import it: nothing was written. */
export class ExampleFeedRefusedError extends Error {
  override name = 'ExampleFeedRefusedError';
  constructor(readonly feedTitle: string | null) {
    super('the feed is marked as example data');
  }
}

const DEFAULT_CHUNK = 5000;

export async function importNoticeFeed(db: NoticeDatabase, feed: NoticeFeed, options: ImportOptions): Promise<ImportSummary> {
  const { feedKey, now, onProgress, signal } = options;
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK;
  if (feed.example && options.refuseExample === true) throw new ExampleFeedRefusedError(feed.title);
  // Built before the transaction opens: a transaction should not stay open for CPU work.
  const records = feedRecords(feed, feedKey);
  const total = records.entries.length;
  signal?.throwIfAborted();

  const replacedEntries = await db.transaction('rw', [db.notices, db.entryBlocks, db.feeds, db.lookups], async () => {
    const before = await db.feeds.get(feedKey);
    await feedBlockRange(db, feedKey).delete();
    const replaced = before?.entryCount ?? 0;
    await db.notices.where('feedKey').equals(feedKey).delete();
    await db.notices.bulkPut(records.notices);
    const progress = (done: number): void => {
      if (onProgress) Dexie.ignoreTransaction(() => onProgress({ done, total }));
    };
    progress(0);
    let block = 0;
    for (let start = 0; start < total; start += chunkSize) {
      signal?.throwIfAborted();
      const blocks = entryBlocks(feedKey, records.entries.slice(start, start + chunkSize), block);
      await db.entryBlocks.bulkPut(blocks);
      block += blocks.length;
      progress(Math.min(start + chunkSize, total));
    }
    signal?.throwIfAborted();
    await db.lookups.put(records.part);
    const row: FeedRecord = {
      key: feedKey,
      url: options.url ?? before?.url ?? null,
      id: feed.id,
      title: feed.title,
      homepage: feed.homepage,
      description: feed.description,
      example: feed.example,
      format: feed.format,
      encoding: feed.encoding,
      etag: options.etag ?? null,
      lastModified: options.lastModified ?? null,
      importedAt: now,
      checkedAt: now,
      noticeCount: records.notices.length,
      entryCount: total,
      lastResult: { status: 'imported', at: now, notes: feed.notes },
    };
    await db.feeds.put(row);
    return replaced;
  });
  return { feedKey, noticeCount: records.notices.length, entryCount: total, replacedEntries, notes: feed.notes, example: feed.example, effect: feedEffect(feed) };
}

/** Removes a feed and everything it brought, in one transaction. */
export async function removeNoticeFeed(db: NoticeDatabase, feedKey: string): Promise<void> {
  await db.transaction('rw', [db.notices, db.entryBlocks, db.feeds, db.lookups], async () => {
    await feedBlockRange(db, feedKey).delete();
    await db.notices.where('feedKey').equals(feedKey).delete();
    await db.lookups.delete(feedKey);
    await db.feeds.delete(feedKey);
  });
}
