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

/** Every batch asked at once, each settled on its own; `onBatch` sees each answer as it arrives. */
export async function requestVerdicts(
  listings: readonly Listing[],
  send: SendBatch,
  onBatch: (verdicts: Map<string, Verdict>, batch: readonly Listing[]) => void = () => undefined,
): Promise<SettledVerdicts> {
  const batches = batchesOf(listings);
  const settled = await Promise.allSettled(
    batches.map(async (batch) => {
      const verdicts = await requestBatch(batch, send);
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
