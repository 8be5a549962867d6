import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cappedDownload, DownloadError } from '../../lib/notices/capped-download';
import type { NoticeDatabase } from '../../lib/notices/notice-db';
import { MAX_FEED_BYTES } from '../../lib/notices/parse-notice-file';
import { refreshFeed } from '../../lib/notices/refresh-feed';
import { fixtureBytes, freshDatabase } from './notice-fixtures';

const URL_JSON = 'https://feeds.example.com/notices.json';
const MiB = 1024 * 1024;

/** A body that never ends (and declares no length), counting the bytes it was asked for. */
function endlessBody() {
  const chunk = new Uint8Array(MiB).fill(0x20);
  const counter = { pulled: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      counter.pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
    cancel() {
      counter.cancelled = true;
    },
  }, { highWaterMark: 0 });
  return { body, counter };
}

/** A body that sends its first bytes, then nothing more, ever. */
function stalledBody(): ReadableStream<Uint8Array> {
  let sent = false;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent) return new Promise<void>(() => undefined);
      sent = true;
      controller.enqueue(new TextEncoder().encode('{"format":'));
      return undefined;
    },
  }, { highWaterMark: 0 });
}

const answering = (response: () => Response) => (async () => response()) as typeof fetch;

let db: NoticeDatabase;
beforeEach(() => {
  db = freshDatabase();
});
afterEach(() => db.close());

describe('feed downloads are capped in size and time', () => {
  it('stops reading a body without Content-Length at the cap, and records why on the feed', async () => {
    const { body, counter } = endlessBody();
    const outcome = await refreshFeed(URL_JSON, { db, now: () => 5_000, fetch: answering(() => new Response(body, { headers: { 'Content-Type': 'application/json' } })) });
    const message = `the feed is larger than ${MAX_FEED_BYTES} bytes, the most accepted; the download was stopped there`;
    expect(outcome).toEqual({ status: 'failed', message, problems: [] });
    expect(counter.pulled).toBeLessThanOrEqual(MAX_FEED_BYTES + MiB);
    expect(counter.cancelled).toBe(true);
    expect(await db.feeds.get(URL_JSON)).toMatchObject({ importedAt: null, checkedAt: 5_000, lastResult: { status: 'failed', at: 5_000, message } });
  });

  it('refuses a declared Content-Length over the cap before reading the body', async () => {
    const { body, counter } = endlessBody();
    const headers = { 'Content-Type': 'application/json', 'Content-Length': String(MAX_FEED_BYTES + 1) };
    const outcome = await refreshFeed(URL_JSON, { db, now: () => 1, fetch: answering(() => new Response(body, { headers })) });
    expect(outcome).toMatchObject({ status: 'failed', message: `the feed is ${MAX_FEED_BYTES + 1} bytes; at most ${MAX_FEED_BYTES} are accepted` });
    expect(counter.pulled).toBe(0);
  });

  it('gives up on a server that never answers, aborting the request, and records it', async () => {
    let requestSignal: AbortSignal | undefined;
    const neverAnswers = ((_url: RequestInfo | URL, init?: RequestInit) => {
      requestSignal = init?.signal ?? undefined;
      return new Promise<Response>(() => undefined);
    }) as typeof fetch;
    const outcome = await refreshFeed(URL_JSON, { db, now: () => 7_000, fetch: neverAnswers, timeoutMs: 30 });
    expect(outcome).toEqual({ status: 'failed', message: 'the feed did not finish downloading within 30 ms', problems: [] });
    expect(requestSignal?.aborted).toBe(true);
    expect(await db.feeds.get(URL_JSON)).toMatchObject({ lastResult: { status: 'failed', at: 7_000, message: 'the feed did not finish downloading within 30 ms' } });
  });

  it('gives up on a body that stops half way, and keeps the data already imported', async () => {
    const first = await refreshFeed(URL_JSON, { db, now: () => 1_000, fetch: answering(() => new Response(fixtureBytes('example-feed.json'))) });
    expect(first).toMatchObject({ status: 'imported' });
    const outcome = await refreshFeed(URL_JSON, { db, now: () => 2_000, fetch: answering(() => new Response(stalledBody())), timeoutMs: 30 });
    expect(outcome).toMatchObject({ status: 'failed', message: 'the feed did not finish downloading within 30 ms' });
    expect(await db.feeds.get(URL_JSON)).toMatchObject({ importedAt: 1_000, noticeCount: 3, lastResult: { status: 'failed', at: 2_000 } });
  });
});

describe('cappedDownload', () => {
  it('returns the bytes of a body within the cap, in order across chunks', async () => {
    const parts = ['ab', 'cd', 'e'];
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = parts.shift();
        if (next === undefined) controller.close();
        else controller.enqueue(new TextEncoder().encode(next));
      },
    });
    const answer = await cappedDownload(answering(() => new Response(body)), 'https://x.example/p', {}, { maxBytes: 5, timeoutMs: 1_000, what: 'the pack' });
    expect(new TextDecoder().decode(answer.bytes)).toBe('abcde');
  });

  it('does not read the body of an error answer', async () => {
    const { body, counter } = endlessBody();
    const answer = await cappedDownload(answering(() => new Response(body, { status: 503 })), 'https://x.example/p', {}, { maxBytes: 5, timeoutMs: 1_000, what: 'the pack' });
    expect(answer).toMatchObject({ ok: false, status: 503 });
    expect(answer.bytes.byteLength).toBe(0);
    expect(counter.pulled).toBe(0);
  });

  it("stops when the caller's signal aborts, saying so", async () => {
    const caller = new AbortController();
    const download = cappedDownload(answering(() => new Response(stalledBody())), 'https://x.example/p', {}, { maxBytes: 100, timeoutMs: 60_000, signal: caller.signal, what: 'the pack' });
    caller.abort(new Error('the worker is stopping'));
    await expect(download).rejects.toThrow(new DownloadError('the download was cancelled: the worker is stopping'));
  });
});
