/**
 * History of listings seen at medium or high risk: one record per item, updated each time it is seen,
 * and capped so the oldest-seen records go first.
 */
import type { Listing } from '../listing';
import type { Verdict } from '../verdict';
import type { ActivityDatabase, HistoryRecord } from './activity-db';

export const HISTORY_LIMIT = 10_000;

export interface Sighting {
  listing: Listing;
  verdict: Verdict;
  pageUrl: string;
}

function isFlagged(verdict: Verdict): boolean {
  return verdict.risk === 'high' || verdict.risk === 'medium';
}

/** Records the flagged sightings of one batch in one transaction; returns how many were flagged. */
export async function recordSightings(
  db: ActivityDatabase,
  sightings: readonly Sighting[],
  now: number,
  limit = HISTORY_LIMIT,
): Promise<number> {
  const flagged = sightings.filter((s) => isFlagged(s.verdict));
  if (flagged.length === 0) return 0;
  await db.transaction('rw', db.history, async () => {
    const existing = await db.history.bulkGet(flagged.map((s) => s.listing.itemId));
    const records = flagged.map((s, i): HistoryRecord => {
      const before = existing[i];
      return {
        itemId: s.listing.itemId,
        listing: s.listing,
        verdict: s.verdict,
        risk: s.verdict.risk,
        brand: s.verdict.brand,
        platform: s.listing.shop.platform,
        pageUrl: s.pageUrl,
        firstSeen: before?.firstSeen ?? now,
        lastSeen: now,
        timesSeen: (before?.timesSeen ?? 0) + 1,
      };
    });
    await db.history.bulkPut(records);
    const excess = (await db.history.count()) - limit;
    if (excess > 0) await db.history.bulkDelete(await db.history.orderBy('lastSeen').limit(excess).primaryKeys());
  });
  return flagged.length;
}
