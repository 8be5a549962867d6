/**
 * Notice hits straight from the database, for a page of listings: one read transaction, one `anyOf`
 * over the entry blocks' lookup-key index. For when no in-memory index is loaded yet, and as the check
 * that the in-memory index answers what the database holds.
 */
import type { NoticeHit } from '../verdict';
import { keyMatch, listingLookupKeys, type LookupListing } from './lookup-keys';
import { noticeSummary } from './lookup-part';
import type { NoticeDatabase, NoticeRecord } from './notice-db';
import { brandHits, namedHit } from './notice-hits';

/** For each listing, in order: item and shop hits, then every brand hit (as NoticeIndex.hitsFor). */
export async function findNoticeHits(db: NoticeDatabase, listings: readonly LookupListing[]): Promise<NoticeHit[][]> {
  const listingKeys = listings.map(listingLookupKeys);
  const wanted = [...new Set(listingKeys.flat())];
  const wantedSet = new Set(wanted);
  return db.transaction('r', [db.entryBlocks, db.notices], async () => {
    const blocks = wanted.length === 0 ? [] : await db.entryBlocks.where('keys').anyOf(wanted).distinct().toArray();
    const entries = blocks.flatMap((block) => block.entries.filter((entry) => entry.keys.some((key) => wantedSet.has(key))));
    const noticeKeys = [...new Map(entries.map((e) => [`${e.feedKey}\n${e.noticeId}`, [e.feedKey, e.noticeId] as [string, string]])).values()];
    const named = (await db.notices.bulkGet(noticeKeys)).filter((n): n is NoticeRecord => n !== undefined);
    const noticeOf = new Map(named.map((n) => [`${n.feedKey}\n${n.id}`, n]));
    const branded = await db.notices.where('brands').above('').distinct().toArray();
    const brandHitList = branded.map(noticeSummary).flatMap(brandHits);

    return listingKeys.map((keys) => {
      const hits: NoticeHit[] = [];
      for (const entry of entries) {
        const key = entry.keys.find((k) => keys.includes(k));
        const notice = noticeOf.get(`${entry.feedKey}\n${entry.noticeId}`);
        if (key && notice) hits.push(namedHit(noticeSummary(notice), keyMatch(key), entry.action, entry.date));
      }
      return [...hits, ...brandHitList];
    });
  });
}
