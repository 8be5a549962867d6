import { describe, expect, it } from 'vitest';
import { assessListing } from '../../lib/rules/assess-listing';
import type { NoticeHit, Reason, Verdict } from '../../lib/verdict';
import { ENGINE_RULES, listing } from './engine-pack';

const assess = (...args: Parameters<typeof listing>): Verdict => assessListing(listing(...args), ENGINE_RULES);
const codes = (verdict: Verdict): string[] => verdict.reasons.map((reason) => reason.code);
const reason = (verdict: Verdict, code: string): Reason | undefined => verdict.reasons.find((r) => r.code === code);

describe('price, where it means something', () => {
  it('holds a claimed maker to its category floor: below is medium, under 60 % of it high', () => {
    expect(assess('阿斯特 斜挎包', 3500)).toMatchObject({ risk: 'low', score: 10 });
    expect(assess('阿斯特 斜挎包', 2500)).toMatchObject({ risk: 'medium', score: 40 });
    expect(assess('阿斯特 斜挎包', 1500)).toMatchObject({ risk: 'high', score: 65 });
    const price = reason(assess('阿斯特 斜挎包', 1500), 'price-far-below-floor');
    expect(price).toMatchObject({ weight: 'strong', source: 'bag source' });
    expect(price?.text.en).toBe('¥1,500 is far below the lowest plausible price for genuine Aster bags (¥3,000).');
  });

  it('compares nothing when the title does not say what is sold', () => {
    expect(assess('阿斯特 新款 2024', 5)).toMatchObject({ risk: 'low', score: 10 });
  });

  it('compares nothing for what the brand does not make, and says so', () => {
    const verdict = assess('阿斯特 手机壳', 29);
    expect(verdict).toMatchObject({ risk: 'low', score: 10 });
    expect(reason(verdict, 'price-not-compared')?.text.en).toBe('Aster does not make phone and tech accessories, so the price is not compared.');
  });

  it('holds a title naming several categories to the lowest of their floors', () => {
    expect(assess('阿斯特 钱包 斜挎包', 1000).risk).toBe('low');
    expect(assess('阿斯特 钱包 斜挎包', 800).risk).toBe('medium');
  });

  it('uses the floor of the material the title names', () => {
    expect(assess('阿斯特 项链', 1500).risk).toBe('low');
    expect(assess('阿斯特 18K金 项链', 1500).risk).toBe('high');
    expect(reason(assess('阿斯特 18K金 项链', 1500), 'price-far-below-floor')?.source).toBe('gold source');
    // A brand with only material floors: the lower one stands for titles that name no material.
    expect(assess('科沃 项链', 600).risk).toBe('medium');
    expect(assess('科沃 S925 项链', 650).risk).toBe('medium');
    expect(assess('科沃 18K金 项链', 2000).risk).toBe('high');
  });

  it('a named model brings its own floor', () => {
    expect(assess('阿斯特 Nova 手提包', 5000).risk).toBe('medium');
    expect(reason(assess('阿斯特 Nova 手提包', 4000), 'price-far-below-floor')?.text.en).toContain('genuine Aster Nova');
  });

  it('second-hand goods are held to half the floor, and never to the strong signal', () => {
    expect(assess('二手 阿斯特 斜挎包', 2000).risk).toBe('low');
    const cheap = assess('95新 阿斯特 斜挎包', 500);
    expect(cheap).toMatchObject({ risk: 'medium', score: 40 });
    expect(codes(cheap)).toEqual(['price-below-floor', 'brand', 'second-hand']);
  });

  it('a deposit or a price-difference link is not the item\'s price', () => {
    const verdict = assess('阿斯特 斜挎包 定金', 200);
    expect(verdict.risk).toBe('low');
    expect(codes(verdict)).toContain('price-not-compared');
  });

  it('a mini by its stated size is no full-size item: held to a sample floor, or not compared', () => {
    expect(assess('阿斯特 口红 3.5g', 20).risk).toBe('high');
    expect(assess('阿斯特 口红 1.4g 小巧', 20).risk).toBe('low');
    expect(assess('阿斯特 口红 1.4G', 20).risk).toBe('low');
  });

  it('judges a price range by its top', () => {
    expect(assessListing({ title: '阿斯特 斜挎包', price: { min: 100, max: 3200 } }, ENGINE_RULES).risk).toBe('low');
  });
});

describe('the shop', () => {
  it.each([
    ['the authorised shop by name', { name: 'ASTER阿斯特官方旗舰店' }],
    ['the same name in other case, width and spacing', { name: 'ａｓｔｅｒ 阿斯特 官方旗舰店' }],
    ['the authorised shop by id', { id: '111222' }],
    ['the brand\'s own Tmall flagship by its name', { name: '阿斯特官方旗舰店', platform: 'tmall' as const }],
    ['a store the platform runs', { name: '天猫超市' }],
  ])('%s: the brand or the platform sets the price, so it is low', (_, shop) => {
    const verdict = assess('阿斯特 斜挎包', 200, shop);
    expect(verdict).toMatchObject({ risk: 'low', score: 10 });
    expect(codes(verdict).some((code) => code === 'authorised-shop' || code === 'trusted-shop')).toBe(true);
  });

  it.each([
    ['a Taobao shop that calls itself a flagship', { name: '阿斯特官方旗舰店', platform: 'taobao' as const }],
    ['a name that only contains the official name', { name: 'ASTER阿斯特官方旗舰店代购' }],
    ['an ordinary shop', { name: '小美精品女包店' }],
  ])('%s is not authorised', (_, shop) => {
    expect(assess('阿斯特 斜挎包', 200, shop).risk).toBe('high');
  });
});

describe('evidence and its weight', () => {
  it('counterfeit slang with a brand is high; each further term adds a little', () => {
    expect(assess('阿斯特 高仿 斜挎包')).toMatchObject({ risk: 'high', score: 80 });
    expect(assess('阿斯特 高仿 原单 斜挎包').score).toBe(85);
    expect(reason(assess('阿斯特 高仿 斜挎包'), 'counterfeit-term')).toMatchObject({ weight: 'strong', text: { en: 'Uses counterfeit slang: “高仿”.' } });
  });

  it('a nickname with factory wording is medium: a name hidden from the filters, sold from a factory', () => {
    const verdict = assess('A家 工厂 外贸 斜挎包');
    expect(verdict).toMatchObject({ risk: 'medium', score: 45 });
    expect(codes(verdict)).toEqual(['factory-wording', 'indirect-name', 'brand']);
  });

  it('a nickname alone is low', () => {
    expect(assess('A家 斜挎包')).toMatchObject({ risk: 'low', score: 20 });
  });

  it('a name made to pass as the brand is medium', () => {
    const verdict = assess('阿斯特拉 口红 大牌正品');
    expect(verdict).toMatchObject({ risk: 'medium', brand: 'aster' });
    expect(reason(verdict, 'squatter-name')?.text.en).toBe('“阿斯特拉” is a name made to look like Aster.');
  });

  it('lists strong findings first, then supporting ones, then context', () => {
    const verdict = assess('A家 工厂 高仿 斜挎包', 100);
    expect(verdict.reasons.map((r) => r.weight)).toEqual(['strong', 'strong', 'supporting', 'supporting', 'context']);
  });
});

describe('roles other than the maker stay low', () => {
  it.each([
    ['阿斯特同款 斜挎包', 'lookalike', 20],
    ['小阿风 外套', 'lookalike', 10],
    ['诺瓦包 斜挎包', 'lookalike', 10],
    ['适用阿斯特 内胆包', 'accessory', 10],
    ['阿斯特 包包 清洗 保养', 'about', 10],
    ['星纹 项链', 'motif', 10],
  ])('%s at ¥19 → low (%s)', (title, code, score) => {
    const verdict = assess(title, 19);
    expect(verdict).toMatchObject({ risk: 'low', brand: 'aster', score });
    expect(codes(verdict)).toEqual([code]);
  });

  it('a lookalike that names the brand is medium for strict brand staff, and never high', () => {
    expect(assessListing(listing('阿斯特同款 斜挎包', 19), ENGINE_RULES, [], 'strict').risk).toBe('medium');
    expect(assessListing(listing('小阿风 外套', 19), ENGINE_RULES, [], 'strict').risk).toBe('low');
  });

  it('says in words what the role is', () => {
    expect(assess('诺瓦包 斜挎包').reasons[0]?.text.en).toBe('“诺瓦包” is one of Aster\'s designs, but Aster itself is not named: a lookalike, not Aster.');
    expect(assess('星纹 项链').reasons[0]?.text.zh_CN).toBe('“星纹”是阿斯特常用的图案；标题未提任何品牌，至多是阿斯特风格。');
    expect(assess('阿斯特 传记 图书').reasons[0]?.text.en).toBe('Books and media about Aster, not Aster\'s own product.');
  });
});

describe('notices', () => {
  const notice = (match: NoticeHit['match']): NoticeHit => ({
    match, noticeId: 'n1', noticeTitle: '整改公告', publisher: '淘宝', published: '2026-01-02', url: 'https://example.org/n1', ...(match === 'brand' ? { brand: 'aster' } : { action: 'removed' as const }),
  });

  it('a notice naming the item or shop is high whatever the title says', () => {
    expect(assessListing(listing('普通 T恤'), ENGINE_RULES, [notice('item')])).toMatchObject({ risk: 'high', score: 100, brand: null });
    expect(assessListing(listing('诺瓦包 斜挎包'), ENGINE_RULES, [notice('shop')])).toMatchObject({ risk: 'high', score: 100 });
  });

  it('a brand under special rules makes a claimed maker at least medium, unless the shop is authorised', () => {
    expect(assessListing(listing('阿斯特 斜挎包'), ENGINE_RULES, [notice('brand')])).toMatchObject({ risk: 'medium', score: 50 });
    expect(assessListing(listing('阿斯特 斜挎包', 200), ENGINE_RULES, [notice('brand')])).toMatchObject({ risk: 'high' });
    expect(assessListing(listing('阿斯特 斜挎包', 200, { id: '111222' }), ENGINE_RULES, [notice('brand')])).toMatchObject({ risk: 'low' });
  });
});
