/** Node only (reads the file system): a feed file for the CLI, checked, as a feed or as a lookup index. */
import { readFile, stat } from 'node:fs/promises';
import { NoticeFeedError, type NoticeFeed } from './notice-feed';
import { NoticeIndex } from './notice-index';
import { MAX_FEED_BYTES, parseNoticeFile } from './parse-notice-file';

/** Throws NoticeFeedError for an unreadable or bad file, naming every bad row. */
export async function readNoticeFile(path: string): Promise<NoticeFeed> {
  let bytes: Uint8Array;
  try {
    // Sized before it is read: a file far over the limit must not be read whole only to be refused.
    const { size } = await stat(path);
    if (size > MAX_FEED_BYTES) throw new NoticeFeedError(path, [{ line: null, field: '(file)', reason: `is ${size} bytes; feeds are limited to ${MAX_FEED_BYTES}` }]);
    bytes = await readFile(path);
  } catch (error) {
    if (error instanceof NoticeFeedError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new NoticeFeedError(path, [{ line: null, field: '(file)', reason: code === 'ENOENT' ? 'no such file' : `cannot be read: ${(error as Error).message}` }]);
  }
  return parseNoticeFile(bytes, { name: path });
}

export async function loadNoticeFile(path: string): Promise<NoticeIndex> {
  return NoticeIndex.fromFeed(await readNoticeFile(path));
}
