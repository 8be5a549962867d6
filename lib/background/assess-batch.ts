/**
 * The background's answer to a content script's batch: validate what the page side sent, then judge
 * each listing against the compiled rules and the notices that name it. Pure given its sources, so it
 * is tested in Node without a browser.
 */
import * as v from 'valibot';
import type { Listing } from '../listing';
import { listingSchema, MAX_BATCH } from '../messaging/listing-schema';
import { assessListing, type CompiledRules, type Sensitivity } from '../rules';
import type { NoticeHit, Verdict } from '../verdict';

export interface VerdictSources {
  rules: CompiledRules;
  /** Notices naming this listing (item, shop or brand); none while no feed is loaded. */
  noticeHits: (listing: Listing) => readonly NoticeHit[];
  sensitivity: Sensitivity;
}

export class InvalidBatchError extends Error {
  override name = 'InvalidBatchError';
}

export interface Assessed {
  listing: Listing;
  verdict: Verdict;
}

/** The checked value, or InvalidBatchError naming the first problem ("rejected a <what>: path: reason"). */
export function checkedOrThrow<S extends v.GenericSchema>(schema: S, value: unknown, what: string): v.InferOutput<S> {
  const parsed = v.safeParse(schema, value);
  if (parsed.success) return parsed.output;
  const issue = parsed.issues[0];
  throw new InvalidBatchError(`rejected ${what}: ${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`);
}

/** The batch itself: a list of at most MAX_BATCH entries, whatever they hold. */
const batchShapeSchema = v.pipe(v.array(v.unknown()), v.maxLength(MAX_BATCH));

/**
 * Each valid listing with its verdict, in order. A listing that fails the schema is left out alone
 * (it gets no verdict, so no badge): one card a page has poisoned (a 300-character shop name, an
 * `Infinity` price) must not cost every other listing of its batch its verdict. Only a batch that is
 * not a list, or is too long, is refused whole (InvalidBatchError).
 */
export function assessBatch(listings: unknown, sources: VerdictSources): Assessed[] {
  const assessed: Assessed[] = [];
  for (const raw of checkedOrThrow(batchShapeSchema, listings, 'a batch')) {
    const parsed = v.safeParse(listingSchema, raw);
    if (!parsed.success) continue;
    const listing = parsed.output;
    assessed.push({ listing, verdict: assessListing(listing, sources.rules, sources.noticeHits(listing), sources.sensitivity) });
  }
  return assessed;
}
