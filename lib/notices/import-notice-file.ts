/** A feed file chosen by the user (bytes) → checked → imported as the file feed of its id. */
import { importNoticeFeed, type ImportOptions, type ImportSummary } from './import-feed';
import { fileFeedKey, type NoticeDatabase } from './notice-db';
import { parseNoticeFile, type ParseOptions } from './parse-notice-file';

/** Throws NoticeFeedError (nothing written) when any row is bad. */
export async function importNoticeFile(
  db: NoticeDatabase,
  bytes: Uint8Array,
  options: ParseOptions & Omit<ImportOptions, 'feedKey' | 'url' | 'etag' | 'lastModified'>,
): Promise<ImportSummary> {
  const feed = parseNoticeFile(bytes, options);
  return importNoticeFeed(db, feed, { ...options, feedKey: fileFeedKey(feed.id) });
}
