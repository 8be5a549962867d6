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

/** Each listing with its verdict, in order; throws InvalidBatchError naming the first problem. */
export function assessBatch(listings: unknown, sources: VerdictSources): Assessed[] {
  const parsed = v.safeParse(listingBatchSchema, listings);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    throw new InvalidBatchError(`rejected a batch: ${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`);
  }
  return parsed.output.map((listing) => ({ listing, verdict: assessListing(listing, sources.rules, sources.noticeHits(listing), sources.sensitivity) }));
}
