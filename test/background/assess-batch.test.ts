import { describe, expect, it } from 'vitest';
import { assessBatch, InvalidBatchError, type VerdictSources } from '../../lib/background/assess-batch';
import type { Listing } from '../../lib/listing';
import { BUILTIN_PACKS, compileRules } from '../../lib/rules';
import type { NoticeHit } from '../../lib/verdict';

const rules = compileRules(BUILTIN_PACKS);
const sources: VerdictSources = { rules, noticeHits: () => [], sensitivity: 'balanced' };

function listing(overrides: Partial<Listing> = {}): Listing {
  return {
    itemId: '712345678901',
    url: 'https://item.taobao.com/item.htm?id=712345678901',
    title: 'GUCCI古驰 高仿 马衔扣 女包 原单 1:1',
    price: { min: 268, max: 268, currency: 'CNY' },
    shop: { name: '小鹿包包工厂店', id: '273645198', platform: 'taobao', tier: 'store' },
    sales: '1万+',
    location: '广东 广州',
    image: 'https://img.alicdn.com/imgextra/i4/O1CN01x.jpg',
    isAd: false,
    ...overrides,
  };
}

describe('assessBatch', () => {
  it('answers one verdict per listing, in order', () => {
    const verdicts = assessBatch([listing(), listing({ itemId: '712345678902', url: 'https://item.taobao.com/item.htm?id=712345678902', title: '纯棉T恤 男 短袖' })], sources);
    expect(verdicts.map(({ verdict: v }) => [v.itemId, v.risk])).toEqual([
      ['712345678901', 'high'],
      ['712345678902', 'none'],
    ]);
  });

  it('hands each listing its own notice hits', () => {
    const hit: NoticeHit = { match: 'item', noticeId: 'ex-1', noticeTitle: '示例公告', publisher: 'Example', published: '2016-05-20', url: null, action: 'removed' };
    const [first] = assessBatch([listing({ title: 'GUCCI 马衔扣 乐福鞋' })], { ...sources, noticeHits: (l) => (l.itemId === '712345678901' ? [hit] : []) });
    expect(first?.verdict.risk).toBe('high');
    expect(first?.verdict.reasons.map((r) => r.code)).toContain('notice-item');
  });

  it.each([
    ['a url that is not the one built from the id', { url: 'https://evil.example/item.htm?id=712345678901' }],
    ['a javascript: image', { image: 'javascript:alert(1)' }],
    ['a non-numeric id', { itemId: '71234<img>' }],
    ['an extra field', { html: '<img src=x onerror=alert(1)>' }],
    ['a 300-character shop name', { shop: { name: '店'.repeat(300), id: null, platform: 'taobao', tier: 'store' } }],
    ['a long sales text', { sales: '9'.repeat(1000) }],
    ['an Infinity price', { price: { min: 1, max: Infinity, currency: 'CNY' } }],
  ] as [string, Record<string, unknown>][])('leaves out %s alone, and judges the rest of its batch', (_what, poison) => {
    const other = listing({ itemId: '712345678902', url: 'https://item.taobao.com/item.htm?id=712345678902' });
    const poisoned = { ...listing({ itemId: '712345678903', url: 'https://item.taobao.com/item.htm?id=712345678903' }), ...poison };
    const assessed = assessBatch([listing(), poisoned, other], sources);
    expect(assessed.map((a) => a.listing.itemId)).toEqual(['712345678901', '712345678902']);
  });

  it.each([
    ['more than 100 listings', Array.from({ length: 101 }, () => listing()), /101|100|length/i],
    ['something that is not a list', { listings: [] }, /array|root/i],
  ])('rejects %s', (_what, payload, message) => {
    expect(() => assessBatch(payload, sources)).toThrow(InvalidBatchError);
    expect(() => assessBatch(payload, sources)).toThrow(message);
  });
});
