import { describe, expect, it } from 'vitest';
import type { PhotoHashes } from '../../lib/photos/photo-hash';
import { PhotoQueue, type PhotoQueueLimits } from '../../lib/photos/photo-queue';

const LIMITS: PhotoQueueLimits = { maxInFlight: 2, minIntervalMs: 250, maxQueued: 3, maxRemembered: 10, freshMs: 1000 };

/** A clock that only moves when the queue waits, and downloads the test answers by hand. */
function harness(limits = LIMITS) {
  let clock = 0;
  const starts: { url: string; at: number }[] = [];
  const answers = new Map<string, { resolve: (h: PhotoHashes) => void; reject: (e: Error) => void }>();
  const queue = new PhotoQueue(
    {
      hashImage: (url) =>
        new Promise<PhotoHashes>((resolve, reject) => {
          starts.push({ url, at: clock });
          answers.set(url, { resolve, reject });
        }),
      now: () => clock,
      wait: async (ms) => {
        clock += ms;
      },
    },
    limits,
  );
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  const answer = async (url: string, hashes: PhotoHashes | Error) => {
    const pending = answers.get(url);
    if (!pending) throw new Error(`${url} was not started`);
    answers.delete(url);
    if (hashes instanceof Error) pending.reject(hashes);
    else pending.resolve(hashes);
    await settle();
  };
  return { queue, starts, answer, settle, advance: (ms: number) => (clock += ms) };
}

const hashesOf = (url: string): PhotoHashes => ({ hash: `h-${url}`, mirrored: `m-${url}` });

describe('PhotoQueue', () => {
  it('runs at most maxInFlight downloads at once, started at least minIntervalMs apart', async () => {
    const { queue, starts, answer, settle } = harness();
    const results = ['a', 'b', 'c'].map((url) => queue.hashes(url));
    await settle();
    expect(starts).toEqual([
      { url: 'a', at: 0 },
      { url: 'b', at: 250 },
    ]);
    await answer('a', hashesOf('a'));
    expect(starts.map((s) => s.url)).toEqual(['a', 'b', 'c']);
    expect(starts[2]!.at).toBeGreaterThanOrEqual(500);
    await answer('b', hashesOf('b'));
    await answer('c', hashesOf('c'));
    expect(await Promise.all(results)).toEqual([hashesOf('a'), hashesOf('b'), hashesOf('c')]);
  });

  it('downloads a URL once: a second ask waits for the first, and a fresh answer is reused', async () => {
    const { queue, starts, answer, settle, advance } = harness();
    const first = queue.hashes('a');
    const second = queue.hashes('a');
    await settle();
    await answer('a', hashesOf('a'));
    expect(await first).toEqual(hashesOf('a'));
    expect(await second).toEqual(hashesOf('a'));
    expect(await queue.hashes('a')).toEqual(hashesOf('a'));
    expect(starts).toHaveLength(1);
    advance(1000); // no longer fresh: asked again
    void queue.hashes('a');
    await settle();
    expect(starts).toHaveLength(2);
  });

  it('answers null for a failed download and does not retry it while the failure is fresh', async () => {
    const { queue, starts, answer, settle } = harness();
    const failed = queue.hashes('broken');
    await settle();
    await answer('broken', new Error('403'));
    expect(await failed).toBeNull();
    expect(await queue.hashes('broken')).toBeNull();
    expect(starts).toHaveLength(1);
  });

  it('drops asks beyond maxQueued (null), and keeps going with the rest', async () => {
    const { queue, starts, answer, settle } = harness({ ...LIMITS, maxInFlight: 1, maxQueued: 2 });
    const asked = ['a', 'b', 'c', 'd'].map((url) => queue.hashes(url));
    await settle();
    // a runs; b and c wait; d finds the queue full.
    expect(await asked[3]).toBeNull();
    for (const url of ['a', 'b', 'c']) {
      await settle();
      await answer(url, hashesOf(url));
    }
    expect(await Promise.all(asked.slice(0, 3))).toEqual([hashesOf('a'), hashesOf('b'), hashesOf('c')]);
    expect(starts.map((s) => s.url)).toEqual(['a', 'b', 'c']);
    expect(queue.busy).toBe(0);
  });
});
