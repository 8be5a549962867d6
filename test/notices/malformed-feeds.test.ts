/**
 * Every malformed file in test/fixtures/notices/malformed is refused with the problems listed here
 * (line, field), and importing it leaves the database exactly as it was.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importNoticeFile } from '../../lib/notices/import-notice-file';
import type { NoticeDatabase } from '../../lib/notices/notice-db';
import { NoticeFeedError } from '../../lib/notices/notice-feed';
import { dump, fixtureBytes, freshDatabase } from './notice-fixtures';

/** File → its problems as "line: field", in the order reported. */
const MALFORMED: Record<string, string[]> = {
  'bad-json.json': ['7: (file)'],
  'wrong-types.json': ['10: notices[0].brands', '12: notices[0].entries[0].itemId', '13: notices[0].entries[1].shopName'],
  'unknown-kind.json': ['12: notices[0].entries[1].kind', '13: notices[0].entries[2].action'],
  'bad-dates.json': ['10: notices[0].published', '12: notices[0].entries[0].date'],
  'duplicate-ids.json': ['10: notices[0].brands[2]', '13: notices[1].id', '18: notices[1].entries[1]'],
  'wrong-format.json': ['2: format', '3: version'],
  'unknown-field.json': ['11: notices[0].entries[0].shopname'],
  'unsafe-link.json': ['4: feed.homepage', '10: notices[0].url'],
  'empty-notice.json': ['7: notices[1].title', '7: notices[1].entries'],
  'missing-header.csv': ['1: (header)'],
  'unknown-columns.csv': ['1: (header)', '1: seller_id'],
  'bad-rows.csv': ['3: item_id', '4: (row)', '5: action', '5: date', '6: kind', '7: brand', '7: item_id', '8: shop_name', '8: notice_title', '10: notice_title'],
  'duplicate-rows.csv': ['5: (row)', '6: (row)', '7: brand'],
  'unclosed-quote.csv': ['2: (row)'],
  'empty.csv': ['1: (header)'],
  'utf16.csv': ['null: (file)'],
  'not-text.csv': ['3: (file)'],
  'bom-but-gbk.csv': ['2: (file)'],
};

/** Spot checks that the reasons say what is wrong in the author's terms. */
const REASONS: [string, RegExp][] = [
  ['bad-json.json', /^not valid JSON: /],
  ['unknown-kind.json', /^unknown kind "shp": must be "shop", "item" or "seller"$/],
  ['bad-dates.json', /^"20\/05\/2016" is not a date YYYY-MM-DD$/],
  ['duplicate-ids.json', /duplicate notice id "n1"/],
  ['unknown-field.json', /^unknown field/],
  ['unsafe-link.json', /is not an http\(s\) link$/],
  ['missing-header.csv', /^no header: line 1 must name the columns; the header must be notice_id,notice_title,/],
  ['bad-rows.csv', /is a number Excel shortened; format the column as text/],
  ['utf16.csv', /is UTF-16/],
  ['not-text.csv', /neither UTF-8 nor GBK/],
];

let db: NoticeDatabase;
beforeEach(async () => {
  db = freshDatabase();
  await importNoticeFile(db, fixtureBytes('example-feed.json'), { name: 'example-feed.json', now: 1 });
});
afterEach(() => db.close());

describe('malformed feed files', () => {
  it('are at least ten, one per way a file goes wrong', () => {
    expect(Object.keys(MALFORMED).length).toBeGreaterThanOrEqual(10);
  });

  for (const [name, expected] of Object.entries(MALFORMED)) {
    it(`${name}: refused with every problem located, the database untouched`, async () => {
      const before = await dump(db);
      // CSV files are imported under the example feed's id: a partial write would replace it.
      const error = await importNoticeFile(db, fixtureBytes(`malformed/${name}`), { name, feedId: 'example', now: 2 }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(NoticeFeedError);
      const problems = (error as NoticeFeedError).problems;
      expect(problems.map((p) => `${p.line}: ${p.field}`)).toEqual(expected);
      for (const [file, reason] of REASONS) if (file === name) expect(problems.some((p) => reason.test(p.reason))).toBe(true);
      expect(await dump(db)).toEqual(before);
    });
  }
});
