/**
 * The background's side of the notice database: file imports and subscriptions asked for by the
 * options page, the refresh alarm, and the live index every verdict reads. It is the only writer;
 * after each change it rebuilds the index and swaps it in (live-notice-index.ts), so a verdict sees the
 * old feeds or the new ones. Also keeps the timings the options page and the benchmark show.
 */
import type { ImportProgress, ImportSummary } from '../notices/import-feed';
import { importNoticeFile } from '../notices/import-notice-file';
import { removeNoticeFeed } from '../notices/import-feed';
import { ExampleFeedRefusedError } from '../notices/import-feed';
import { LiveNoticeIndex } from '../notices/live-notice-index';
import type { NoticeIndex } from '../notices/notice-index';
import type { LookupListing } from '../notices/lookup-keys';
import type { NoticeDatabase } from '../notices/notice-db';
import { NoticeFeedError } from '../notices/notice-feed';
import { MAX_FEED_BYTES } from '../notices/parse-notice-file';
import { refreshFeed, subscribedFeeds, subscriptionUrlProblem } from '../notices/refresh-feed';
import { pageFailure as failure, type ExampleRefused, type LookupMeasure, type NoticeImportDone, type NoticeImportProgress, type NoticeTimings, type PageResult } from '../messaging/page-protocol';
import type { NoticeHit } from '../verdict';

export interface NoticeServiceDeps {
  db: NoticeDatabase;
  fetch: typeof fetch;
  now: () => number;
  /** A monotonic clock in milliseconds (performance.now), for the timings. */
  clock: () => number;
  progress: (progress: NoticeImportProgress) => void;
  /** Listings in the history whose verdict differs between the two indexes (history-verdict-changes.ts). */
  historyChanges?: (before: NoticeIndex, after: NoticeIndex) => Promise<number>;
}

function done(summary: ImportSummary, historyChanged: number | null): { ok: true } & NoticeImportDone {
  const { feedKey, noticeCount, entryCount, replacedEntries, example, effect } = summary;
  return { ok: true, feedKey, noticeCount, entryCount, replacedEntries, example, effect: { ...effect, historyChanged } };
}

/** base64 → bytes, refusing what could not be a feed before decoding it all. */
function decodeBase64(base64: string): Uint8Array | null {
  if (base64.length > Math.ceil(MAX_FEED_BYTES / 3) * 4 + 4) return null;
  let binary: string;
  try {
    binary = atob(base64);
  } catch {
    return null;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Files arriving in chunks, by import id; at most this many at once (a page closed mid-upload leaves one). */
const MAX_UPLOADS = 4;

export class NoticeService {
  readonly live = new LiveNoticeIndex();
  readonly #uploads = new Map<string, { chunks: Uint8Array[]; bytes: number }>();
  readonly #startedAt: number;
  #indexReadyMs: number | null = null;
  #firstLookupMs: number | null = null;
  /** Resolves once the index has been read at worker start; verdicts wait for it. */
  readonly ready: Promise<void>;

  constructor(private readonly deps: NoticeServiceDeps) {
    this.#startedAt = deps.clock();
    this.ready = this.live.reload(deps.db).then(
      () => {
        this.#indexReadyMs = deps.clock() - this.#startedAt;
      },
      (error: unknown) => {
        // An unreadable database must not stop verdicts: they go on without notices, and say so.
        console.error('Counterfeit Radar: could not read the notice database', error);
        this.#indexReadyMs = deps.clock() - this.#startedAt;
      },
    );
  }

  /** For BackgroundDeps.noticeHits: always the current index. */
  readonly hitsFor = (listing: LookupListing): readonly NoticeHit[] => {
    if (this.#firstLookupMs === null) this.#firstLookupMs = this.deps.clock() - this.#startedAt;
    return this.live.hitsFor(listing);
  };

  timings(): NoticeTimings {
    const { feedCount, noticeCount, entryCount } = this.live.current;
    return { feedCount, noticeCount, entryCount, indexReadyMs: this.#indexReadyMs, firstLookupMs: this.#firstLookupMs };
  }

  /**
   * Times a batch lookup against the current index: each sample runs the batch `repeat` times, since
   * an extension's clock is coarsened (100 µs in Chromium) and one batch takes less than that.
   */
  measureLookup(listings: readonly LookupListing[], runs: number, repeat = 50): LookupMeasure {
    const index = this.live.current;
    const samples: number[] = [];
    for (let run = 0; run < runs; run++) {
      const start = this.deps.clock();
      for (let r = 0; r < repeat; r++) for (const listing of listings) index.hitsFor(listing);
      samples.push(((this.deps.clock() - start) * 1000) / repeat);
    }
    samples.sort((a, b) => a - b);
    const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0;
    return { listings: listings.length, runs, medianMicros: at(0.5), p95Micros: at(0.95) };
  }

  /** Keeps one chunk of a file the page is sending; chunks come in order (messages from one page do). */
  receiveChunk(importId: string, index: number, base64: string): void {
    const bytes = decodeBase64(base64);
    const upload = index === 0 ? { chunks: [], bytes: 0 } : this.#uploads.get(importId);
    if (!bytes || !upload || upload.chunks.length !== index || upload.bytes + bytes.byteLength > MAX_FEED_BYTES) {
      this.#uploads.delete(importId);
      throw new Error(`chunk ${index} of import ${importId} could not be taken (out of order, damaged, or the file is over ${MAX_FEED_BYTES} bytes)`);
    }
    upload.chunks.push(bytes);
    upload.bytes += bytes.byteLength;
    if (index === 0) {
      this.#uploads.set(importId, upload);
      for (const stale of [...this.#uploads.keys()].slice(0, Math.max(0, this.#uploads.size - MAX_UPLOADS))) this.#uploads.delete(stale);
    }
  }

  /**
   * Imports `base64`, or the chunks received under this import id. Example data is imported only
   * with `allowExample`; without it the answer says what the file is and nothing is written.
   */
  async importFile(importId: string, fileName: string, base64?: string, allowExample = false): Promise<PageResult<NoticeImportDone | ExampleRefused>> {
    const bytes = base64 === undefined ? this.takeUpload(importId) : decodeBase64(base64);
    if (!bytes) return failure(`${fileName}: the file could not be read (too large or damaged); feeds are limited to ${MAX_FEED_BYTES} bytes`);
    const report = (phase: NoticeImportProgress['phase'], p: ImportProgress) => this.deps.progress({ importId, phase, ...p });
    report('parsing', { done: 0, total: bytes.byteLength });
    const before = this.live.current;
    try {
      const summary = await importNoticeFile(this.deps.db, bytes, {
        name: fileName,
        now: this.deps.now(),
        onProgress: (p) => report('writing', p),
        refuseExample: !allowExample,
      });
      await this.reindex(importId, summary.entryCount);
      return done(summary, await this.historyChanges(before));
    } catch (error) {
      if (error instanceof ExampleFeedRefusedError) return { ok: true, exampleRefused: true, feedTitle: error.feedTitle };
      if (error instanceof NoticeFeedError) return failure(error.message.split('\n')[0] ?? error.message, error.problems, error.problemCount);
      return failure(`${fileName}: the import failed and nothing was changed: ${(error as Error).message}`);
    }
  }

  async subscribe(importId: string, url: string, allowExample = false): Promise<PageResult<NoticeImportDone | { notModified: true } | ExampleRefused>> {
    const problem = subscriptionUrlProblem(url);
    if (problem) return failure(problem);
    const before = this.live.current;
    const outcome = await refreshFeed(url, {
      db: this.deps.db,
      fetch: this.deps.fetch,
      now: this.deps.now,
      onProgress: (p) => this.deps.progress({ importId, phase: 'writing', ...p }),
      askBeforeExample: !allowExample,
    });
    if (outcome.status === 'failed') return failure(outcome.message, outcome.problems);
    if (outcome.status === 'not-modified') return { ok: true, notModified: true };
    if (outcome.status === 'example-refused') return { ok: true, exampleRefused: true, feedTitle: outcome.feedTitle };
    await this.reindex(importId, outcome.summary.entryCount);
    return done(outcome.summary, await this.historyChanges(before));
  }

  /** null when there is no history to judge against (tests without one) or it could not be read. */
  private async historyChanges(before: NoticeIndex): Promise<number | null> {
    try {
      return (await this.deps.historyChanges?.(before, this.live.current)) ?? null;
    } catch (error) {
      console.error('Counterfeit Radar: could not compare the history\'s verdicts', error);
      return null;
    }
  }

  async remove(feedKey: string): Promise<void> {
    await removeNoticeFeed(this.deps.db, feedKey);
    await this.live.reload(this.deps.db);
  }

  /** Every subscription, one after another (the alarm, or "refresh now"); failures keep the old data. */
  async refreshAll(): Promise<{ refreshed: number; failed: number }> {
    let refreshed = 0;
    let failed = 0;
    for (const feed of await subscribedFeeds(this.deps.db)) {
      if (!feed.url) continue;
      const outcome = await refreshFeed(feed.url, { db: this.deps.db, fetch: this.deps.fetch, now: this.deps.now });
      if (outcome.status === 'failed') failed++;
      else if (outcome.status !== 'example-refused') refreshed++;
    }
    if (refreshed > 0) await this.live.reload(this.deps.db);
    return { refreshed, failed };
  }

  private takeUpload(importId: string): Uint8Array | null {
    const upload = this.#uploads.get(importId);
    this.#uploads.delete(importId);
    if (!upload) return null;
    const bytes = new Uint8Array(upload.bytes);
    let at = 0;
    for (const chunk of upload.chunks) {
      bytes.set(chunk, at);
      at += chunk.byteLength;
    }
    return bytes;
  }

  private async reindex(importId: string, total: number): Promise<void> {
    this.deps.progress({ importId, phase: 'indexing', done: total, total });
    await this.live.reload(this.deps.db);
    this.deps.progress({ importId, phase: 'done', done: total, total });
  }
}
