/**
 * The background's answer to a content script's batch: validate what the page side sent, then judge
 * each listing against the compiled rules and the notices that name it. Pure given its sources, so it
 * is tested in Node without a browser.
 */
import * as v from 'valibot';
import type { Listing } from '../listing';
import { listingSchema, MAX_BATCH } from '../messaging/listing-schema';
import { assessListing, type CompiledRules, type Sensitivity } from '../rules';
import type { NoticeHit, OfficialShop, Verdict } from '../verdict';

export interface VerdictSources {
  rules: CompiledRules;
  /** Notices naming this listing (item, shop or brand); none while no feed is loaded. */
  noticeHits: (listing: Listing) => readonly NoticeHit[];
  sensitivity: Sensitivity;
  /** The brand's authorised shops, offered on the badge as the official store; none when not given. */
  officialShops?: (brand: string) => readonly OfficialShop[];
}

/** Reasons that say the listing's own shop is the brand's or the platform's: no other store to offer. */
const SOLD_BY_OFFICIAL_SHOP: ReadonlySet<string> = new Set(['authorised-shop', 'trusted-shop']);

/** The verdict with its brand's official stores, unless there are none or this listing is sold by one. */
export function withOfficialShops(verdict: Verdict, officialShops: VerdictSources['officialShops']): Verdict {
  if (!officialShops || verdict.brand === null || verdict.reasons.some((reason) => SOLD_BY_OFFICIAL_SHOP.has(reason.code))) return verdict;
  const shops = officialShops(verdict.brand);
  return shops.length > 0 ? { ...verdict, officialShops: shops.map((shop) => ({ ...shop })) } : verdict;
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
    const verdict = assessListing(listing, sources.rules, sources.noticeHits(listing), sources.sensitivity);
    assessed.push({ listing, verdict: withOfficialShops(verdict, sources.officialShops) });
  }
  return assessed;
}
