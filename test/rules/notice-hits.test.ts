import { describe, expect, it } from 'vitest';
import { assessListing } from '../../lib/rules/assess-listing';
import { SENSITIVITIES } from '../../lib/rules/sensitivity';
import type { NoticeHit } from '../../lib/verdict';
import { BUILTIN_RULES, listing } from './builtin-rules';

// Example notice data for the tests only: not a real announcement.
const notice = {
  noticeId: 'example-2016-luxury',
  noticeTitle: '示例公告：奢侈品牌商品专项整治（示例数据）',
  publisher: 'Example Marketplace',
  published: '2016-05-20',
  url: 'https://example.org/notices/luxury-2016',
} as const;
const itemHit: NoticeHit = { ...notice, match: 'item', action: 'removed', date: '2016-06-10' };
const shopHit: NoticeHit = { ...notice, match: 'shop', action: 'closed', date: null };
const brandHit: NoticeHit = { ...notice, match: 'brand', brand: 'gucci' };

describe('notice hits', () => {
  it.each([
    ['item', itemHit, 'notice-item'],
    ['shop', shopHit, 'notice-shop'],
  ] as const)('a notice naming the %s makes the listing high at every sensitivity', (_, hit, code) => {
    for (const sensitivity of SENSITIVITIES) {
      const verdict = assessListing(listing('GUCCI古驰 女包 马衔扣', 23500, '某某精品店'), BUILTIN_RULES, [hit], sensitivity);
      expect(verdict.risk).toBe('high');
      expect(verdict.score).toBe(100);
      expect(verdict.reasons[0]).toMatchObject({ code, noticeId: 'example-2016-luxury' });
    }
  });

  it('names the notice, its publisher and date, and links its source', () => {
    const [reason] = assessListing(listing('古驰 女包', 23500), BUILTIN_RULES, [itemHit]).reasons;
    expect(reason?.text.en).toBe(
      'This item is named in the notice “示例公告：奢侈品牌商品专项整治（示例数据）” (Example Marketplace, 2016-05-20): listing removed 2016-06-10. Source: https://example.org/notices/luxury-2016',
    );
    expect(reason?.text.zh_CN).toBe(
      '该商品被公告《示例公告：奢侈品牌商品专项整治（示例数据）》（Example Marketplace，2016-05-20）点名：商品下架 2016-06-10。来源：https://example.org/notices/luxury-2016',
    );
    expect(reason?.url).toBe('https://example.org/notices/luxury-2016');
  });

  it('links only http(s) sources', () => {
    const [reason] = assessListing(listing('古驰 女包'), BUILTIN_RULES, [{ ...itemHit, url: 'javascript:alert(1)' }]).reasons;
    expect(reason?.url).toBeUndefined();
  });

  it('says so when the notice has no date or source', () => {
    const [reason] = assessListing(listing('古驰 女包'), BUILTIN_RULES, [{ ...shopHit, published: null, url: null }]).reasons;
    expect(reason?.text.en).toBe('This shop is named in the notice “示例公告：奢侈品牌商品专项整治（示例数据）” (Example Marketplace, undated): shop closed.');
    expect(reason?.url).toBeUndefined();
  });

  it('makes an item high even when its title names no brand', () => {
    const verdict = assessListing(listing('女包 斜挎包 2024新款', 99), BUILTIN_RULES, [itemHit]);
    expect(verdict).toMatchObject({ risk: 'high', brand: null, score: 100 });
  });

  it('puts a brand under special rules: at least medium at every sensitivity when the shop is not authorised', () => {
    for (const sensitivity of SENSITIVITIES) {
      const verdict = assessListing(listing('GUCCI古驰 女包 马衔扣', 23500, '某某精品店'), BUILTIN_RULES, [brandHit], sensitivity);
      expect(['medium', 'high']).toContain(verdict.risk);
      expect(verdict.reasons[0]).toMatchObject({ code: 'notice-brand', noticeId: 'example-2016-luxury' });
    }
  });

  it('a brand notice does not touch the brand\'s authorised shop, another brand, or a listing without a brand', () => {
    expect(assessListing(listing('GUCCI古驰 女包', 23500, 'GUCCI古驰官方旗舰店'), BUILTIN_RULES, [brandHit]).risk).toBe('low');
    expect(assessListing(listing('PRADA 普拉达 女包', 23500), BUILTIN_RULES, [brandHit]).risk).toBe('low');
    expect(assessListing(listing('女包 斜挎包', 99), BUILTIN_RULES, [brandHit]).risk).toBe('none');
  });

  it('a brand notice adds to other evidence', () => {
    const verdict = assessListing(listing('古驰 女包', 268), BUILTIN_RULES, [brandHit]);
    expect(verdict.risk).toBe('high');
    expect(verdict.reasons.map((r) => r.code)).toEqual(['notice-brand', 'price-far-below-floor', 'brand']);
  });
});
