/** NoticeHit values (lib/verdict.ts), made the same way by the in-memory index and the database lookup. */
import type { NoticeHit } from '../verdict';
import type { NoticeSummary } from './lookup-part';
import type { EntryAction } from './notice-feed';

export function namedHit(notice: NoticeSummary, match: 'item' | 'shop', action: EntryAction | null, date: string | null): NoticeHit {
  const hit: NoticeHit = { match, noticeId: notice.id, noticeTitle: notice.title, publisher: notice.publisher, published: notice.published, url: notice.url };
  if (action) hit.action = action;
  hit.date = date;
  return hit;
}

/** One hit per brand the notice puts under special rules; the verdict keeps those of the listing's brand. */
export function brandHits(notice: NoticeSummary): NoticeHit[] {
  return notice.brands.map((brand) => ({
    match: 'brand',
    noticeId: notice.id,
    noticeTitle: notice.title,
    publisher: notice.publisher,
    published: notice.published,
    url: notice.url,
    brand,
  }));
}
