/**
 * The content script's side of assessment: newly found listings go to the background in batches of
 * at most MAX_BATCH (one message each), and the answers are checked before anything is shown. Each
 * batch settles on its own: one that fails (a malformed answer, a refused message) costs only its own
 * listings their badges, never another batch's.
 */
import * as v from 'valibot';
import type { Listing } from '../listing';
import { MAX_BATCH } from '../messaging/listing-schema';
import { verdictBatchSchema } from '../messaging/verdict-schema';
import type { Verdict } from '../verdict';

export type SendBatch = (listings: Listing[]) => Promise<{ verdicts: unknown }>;

export function batchesOf(listings: readonly Listing[]): Listing[][] {
  const batches: Listing[][] = [];
  for (let i = 0; i < listings.length; i += MAX_BATCH) batches.push(listings.slice(i, i + MAX_BATCH));
  return batches;
}

/** One batch's verdicts by item id; throws when its answer is malformed (dropped, not guessed at). */
export async function requestBatch(batch: readonly Listing[], send: SendBatch): Promise<Map<string, Verdict>> {
  const answer = v.safeParse(verdictBatchSchema, (await send([...batch])).verdicts);
  if (!answer.success) throw new Error(`the background answered a malformed batch: ${answer.issues[0].message}`);
  const asked = new Set(batch.map((l) => l.itemId));
  return new Map(answer.output.filter((verdict) => asked.has(verdict.itemId)).map((verdict) => [verdict.itemId, verdict]));
}

export interface SettledVerdicts {
  verdicts: Map<string, Verdict>;
  /** Why each failed batch failed, in batch order. */
  failures: unknown[];
}

/**
 * How a failed batch is asked again: after each of `delaysMs` in turn (a worker that was starting, a
 * message lost while the background restarted), then given up. `wait` is setTimeout's, passed in so
 * the content script can use its context's timers and tests need not wait.
 */
export interface RetryPolicy {
  delaysMs: readonly number[];
  wait: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY: RetryPolicy = { delaysMs: [500, 2000, 8000], wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };
export const NO_RETRY: RetryPolicy = { delaysMs: [], wait: async () => undefined };

/** A batch that failed after its retries; says how many listings it held. */
export class BatchFailedError extends Error {
  override name = 'BatchFailedError';
  constructor(
    readonly batchSize: number,
    override readonly cause: unknown,
  ) {
    super(`a batch of ${batchSize} listings failed: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

async function withRetry<T>(run: () => Promise<T>, policy: RetryPolicy): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const delay = policy.delaysMs[attempt];
      if (delay === undefined) throw error;
      await policy.wait(delay);
    }
  }
}

/**
 * Every batch asked at once, each settled on its own (a failed one asked again by `retry`);
 * `onBatch` sees each answer as it arrives.
 */
export async function requestVerdicts(
  listings: readonly Listing[],
  send: SendBatch,
  onBatch: (verdicts: Map<string, Verdict>, batch: readonly Listing[]) => void = () => undefined,
  retry: RetryPolicy = NO_RETRY,
): Promise<SettledVerdicts> {
  const batches = batchesOf(listings);
  const settled = await Promise.allSettled(
    batches.map(async (batch) => {
      let verdicts: Map<string, Verdict>;
      try {
        verdicts = await withRetry(() => requestBatch(batch, send), retry);
      } catch (error) {
        throw new BatchFailedError(batch.length, error);
      }
      onBatch(verdicts, batch);
      return verdicts;
    }),
  );
  const verdicts = new Map<string, Verdict>();
  const failures: unknown[] = [];
  for (const result of settled) {
    if (result.status === 'fulfilled') for (const [id, verdict] of result.value) verdicts.set(id, verdict);
    else failures.push(result.reason);
  }
  return { verdicts, failures };
}
