import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { MAX_SHOP_NAME_LENGTH, MAX_TITLE_LENGTH } from '../../lib/extract/listing-bounds';
import { makeListing, type ListingFields } from '../../lib/extract/make-listing';
import { listingSchema } from '../../lib/messaging/listing-schema';

const FIELDS: ListingFields = {
  itemId: '712345678901',
  platform: 'taobao',
  title: 'GUCCI古驰 马衔扣 女包',
  price: { min: 268, max: 268, currency: 'CNY' },
  shopName: '小鹿包包工厂店',
  shopId: '273645198',
  sales: '1万+',
  location: '广东 广州',
  image: 'https://img.alicdn.com/imgextra/i4/O1CN01x.jpg',
  isAd: false,
};

describe('makeListing bounds every field to what the background accepts', () => {
  it.each([
    ['a 300-character shop name', { shopName: '旗'.repeat(300) }],
    ['a long sales text', { sales: '9'.repeat(1000) }],
    ['an Infinity price', { price: { min: 1, max: Infinity, currency: 'CNY' } }],
    ['a NaN price', { price: { min: Number.NaN, max: 3, currency: 'CNY' } }],
    ['a negative price', { price: { min: -5, max: 3, currency: 'CNY' } }],
    ['a 10,000-character title', { title: '高仿'.repeat(5000) }],
    ['a title cut inside a surrogate pair', { title: `${'a'.repeat(MAX_TITLE_LENGTH - 1)}😀😀` }],
    ['a shop id that is not a number', { shopId: '12<img>' }],
    ['a 5,000-character image URL', { image: `https://img.alicdn.com/${'x'.repeat(5000)}.jpg` }],
    ['an http image URL', { image: 'http://img.alicdn.com/x.jpg' }],
    ['a 500-character location', { location: '浙'.repeat(500) }],
  ] as [string, Partial<ListingFields>][])('%s', (_what, poison) => {
    const listing = makeListing({ ...FIELDS, ...poison });
    const checked = v.safeParse(listingSchema, listing);
    expect(checked.issues?.[0]?.message).toBeUndefined();
    expect(listing.itemId).toBe(FIELDS.itemId);
    expect(listing.title.length).toBeGreaterThan(0);
  });

  it('keeps what it can: a long shop name is cut, not lost, and its tier still read', () => {
    const listing = makeListing({ ...FIELDS, shopName: `${'某'.repeat(MAX_SHOP_NAME_LENGTH)}官方旗舰店` });
    expect(listing.shop.name).toHaveLength(MAX_SHOP_NAME_LENGTH);
    expect(listing.sales).toBe('1万+');
    expect(makeListing({ ...FIELDS, price: { min: 1, max: Infinity, currency: 'CNY' } }).price).toBeNull();
    expect(makeListing({ ...FIELDS, sales: '9'.repeat(41) }).sales).toBeNull();
  });
});
