/** A parsed feed as the rows the database stores and the lookup part the index reads, keys computed once. */
import { entryLookupKeys, normalisedShopNameOrNull } from './lookup-keys';
import { buildLookupPart, noticeSummary, type LookupPart, type PartEntry } from './lookup-part';
import type { EntryRecord, NoticeRecord } from './notice-db';
import type { NoticeFeed } from './notice-feed';

export interface FeedRecords {
  notices: NoticeRecord[];
  entries: EntryRecord[];
  part: LookupPart;
}

export function feedRecords(feed: NoticeFeed, feedKey: string): FeedRecords {
  const notices: NoticeRecord[] = [];
  const entries: EntryRecord[] = [];
  const partEntries: PartEntry[] = [];
  feed.notices.forEach((notice, noticeIndex) => {
    const { id, title, publisher, published, effective, url, brands, requirement } = notice;
    notices.push({ feedKey, id, title, publisher, published, effective, url, brands, requirement, entryCount: notice.entries.length });
    // Written out field by field: spreading 100k entries costs several times as much.
    for (const { kind, itemId, shopId, shopName, brand, action, date } of notice.entries) {
      const shopNameKey = normalisedShopNameOrNull(shopName);
      const keys = entryLookupKeys({ kind, itemId, shopId, shopNameKey });
      entries.push({ feedKey, noticeId: id, kind, itemId, shopId, shopName, shopNameKey, brand, action, date, keys });
      partEntries.push({ noticeIndex, keys, action, date });
    }
  });
  return { notices, entries, part: buildLookupPart(feedKey, feed.notices.map(noticeSummary), partEntries) };
}
