import { describe, expect, it } from 'vitest';
import { assessListing } from '../../lib/rules/assess-listing';
import { BUILTIN_RULES, listing } from './builtin-rules';

const assess = (title: string, price?: number, shop?: string) => assessListing(listing(title, price, shop), BUILTIN_RULES);
const codes = (title: string, price?: number) => assess(title, price).reasons.map((reason) => reason.code);

describe('price floors', () => {
  it.each([
    // title, price, risk, reason — floors from the built-in pack
    ['爱马仕 Birkin 铂金包 togo 25', 980, 'high', 'price-far-below-floor'], // model floor 30 000
    ['爱马仕 Birkin 铂金包 togo 25', 20000, 'medium', 'price-below-floor'],
    ['爱马仕 Birkin 铂金包 togo 25', 98000, 'low', 'brand'],
    ['劳力士 潜航者 自动机械 男表', 1280, 'high', 'price-far-below-floor'], // model floor 40 000
    ['劳力士 潜航者 自动机械 男表', 86000, 'low', 'brand'],
    ['Gucci 古驰 女包 斜挎包', 268, 'high', 'price-far-below-floor'], // bag floor 2 500
    ['Gucci 古驰 女包 斜挎包', 1800, 'medium', 'price-below-floor'],
    ['Gucci 古驰 女包 斜挎包', 17800, 'low', 'brand'],
    ['Coach 蔻驰 托特包 女', 899, 'low', 'brand'], // Coach's bag floor is 350
    ['Coach 蔻驰 托特包 女', 129, 'high', 'price-far-below-floor'],
  ])('%s at ¥%d → %s (%s)', (title, price, risk, code) => {
    const verdict = assess(title, price);
    expect(verdict.risk).toBe(risk);
    expect(verdict.reasons[0]?.code).toBe(code);
  });

  it('holds a title stuffed with several categories to the lowest of their floors', () => {
    // Gucci: wallet 1 200, bag 2 500. ¥1 000 is below the wallet floor but not far below it,
    // and far below the bag floor.
    expect(assess('古驰 钱包 手提包 两件套', 1000).risk).toBe('medium');
    expect(assess('古驰 钱包 手提包 两件套', 1000).reasons[0]?.text.en).toContain('genuine Gucci wallets (¥1,200)');
    expect(assess('古驰 手提包', 1000).risk).toBe('high');
    expect(assess('古驰 手提包', 1000).reasons[0]?.text.en).toContain('genuine Gucci bags (¥2,500)');
  });

  it('uses the brand lowest floor when the title names no category, and none for unpriced categories', () => {
    expect(assess('劳力士 新款', 3000).risk).toBe('high'); // Rolex only has a watch floor
    expect(codes('劳力士 香水', 50)).toEqual(['brand']); // no Rolex beauty floor: nothing to compare
  });

  it('compares nothing when the price is unknown', () => {
    expect(assess('爱马仕 铂金包').risk).toBe('low');
    expect(assessListing({ title: '爱马仕 铂金包', price: { min: 0, max: 0 } }, BUILTIN_RULES).risk).toBe('low');
  });

  it('uses the highest price of a range, so a cheap extra option does not flag a real item', () => {
    const verdict = assessListing({ title: 'Gucci 古驰 酒神包', price: { min: 99, max: 19800, currency: 'CNY' } }, BUILTIN_RULES);
    expect(verdict.risk).toBe('low');
  });

  it('words the reason in both languages', () => {
    const reason = assess('爱马仕 Birkin 铂金包', 980).reasons[0];
    expect(reason?.text.en).toBe('¥980 is far below the lowest plausible price for genuine Hermès Birkin (¥30,000).');
    expect(reason?.text.zh_CN).toBe('售价¥980远低于正品爱马仕Birkin的最低合理价格（¥30,000）。');
  });
});

describe('what suspends the price check', () => {
  it.each([
    ['a lookalike', '爱马仕同款 凯莉包 荔枝纹', 399, 'lookalike'],
    ['an accessory made for the brand', '适用LV neverfull 内胆包 包中包', 39, 'accessory'],
    ['an accessory named anywhere', '替换表带 劳力士 水鬼 氟橡胶', 59, 'accessory'],
  ])('%s', (_, title, price, code) => {
    const verdict = assess(title, price);
    expect(verdict.reasons.map((reason) => reason.code)).toContain(code);
    expect(verdict.reasons.map((reason) => reason.code)).not.toContain('price-far-below-floor');
    expect(verdict.risk).not.toBe('high');
  });

  it('a brand known only from a motif makes a low price the weaker signal', () => {
    const verdict = assess('铂金包 女 真皮 荔枝纹 手提包', 299);
    expect(verdict.brand).toBe('hermes');
    expect(verdict.risk).toBe('medium');
    expect(verdict.reasons[0]?.code).toBe('price-below-floor');
  });

  it('second-hand goods are still held to the floor', () => {
    expect(assess('二手 爱马仕 铂金包 附小票', 980).risk).toBe('high');
    expect(assess('二手 爱马仕 铂金包 附小票', 98000).risk).toBe('low');
    expect(codes('二手 爱马仕 铂金包 附小票', 98000)).toEqual(['second-hand', 'brand']);
  });
});

describe('counterfeit slang and lookalikes', () => {
  it.each([
    ['高仿 LV 老花 包包', 'high'],
    ['精仿 古驰 腰带', 'high'],
    ['香奈儿 1：1 链条包', 'high'],
    ['香奈儿 1 : 1 链条包', 'high'],
    ['原單 愛馬仕 凱莉包', 'high'],
    ['仿LV 老花 包包', 'high'],
    ['N厂 劳力士 手表', 'high'],
    ['劳力士 21:10 手表', 'low'],
    ['clean厂 劳力士 手表', 'high'],
  ])('%s → %s (no price given)', (title, risk) => {
    expect(assess(title).risk).toBe(risk);
  });

  it.each([
    '香奈儿风 粗花呢外套',
    'LV同款 老花 托特包',
    '类香奈儿 链条包',
    '劳力士平替 水鬼 手表',
    '致敬 劳力士 潜航者 手表',
    'Dior 款式 马鞍包',
    'LV 香奈儿 古驰 同款 包包',
  ])('%s at ¥59 is a lookalike: medium, never high', (title) => {
    const verdict = assess(title, 59);
    expect(verdict.reasons.map((reason) => reason.code)).toContain('lookalike');
    expect(verdict.risk).toBe('medium');
  });

  it('slang next to a lookalike word is still high', () => {
    expect(assess('高仿 香奈儿同款 链条包', 59).risk).toBe('high');
  });

  it('names three or more brands as a weaker signal', () => {
    const verdict = assess('古驰 迪奥 普拉达 女包', 30000);
    expect(verdict.risk).toBe('medium');
    expect(verdict.reasons[0]?.code).toBe('brand-stuffing');
  });
});

describe('sensitivity shifts the thresholds, not the score', () => {
  it.each([
    ['relaxed', 'medium'],
    ['balanced', 'high'],
    ['strict', 'high'],
  ] as const)('price far below the floor is %s → %s', (sensitivity, risk) => {
    const verdict = assessListing(listing('Gucci 古驰 女包', 268), BUILTIN_RULES, [], sensitivity);
    expect(verdict.score).toBe(65);
    expect(verdict.risk).toBe(risk);
  });

  it.each([
    ['relaxed', 'low'],
    ['balanced', 'medium'],
    ['strict', 'medium'],
  ] as const)('a lookalike is %s → %s', (sensitivity, risk) => {
    expect(assessListing(listing('香奈儿风 外套', 199), BUILTIN_RULES, [], sensitivity).risk).toBe(risk);
  });

  it('counterfeit slang with a brand is high at every sensitivity', () => {
    for (const sensitivity of ['relaxed', 'balanced', 'strict'] as const) {
      expect(assessListing(listing('高仿 古驰 女包'), BUILTIN_RULES, [], sensitivity).risk).toBe('high');
    }
  });
});
