/**
 * Bytes of a feed file or download → a checked NoticeFeed, or a NoticeFeedError listing every bad
 * row. Pure: the file picker, the CLI and the subscription all come through here.
 */
import { parseCsvFeed } from './csv-feed';
import { decodeFeedBytes } from './feed-bytes';
import { parseJsonFeed } from './json-feed';
import { NoticeFeedError, type FeedFormat, type NoticeFeed } from './notice-feed';

/** Larger files are refused before decoding: ~600k entries fit well under this. */
export const MAX_FEED_BYTES = 64 * 1024 * 1024;

export interface ParseOptions {
  /** File name or URL: names the file in errors, picks the format by extension, and names a CSV feed. */
  name: string;
  /** When known from elsewhere (a Content-Type); otherwise taken from the name, then from the content. */
  format?: FeedFormat;
  /** The id of a CSV feed (which cannot say its own); the name without its extension by default. */
  feedId?: string;
}

export function parseNoticeFile(bytes: Uint8Array, options: ParseOptions): NoticeFeed {
  const label = options.name;
  if (bytes.byteLength > MAX_FEED_BYTES) {
    throw new NoticeFeedError(label, [{ line: null, field: '(file)', reason: `is ${bytes.byteLength} bytes; feeds are limited to ${MAX_FEED_BYTES}` }]);
  }
  const decoded = decodeFeedBytes(bytes, label);
  const format = options.format ?? formatFromName(options.name) ?? (/^\s*[{[]/.test(decoded.text) ? 'json' : 'csv');
  return format === 'json' ? parseJsonFeed(decoded, label) : parseCsvFeed(decoded, label, options.feedId ?? feedIdFromName(options.name));
}

export function formatFromName(name: string): FeedFormat | null {
  const path = pathOf(name).toLowerCase();
  if (path.endsWith('.json')) return 'json';
  if (path.endsWith('.csv')) return 'csv';
  return null;
}

/** "lists/shops-2026.csv" → "shops-2026"; a URL keeps its whole text (it is its own id). */
export function feedIdFromName(name: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(name)) return name;
  const base = name.split(/[\\/]/).pop() ?? name;
  return base.replace(/\.[^.]*$/, '') || base;
}

function pathOf(name: string): string {
  try {
    return new URL(name).pathname;
  } catch {
    return name;
  }
}
