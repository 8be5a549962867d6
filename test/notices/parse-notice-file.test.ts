import { describe, expect, it } from 'vitest';
import { jsonValueLines } from '../../lib/notices/json-value-lines';
import { NoticeFeedError } from '../../lib/notices/notice-feed';
import { parseNoticeFile } from '../../lib/notices/parse-notice-file';
import { fixtureBytes } from './notice-fixtures';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const HEADER = 'notice_id,notice_title,publisher,published,kind,item_id,shop_id,shop_name,brand,action,date';

function problemsOf(bytes: Uint8Array, name: string): NoticeFeedError {
  try {
    parseNoticeFile(bytes, { name });
  } catch (error) {
    if (error instanceof NoticeFeedError) return error;
    throw error;
  }
  throw new Error(`${name} parsed without problems`);
}

describe('the example feed', () => {
  const json = parseNoticeFile(fixtureBytes('example-feed.json'), { name: 'example-feed.json' });

  it('reads the JSON format field by field', () => {
    expect(json).toMatchObject({ id: 'example', format: 'json', encoding: 'utf-8', notes: [], homepage: 'https://example.com/counterfeit-radar/notices/' });
    expect(json.notices.map((n) => n.id)).toEqual(['example-2016-001', 'example-team-list-2026', 'example-2016-002']);
    const first = json.notices[0]!;
    expect(first).toMatchObject({ published: '2016-05-20', effective: '2016-06-01', brands: ['gucci', 'michael_kors'] });
    expect(first.entries[0]).toEqual({ kind: 'shop', itemId: null, shopId: '900000001', shopName: '示例高仿皮具店（虚构）', brand: 'gucci', action: 'closed', date: '2016-06-10' });
    expect(first.entries[4]).toEqual({ kind: 'item', itemId: '900000000002', shopId: null, shopName: null, brand: 'michael_kors', action: 'removed', date: null });
    expect(json.notices[2]).toMatchObject({ brands: ['tiffany'], entries: [], requirement: null, effective: null });
  });

  it('says everywhere that it is an example, with fictional shops and ids', () => {
    expect(json.title).toMatch(/^EXAMPLE/);
    expect(json.description).toMatch(/^EXAMPLE ONLY/);
    for (const notice of json.notices) {
      expect(notice.title).toMatch(/^EXAMPLE/);
      expect(notice.publisher).toMatch(/fictional/);
      for (const entry of notice.entries) {
        if (entry.shopName) expect(entry.shopName).toMatch(/示例/);
        for (const id of [entry.itemId, entry.shopId]) if (id) expect(id).toMatch(/^9000000/);
      }
    }
  });

  it('has a CSV twin and a GBK CSV twin that read as the same notices', () => {
    const csv = parseNoticeFile(fixtureBytes('example-feed.csv'), { name: 'example-feed.csv' });
    expect(csv).toMatchObject({ id: 'example-feed', format: 'csv', encoding: 'utf-8', notes: [], title: null });
    expect(csv.notices).toEqual(json.notices);

    const gbk = parseNoticeFile(fixtureBytes('example-feed-gbk.csv'), { name: 'example-feed-gbk.csv' });
    expect(gbk.encoding).toBe('gbk');
    expect(gbk.notes).toEqual([expect.stringMatching(/decoded as GBK/)]);
    expect(gbk.notices).toEqual(json.notices);
  });
});

describe('reading feed files', () => {
  const minimal = `{"format":"counterfeit-radar.notices","version":1,"feed":{"id":"t"},"notices":[{"id":"n","title":"T","publisher":"P","brands":["gucci"]}]}`;

  it('accepts UTF-8 with and without a BOM, and takes the format from the content when the name has none', () => {
    const plain = parseNoticeFile(utf8(minimal), { name: 'download' });
    const withBom = parseNoticeFile(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(minimal)]), { name: 'download' });
    expect(plain.format).toBe('json');
    expect(withBom).toEqual(plain);
    const csv = parseNoticeFile(utf8(`\uFEFF${HEADER}\nn,T,P,,brand,,,,gucci,,\n`), { name: 'https://example.com/feed', feedId: 'team' });
    expect(csv).toMatchObject({ format: 'csv', id: 'team', notices: [{ id: 'n', brands: ['gucci'], entries: [] }] });
  });

  it('counts lines inside quoted CSV cells, so later rows are reported where they are', () => {
    const text = `${HEADER}\r\nn,"T, with ""quotes""\r\nand a line break",P,,shop,,,"示例店, 甲",,closed,\r\nn,,,,item,123,,,,removed,\r\n`;
    const error = problemsOf(utf8(text), 'quoted.csv');
    expect(error.problems).toEqual([{ line: 4, field: 'item_id', reason: '"123" is not an item id (5 to 20 digits)' }]);
  });

  it('reads spreadsheet dates (2016/5/20) as ISO dates', () => {
    const feed = parseNoticeFile(utf8(`${HEADER}\nn,T,P,2016/5/20,item,900000000001,,,,removed,2016-6-1\n`), { name: 'dates.csv' });
    expect(feed.notices[0]).toMatchObject({ published: '2016-05-20', entries: [{ date: '2016-06-01' }] });
  });

  it('lets later rows of a notice leave its fields empty or repeat them', () => {
    const feed = parseNoticeFile(utf8(`${HEADER}\nn,T,P,2016-05-20,item,900000000001,,,,removed,\nn,T,P,2016-05-20,item,900000000002,,,,removed,\nn,,,,item,900000000003,,,,,\n`), { name: 'repeat.csv' });
    expect(feed.notices).toHaveLength(1);
    expect(feed.notices[0]!.entries.map((e) => e.itemId)).toEqual(['900000000001', '900000000002', '900000000003']);
  });

  it('reports the first 50 problems and how many there were in all', () => {
    const rows = Array.from({ length: 120 }, (_, i) => `n,T,P,,item,bad${i},,,,removed,`);
    const error = problemsOf(utf8(`${HEADER}\n${rows.join('\n')}\n`), 'many.csv');
    expect(error.problemCount).toBe(120);
    expect(error.problems).toHaveLength(50);
    expect(error.problems[0]).toEqual({ line: 2, field: 'item_id', reason: '"bad0" is not an item id (5 to 20 digits)' });
    expect(error.problems[49]!.line).toBe(51);
    expect(error.message).toMatch(/^many\.csv: 120 problems, nothing imported\n {2}line 2: item_id: /);
    expect(error.message).toMatch(/… and 70 more$/);
  });

  it('refuses control characters and over-long text', () => {
    const feed = JSON.parse(minimal) as { notices: { title: string; publisher: string }[] };
    feed.notices[0]!.title = 'a\u0000b';
    feed.notices[0]!.publisher = 'x'.repeat(201);
    const error = problemsOf(utf8(JSON.stringify(feed)), 'hostile.json');
    expect(error.problems.map((p) => `${p.field}: ${p.reason}`)).toEqual([
      'notices[0].title: must not contain control characters',
      'notices[0].publisher: must be at most 200 characters',
    ]);
  });
});

describe('jsonValueLines', () => {
  const text = '{\n  "a": [\n    { "b": 1 },\n    {\n      "c": "x\\"y",\n      "d": null\n    }\n  ]\n}';

  it('finds the line each value starts on, and a missing field on its parent', () => {
    const lines = jsonValueLines(text, ['a', 'a[0].b', 'a[1]', 'a[1].d', 'a[1].missing', '']);
    expect(Object.fromEntries(lines)).toEqual({ 'a': 2, 'a[0].b': 3, 'a[1]': 4, 'a[1].d': 6, 'a[1].missing': 4, '': 1 });
  });
});
