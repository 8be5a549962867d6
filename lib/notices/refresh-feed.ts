/**
 * A subscription: download a feed URL and import it, conditionally (If-None-Match /
 * If-Modified-Since from the last import). A 304 keeps the data; a failed download, an error status
 * or a bad feed also keeps it, and the failure is recorded on the feed's row for the options page.
 * The background calls this from its alarm with its own fetch and clock. The download is capped in
 * size and time (capped-download.ts): a server that never finishes, or sends more than a feed can be,
 * ends as a recorded failure instead of a hung worker.
 */
import { cappedDownload, type CappedAnswer } from './capped-download';
import { ExampleFeedRefusedError, importNoticeFeed, type ImportProgress, type ImportSummary } from './import-feed';
import type { FeedRecord, FeedResult, NoticeDatabase } from './notice-db';
import { NoticeFeedError, type FeedFormat, type FeedProblem } from './notice-feed';
import { MAX_FEED_BYTES, parseNoticeFile } from './parse-notice-file';

export interface RefreshDeps {
  db: NoticeDatabase;
  fetch: typeof fetch;
  now: () => number;
  onProgress?: (progress: ImportProgress) => void;
  signal?: AbortSignal;
  /** How long a download may take, answer and body; FEED_DOWNLOAD_TIMEOUT_MS by default. */
  timeoutMs?: number;
  /**
   * Refuse example data on a first download (the user is asked when subscribing); a subscription
   * that has imported before was agreed to, and refreshes whatever it holds.
   */
  askBeforeExample?: boolean;
}

/** Time enough for a 64 MiB feed on a slow line; a server that takes longer is treated as down. */
export const FEED_DOWNLOAD_TIMEOUT_MS = 120_000;

export type RefreshOutcome =
  | { status: 'imported'; summary: ImportSummary }
  | { status: 'not-modified' }
  /** Example data the user has not agreed to (RefreshDeps.allowExample): nothing recorded. */
  | { status: 'example-refused'; feedTitle: string | null }
  | { status: 'failed'; message: string; problems: FeedProblem[] };

/**
 * Subscriptions are https only: a feed can make any shop look punished, so it must not be
 * rewritable on the way. Returns the reason a URL cannot be subscribed to, or null.
 */
export function subscriptionUrlProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `"${url}" is not a URL`;
  }
  if (parsed.protocol !== 'https:') return `"${url}" is not an https URL`;
  if (parsed.username || parsed.password) return 'a subscription URL must not carry a user name or password';
  return null;
}

/** Feeds that are subscriptions (have a URL), for the refresh alarm. */
export async function subscribedFeeds(db: NoticeDatabase): Promise<FeedRecord[]> {
  return db.feeds.orderBy('url').toArray();
}

export async function refreshFeed(url: string, deps: RefreshDeps): Promise<RefreshOutcome> {
  const problem = subscriptionUrlProblem(url);
  if (problem) throw new Error(problem);
  const { db } = deps;
  const before = await db.feeds.get(url);
  const headers: Record<string, string> = {};
  if (before?.importedAt != null) {
    if (before.etag) headers['If-None-Match'] = before.etag;
    if (before.lastModified) headers['If-Modified-Since'] = before.lastModified;
  }

  let answer: CappedAnswer;
  try {
    answer = await cappedDownload(deps.fetch, url, { headers, cache: 'no-store', credentials: 'omit' }, {
      maxBytes: MAX_FEED_BYTES,
      timeoutMs: deps.timeoutMs ?? FEED_DOWNLOAD_TIMEOUT_MS,
      signal: deps.signal,
      what: 'the feed',
    });
  } catch (error) {
    return fail(deps, url, messageOf(error));
  }
  if (answer.status === 304) {
    if (before?.importedAt == null) return fail(deps, url, 'the server answered 304 Not Modified to a first download');
    await record(deps, url, { status: 'not-modified', at: deps.now() });
    return { status: 'not-modified' };
  }
  if (!answer.ok) return fail(deps, url, `the server answered ${answer.status}${answer.statusText ? ` ${answer.statusText}` : ''}`);
  const { bytes, headers: answerHeaders } = answer;
  try {
    const format = formatFromContentType(answerHeaders.get('Content-Type'));
    const feed = parseNoticeFile(bytes, { name: url, ...(format ? { format } : {}) });
    const summary = await importNoticeFeed(db, feed, {
      feedKey: url,
      url,
      etag: answerHeaders.get('ETag'),
      lastModified: answerHeaders.get('Last-Modified'),
      now: deps.now(),
      onProgress: deps.onProgress,
      signal: deps.signal,
      refuseExample: deps.askBeforeExample === true && before?.importedAt == null,
    });
    return { status: 'imported', summary };
  } catch (error) {
    if (error instanceof ExampleFeedRefusedError) return { status: 'example-refused', feedTitle: error.feedTitle };
    if (error instanceof NoticeFeedError) return fail(deps, url, error.message.split('\n')[0] as string, [...error.problems]);
    return fail(deps, url, `the import failed: ${messageOf(error)}`);
  }
}

function formatFromContentType(contentType: string | null): FeedFormat | null {
  const type = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/json' || type.endsWith('+json')) return 'json';
  if (type === 'text/csv') return 'csv';
  return null;
}

async function fail(deps: RefreshDeps, url: string, message: string, problems: FeedProblem[] = []): Promise<RefreshOutcome> {
  await record(deps, url, { status: 'failed', at: deps.now(), message, problems });
  return { status: 'failed', message, problems };
}

/** Notes the outcome on the feed's row, creating the row for a first download that failed. */
async function record(deps: RefreshDeps, url: string, result: FeedResult): Promise<void> {
  const { db } = deps;
  await db.transaction('rw', db.feeds, async () => {
    const row = await db.feeds.get(url);
    if (row) {
      await db.feeds.update(url, { checkedAt: result.at, lastResult: result });
      return;
    }
    await db.feeds.put({
      key: url,
      url,
      id: null,
      title: null,
      homepage: null,
      description: null,
      format: null,
      encoding: null,
      etag: null,
      lastModified: null,
      importedAt: null,
      checkedAt: result.at,
      noticeCount: 0,
      entryCount: 0,
      lastResult: result,
    });
  });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
