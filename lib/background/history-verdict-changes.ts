/**
 * How many listings in the history a notice change gives another verdict: each is judged with the
 * notices before and after, under the same rules and sensitivity. An import says this, so a user who
 * adds a feed sees what it did to what they have already seen, not only how many rows it had.
 */
import type { ActivityDatabase } from '../activity/activity-db';
import type { Listing } from '../listing';
import { assessListing, type CompiledRules, type Sensitivity } from '../rules';
import type { NoticeHit } from '../verdict';

type Hits = (listing: Listing) => readonly NoticeHit[];

export async function historyVerdictChanges(
  activity: ActivityDatabase,
  rules: CompiledRules,
  sensitivity: Sensitivity,
  before: Hits,
  after: Hits,
): Promise<number> {
  let changed = 0;
  // At most HISTORY_LIMIT records; read in one go, judged outside the transaction.
  for (const { listing } of await activity.history.toArray()) {
    if (assessListing(listing, rules, before(listing), sensitivity).risk !== assessListing(listing, rules, after(listing), sensitivity).risk) changed++;
  }
  return changed;
}
