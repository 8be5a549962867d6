import { describe, expect, it } from 'vitest';
import { assessBatch } from '../../lib/background/assess-batch';
import type { Listing } from '../../lib/listing';
import { activeRules } from '../../lib/rule-packs/active-rules';
import { officialShops } from '../../lib/rule-packs/official-shops';
import { BUILTIN_PACKS, compileRules, RULE_PACK_FORMAT, type RulePack } from '../../lib/rules';

/** A made-up team pack that gives the built-in Gucci shop an id (the built-in packs give none). */
const TEAM_PACK: RulePack = {
  format: RULE_PACK_FORMAT,
  formatVersion: 2,
  id: 'example-team',
  version: '1',
  brands: [{ id: 'gucci', authorisedShops: [{ name: 'GUCCI古驰官方旗舰店', shopId: '57301234', source: 'example: made up for this test' }] }],
};

function listing(overrides: Partial<Listing> = {}): Listing {
  return {
    itemId: '712345678901',
    url: 'https://item.taobao.com/item.htm?id=712345678901',
    title: 'GUCCI古驰 高仿 马衔扣 女包 原单 1:1',
    price: { min: 268, max: 268, currency: 'CNY' },
    shop: { name: '小鹿包包工厂店', id: '273645198', platform: 'taobao', tier: 'store' },
    sales: null,
    location: null,
    image: null,
    isAd: false,
    ...overrides,
  };
}

describe('officialShops: a brand’s authorised shops as the packs name them', () => {
  it('gives the built-in packs’ shops by name, without an id', () => {
    expect(officialShops(activeRules([], []), 'gucci')).toEqual([{ name: 'GUCCI古驰官方旗舰店', shopId: null }]);
  });

  it('takes a later pack’s entry for the same shop, with its id', () => {
    expect(officialShops(activeRules([TEAM_PACK], []), 'gucci')).toEqual([{ name: 'GUCCI古驰官方旗舰店', shopId: '57301234' }]);
  });

  it('has none for a muted brand, a brand without shops, or rules compiled elsewhere', () => {
    expect(officialShops(activeRules([], ['gucci']), 'gucci')).toEqual([]);
    expect(officialShops(activeRules([], []), 'no-such-brand')).toEqual([]);
    expect(officialShops(compileRules(BUILTIN_PACKS), 'gucci')).toEqual([]);
  });
});

describe('assessBatch offers the official store', () => {
  const rules = activeRules([TEAM_PACK], []);
  const sources = { rules, noticeHits: () => [], sensitivity: 'balanced' as const, officialShops: (brand: string) => officialShops(rules, brand) };

  it('on the verdict of a listing of the brand sold elsewhere', () => {
    const [assessed] = assessBatch([listing()], sources);
    expect(assessed!.verdict.risk).toBe('high');
    expect(assessed!.verdict.officialShops).toEqual([{ name: 'GUCCI古驰官方旗舰店', shopId: '57301234' }]);
  });

  it('not when the listing is sold by the official store itself, nor for a listing of no brand', () => {
    const own = listing({ url: 'https://detail.tmall.com/item.htm?id=712345678901', title: 'GUCCI古驰 马衔扣 女包', price: { min: 16800, max: 16800, currency: 'CNY' }, shop: { name: 'GUCCI古驰官方旗舰店', id: '57301234', platform: 'tmall', tier: 'flagship' } });
    const plain = listing({ title: '纯棉T恤 男 短袖' });
    const verdicts = assessBatch([own, plain], sources).map((a) => a.verdict);
    expect(verdicts).toHaveLength(2);
    expect(verdicts[0]!.reasons.map((reason) => reason.code)).toContain('authorised-shop');
    expect(verdicts.map((verdict) => verdict.officialShops)).toEqual([undefined, undefined]);
  });

  it('not when no lookup is given', () => {
    const [assessed] = assessBatch([listing()], { ...sources, officialShops: undefined });
    expect(assessed!.verdict.officialShops).toBeUndefined();
  });
});
