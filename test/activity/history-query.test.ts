import { describe, expect, it } from 'vitest';
import { filterHistory, indexHistory, queryHistory } from '../../lib/activity/history-query';
import { countByBrand, countByRisk, flagsPerDay } from '../../lib/activity/history-summary';
import { DAY, historyRecord, manyRecords, NOW } from './history-records';

const records = [
  historyRecord({ itemId: '700000000001', title: 'GUCCI 高仿 马衔扣 女包', shop: '精品小店', risk: 'high', brand: 'gucci', lastSeen: NOW - 2 * DAY }),
  historyRecord({ itemId: '700000000002', title: '老花 托特包 原单', shop: 'Ｌｕｘｕｒｙ Ｏｕｔｌｅｔ', risk: 'medium', brand: 'louis-vuitton', platform: 'tmall', lastSeen: NOW - DAY }),
  historyRecord({ itemId: '700000000003', title: 'Chanel 1:1 复刻 链条包', shop: null, risk: 'high', brand: 'chanel', platform: 'tmall-global', lastSeen: NOW }),
  historyRecord({ itemId: '700000000004', title: '无品牌 高仿 包', shop: '杂货铺', risk: 'medium', brand: null, lastSeen: NOW - 10 * DAY }),
];
const names = new Map([
  ['gucci', ['Gucci', '古驰']],
  ['louis-vuitton', ['Louis Vuitton', '路易威登']],
  ['chanel', ['Chanel', '香奈儿']],
]);
const index = indexHistory(records, names);
const ids = (found: { itemId: string }[]) => found.map((r) => r.itemId);

describe('history query', () => {
  it('lists newest first', () => {
    expect(ids(filterHistory(index, {}))).toEqual(['700000000003', '700000000002', '700000000001', '700000000004']);
  });

  it('searches title, shop, brand id and brand names, case- and width-insensitively', () => {
    expect(ids(filterHistory(index, { text: 'gucci' }))).toEqual(['700000000001']);
    expect(ids(filterHistory(index, { text: 'ＧＵＣＣＩ' }))).toEqual(['700000000001']);
    expect(ids(filterHistory(index, { text: '古驰' }))).toEqual(['700000000001']);
    expect(ids(filterHistory(index, { text: '路易威登' }))).toEqual(['700000000002']);
    expect(ids(filterHistory(index, { text: 'luxury outlet' }))).toEqual(['700000000002']);
    expect(ids(filterHistory(index, { text: 'louis-vuitton' }))).toEqual(['700000000002']);
    expect(ids(filterHistory(index, { text: '高仿 包' }))).toEqual(['700000000001', '700000000004']);
    expect(ids(filterHistory(index, { text: '  ' }))).toHaveLength(4);
    expect(ids(filterHistory(index, { text: 'hermes' }))).toEqual([]);
  });

  it('does not match across fields', () => {
    // "女包" ends the title and "精品" starts the shop name of the first record.
    expect(ids(filterHistory(index, { text: '女包精品' }))).toEqual([]);
  });

  it('filters by risk, brand (including none), platform and date range', () => {
    expect(ids(filterHistory(index, { risks: ['medium'] }))).toEqual(['700000000002', '700000000004']);
    expect(ids(filterHistory(index, { brands: [null] }))).toEqual(['700000000004']);
    expect(ids(filterHistory(index, { brands: ['gucci', 'chanel'] }))).toEqual(['700000000003', '700000000001']);
    expect(ids(filterHistory(index, { platforms: ['tmall', 'tmall-global'] }))).toEqual(['700000000003', '700000000002']);
    expect(ids(filterHistory(index, { from: NOW - 2 * DAY, to: NOW - DAY }))).toEqual(['700000000002', '700000000001']);
    expect(ids(filterHistory(index, { risks: ['high'], text: 'chanel', platforms: ['taobao'] }))).toEqual([]);
  });

  it('paginates, clamping a page past the end to the last page', () => {
    const big = indexHistory(manyRecords(120));
    const first = queryHistory(big, {}, 0, 50);
    expect(first).toMatchObject({ total: 120, page: 0, pageCount: 3 });
    expect(first.records).toHaveLength(50);
    const last = queryHistory(big, {}, 9, 50);
    expect(last.page).toBe(2);
    expect(last.records).toHaveLength(20);
    const all = [0, 1, 2].flatMap((page) => queryHistory(big, {}, page, 50).records.map((r) => r.lastSeen));
    expect(all).toEqual([...all].sort((a, b) => b - a));
    expect(queryHistory(big, { text: 'nothing matches this' })).toMatchObject({ total: 0, page: 0, pageCount: 1, records: [] });
  });
});

describe('history summary', () => {
  it('counts by risk and by brand', () => {
    expect(countByRisk(records)).toEqual({ high: 2, medium: 2, low: 0, none: 0 });
    expect(countByBrand([...records, records[0]!])).toEqual([
      { brand: 'gucci', count: 2 },
      { brand: 'chanel', count: 1 },
      { brand: 'louis-vuitton', count: 1 },
      { brand: null, count: 1 },
    ]);
  });

  it('counts first sightings per local day over the last 30 days, today last', () => {
    const days = flagsPerDay(
      [
        ...records,
        historyRecord({ itemId: '700000000005', title: 'old', firstSeen: NOW - 40 * DAY, lastSeen: NOW }),
        historyRecord({ itemId: '700000000006', title: 'same day', firstSeen: NOW - 1000, lastSeen: NOW }),
      ],
      NOW,
    );
    expect(days).toHaveLength(30);
    expect(days.at(-1)!.count).toBe(2);
    expect(days.at(-2)!.count).toBe(1);
    expect(days.at(-3)!.count).toBe(1);
    expect(days.at(-11)!.count).toBe(1);
    expect(days.reduce((sum, d) => sum + d.count, 0)).toBe(5);
    expect(new Date(days.at(-1)!.day).getHours()).toBe(0);
    for (let i = 1; i < days.length; i++) expect(days[i]!.day).toBeGreaterThan(days[i - 1]!.day);
  });
});
