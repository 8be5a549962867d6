import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { ActivityDatabase } from '../../lib/activity/activity-db';
import { historyVerdictChanges } from '../../lib/background/history-verdict-changes';
import { NoticeIndex } from '../../lib/notices/notice-index';
import { parseNoticeFile } from '../../lib/notices/parse-notice-file';
import { assessListing } from '../../lib/rules/assess-listing';
import { BUILTIN_RULES } from '../rules/builtin-rules';
import { fixtureBytes, listing } from '../notices/notice-fixtures';
import type { Listing } from '../../lib/listing';

const feed = parseNoticeFile(fixtureBytes('example-feed.json'), { name: 'example-feed.json' });
const withFeed = NoticeIndex.fromFeed(feed);
let db: ActivityDatabase | undefined;
afterEach(async () => {
  db?.close();
  if (db) await db.delete();
});

async function historyOf(listings: Listing[]): Promise<ActivityDatabase> {
  db = new ActivityDatabase({ indexedDB: new IDBFactory(), IDBKeyRange });
  await db.history.bulkPut(
    listings.map((l) => {
      const verdict = assessListing(l, BUILTIN_RULES);
      return { itemId: l.itemId, listing: l, verdict, risk: verdict.risk, brand: verdict.brand, platform: l.shop.platform, pageUrl: l.url, firstSeen: 1, lastSeen: 1, timesSeen: 1 };
    }),
  );
  return db;
}

describe('history verdicts a notice change alters', () => {
  it('counts a listing whose shop the new notices name, and not one they say nothing of', async () => {
    const named = { ...listing('812345678901', { id: '900000001', name: '示例高仿皮具店' }), price: { min: 5200, max: 5200, currency: 'CNY' as const } };
    // A brand the feed says nothing of, from a shop it does not name.
    const other = { ...listing('812345678902', { id: '123', name: '别的店' }), title: '普拉达 女包 单肩包', price: { min: 5200, max: 5200, currency: 'CNY' as const } };
    const before = (l: Listing) => NoticeIndex.EMPTY.hitsFor(l);
    const after = (l: Listing) => withFeed.hitsFor(l);
    expect(assessListing(named, BUILTIN_RULES, before(named)).risk).not.toBe(assessListing(named, BUILTIN_RULES, after(named)).risk);
    const history = await historyOf([named, other]);
    expect(await historyVerdictChanges(history, BUILTIN_RULES, 'balanced', before, after)).toBe(1);
    expect(await historyVerdictChanges(history, BUILTIN_RULES, 'balanced', after, after)).toBe(0);
  });
});
