/**
 * Classes of real listing titles the extra real data showed (made-up titles of the same kind): a
 * name broken to get past keyword filters, a model that is itself the product, a mini of a brand with
 * no sample floor, Chinese brands whose names hold a luxury brand's syllables, substitute wording.
 */
import { describe, expect, it } from 'vitest';
import { assessListing } from '../../lib/rules/assess-listing';
import { BUILTIN_RULES, listing } from './builtin-rules';

const verdictOf = (title: string, price?: number) => assessListing(listing(title, price), BUILTIN_RULES);
const codesOf = (title: string, price?: number) => verdictOf(title, price).reasons.map((reason) => reason.code);

describe('a Latin name broken once to dodge the keyword filter is still the name', () => {
  it.each([
    ['C.hanel 口红 哑光 唇膏', 'chanel'],
    ['D.ior 口红 999', 'dior'],
    ['G.ucci 女包 单肩包', 'gucci'],
  ])('%s → %s', (title, brand) => {
    expect(verdictOf(title, 30).brand).toBe(brand);
  });

  it('short names and names broken twice are not joined', () => {
    expect(verdictOf('M.K 手表', 30).brand).toBeNull();
    expect(verdictOf('C.ha.nel 口红', 30).brand).toBeNull();
  });
});

describe('a mini of a brand with no sample floor is not held to the full size\'s', () => {
  it('a Whoo sample set at ¥60 is not priced; a full-size Whoo lipstick at ¥30 is', () => {
    expect(codesOf('后whoo 口红 中样套盒 旅行试用装', 60)).not.toContain('price-far-below-floor');
    expect(codesOf('后whoo 口红 唇膏 新品', 30)).toContain('price-far-below-floor');
  });
});

describe('words that only hold a luxury brand\'s syllables', () => {
  it.each(['圣迪奥 sdeer 大衣 女 长款', 'GG Bond 猪猪侠 玩具 儿童', '酷奇思 猫零食 肉粒'])('%s → no brand', (title) => {
    expect(verdictOf(title, 99).brand).toBeNull();
  });

  it('酷奇 on a belt is Gucci\'s sound-alike', () => {
    expect(verdictOf('男士 酷奇 皮带 双G扣', 39)).toMatchObject({ brand: 'gucci', risk: 'high' });
  });
});

describe('substitute wording', () => {
  it('a colour sold as a substitute for a famous lipstick shade is a lookalike', () => {
    expect(verdictOf('韩国 口红 杨树林12#替代色 豆沙', 29)).toMatchObject({ risk: 'low' });
  });

  it('a strap sold as a replacement for a named watch (代用) is made for it', () => {
    expect(codesOf('精钢表链 代用 阿玛尼 AR5890 手表', 88)).toEqual(['accessory']);
  });
});
