/**
 * The content script's side of assessment: newly found listings go to the background in batches of
 * at most MAX_BATCH (one message each), and the answers are checked before anything is shown.
 */
import * as v from 'valibot';
import type { Listing } from '../listing';
import { MAX_BATCH } from '../messaging/listing-schema';
import { verdictBatchSchema } from '../messaging/verdict-schema';
import type { Verdict } from '../verdict';

export type SendBatch = (listings: Listing[]) => Promise<{ verdicts: unknown }>;

/** Verdicts by item id. A batch whose answer is malformed or missing is dropped, not guessed at. */
export async function requestVerdicts(listings: readonly Listing[], send: SendBatch): Promise<Map<string, Verdict>> {
  const batches: Listing[][] = [];
  for (let i = 0; i < listings.length; i += MAX_BATCH) batches.push(listings.slice(i, i + MAX_BATCH));
  const answers = await Promise.all(
    batches.map(async (batch) => {
      const answer = v.safeParse(verdictBatchSchema, (await send(batch)).verdicts);
      if (!answer.success) throw new Error(`the background answered a malformed batch: ${answer.issues[0].message}`);
      const asked = new Set(batch.map((l) => l.itemId));
      return answer.output.filter((verdict) => asked.has(verdict.itemId));
    }),
  );
  return new Map(answers.flat().map((verdict) => [verdict.itemId, verdict]));
}
