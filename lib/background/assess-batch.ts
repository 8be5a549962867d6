/**
 * The background's answer to a content script's batch: validate what the page side sent, then judge
 * each listing against the compiled rules and the notices that name it. Pure given its sources, so it
 * is tested in Node without a browser.
 */
import * as v from 'valibot';
import type { Listing } from '../listing';
import { listingBatchSchema } from '../messaging/listing-schema';
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

/** Each listing with its verdict, in order; throws InvalidBatchError naming the first problem. */
export function assessBatch(listings: unknown, sources: VerdictSources): Assessed[] {
  return checkedOrThrow(listingBatchSchema, listings, 'a batch').map((listing) => ({ listing, verdict: assessListing(listing, sources.rules, sources.noticeHits(listing), sources.sensitivity) }));
}
