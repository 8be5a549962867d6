import { describe, expect, it } from 'vitest';
import { taobaoPageUrl } from '../../lib/page/hosts';
import { itemIdFromCardId, parseItemId } from '../../lib/page/item-id';
import { pageKind, type PageKind } from '../../lib/page/page-kind';
import { listingUrl, platformOfHost } from '../../lib/page/platform';
import { shopIdFromUrl } from '../../lib/page/shop-id';
import { shopTier } from '../../lib/page/shop-tier';

describe('pageKind', () => {
  const cases: [string, PageKind][] = [
    ['https://item.taobao.com/item.htm?id=712345678901', 'item'],
    ['https://item.taobao.com/item.htm?spm=a21n57.1.0.0&id=712345678901&ns=1', 'item'],
    ['https://detail.tmall.com/item.htm?id=712345678901&skuId=5123', 'item'],
    ['https://detail.tmall.hk/item.htm?id=712345678901', 'item'],
    ['https://detail.tmall.hk/hk/item.htm?id=712345678901', 'item'],
    ['https://chaoshi.tmall.com/item.htm?id=712345678901', 'item'],
    ['https://world.taobao.com/item/712345678901.htm', 'item'],
    ['https://main.m.taobao.com/detail/index.html?id=712345678901', 'mobile-item'],
    ['https://h5.m.taobao.com/awp/core/detail.htm?id=712345678901', 'mobile-item'],
    ['https://h5.m.taobao.com/awp/core/detail.htm?itemId=712345678901', 'mobile-item'],
    ['https://detail.m.tmall.com/item.htm?id=712345678901', 'mobile-item'],
    ['https://a.m.taobao.com/i712345678901.htm', 'mobile-item'],
    ['https://s.taobao.com/search?q=gucci&tab=all', 'search'],
    ['https://s.taobao.com/search?q=gucci&tab=mall', 'search'],
    ['https://list.tmall.com/search_product.htm?q=gucci', 'search'],
    ['https://shop123456789.taobao.com/', 'shop'],
    ['https://shop123456789.taobao.com/search.htm?pageNo=2', 'shop'],
    ['https://gucci.tmall.com/category.htm', 'shop'],
    ['https://store.taobao.com/shop/view_shop.htm?appUid=RAzN8HWK', 'shop'],
    ['https://s.taobao.com//_____tmd_____/punish?x5secdata=xyz&x5step=1', 'blocked'],
    ['https://detail.tmall.com/item.htm?id=712345678901&x5secdata=abc', 'blocked'],
    ['https://www.taobao.com/', 'other'],
    ['https://www.tmall.com/', 'other'],
    ['https://login.taobao.com/member/login.jhtml', 'other'],
    ['https://item.taobao.com/item.htm', 'other'], // an item page URL without an id
    ['https://item.taobao.com/item.htm?id=12ab', 'other'],
    ['https://www.amazon.com/dp/B0123?id=712345678901', 'other'],
    ['https://taobao.com.evil.example/item.htm?id=712345678901', 'other'],
    ['javascript:alert(1)', 'other'],
    ['not a url', 'other'],
  ];
  it.each(cases)('%s → %s', (url, kind) => {
    expect(pageKind(url)).toBe(kind);
  });
});

describe('parseItemId', () => {
  const cases: [string, string | null][] = [
    ['https://item.taobao.com/item.htm?id=712345678901', '712345678901'],
    ['//detail.tmall.com/item.htm?spm=a230r&id=698765432109&skuId=4567', '698765432109'],
    ['https://h5.m.taobao.com/awp/core/detail.htm?itemId=712345678901', '712345678901'],
    ['https://h5.m.taobao.com/awp/core/detail.htm?item_id=712345678901', '712345678901'],
    ['https://a.m.taobao.com/i712345678901.htm', '712345678901'],
    ['https://world.taobao.com/item/712345678901.htm', '712345678901'],
    ['//click.simba.taobao.com/cc_im?p=gucci&s=123&k=525&e=abcDEF', null],
    ['https://e.tb.cn/h.abcdef', null],
    ['https://item.taobao.com/item.htm?id=1234', null],
    ['https://item.taobao.com/item.htm?id=712345678901x', null],
  ];
  it.each(cases)('%s → %s', (url, id) => {
    expect(parseItemId(url)).toBe(id);
  });

  it('reads the id an ad card hides in its element id', () => {
    expect(itemIdFromCardId('item_id_712345678901')).toBe('712345678901');
    expect(itemIdFromCardId('item_id_')).toBeNull();
    expect(itemIdFromCardId('item_id_12abc')).toBeNull();
  });
});

describe('platform, listing URL, shop id and tier', () => {
  it.each([
    ['item.taobao.com', 'taobao'],
    ['detail.tmall.com', 'tmall'],
    ['chaoshi.tmall.com', 'tmall'],
    ['detail.tmall.hk', 'tmall-global'],
  ] as const)('host %s is %s', (host, platform) => {
    expect(platformOfHost(host)).toBe(platform);
  });

  it('rebuilds listing URLs from the id only', () => {
    expect(listingUrl('712345678901', 'taobao')).toBe('https://item.taobao.com/item.htm?id=712345678901');
    expect(listingUrl('712345678901', 'tmall')).toBe('https://detail.tmall.com/item.htm?id=712345678901');
    expect(listingUrl('712345678901', 'tmall-global')).toBe('https://detail.tmall.hk/item.htm?id=712345678901');
    expect(() => listingUrl('1" onclick="x', 'taobao')).toThrow(/not an item id/);
  });

  it.each([
    ['//shop105872733.taobao.com', '105872733'],
    ['https://store.taobao.com/shop/view_shop.htm?shopId=57301367', '57301367'],
    ['//store.taobao.com/shop/view_shop.htm?appUid=RAzN8HWKdT3', null],
    ['//gucci.tmall.com', null],
    [null, null],
  ] as const)('shop id of %s is %s', (href, id) => {
    expect(shopIdFromUrl(href)).toBe(id);
  });

  it.each([
    ['GUCCI古驰官方旗舰店', 'official-flagship'],
    ['Coach蔻驰旗舰店', 'flagship'],
    ['奢品汇专营店', 'franchise'],
    ['名品专卖店', 'franchise'],
    ['小美的奢侈品店', 'store'],
    [null, null],
  ] as const)('tier of %s is %s', (name, tier) => {
    expect(shopTier(name)).toBe(tier);
  });
});

describe('taobaoPageUrl', () => {
  it('takes absolute http(s) addresses on Taobao and Tmall hosts only', () => {
    expect(taobaoPageUrl('https://s.taobao.com/search?q=x')?.hostname).toBe('s.taobao.com');
    expect(taobaoPageUrl('http://detail.tmall.hk/item.htm?id=123456')?.hostname).toBe('detail.tmall.hk');
    for (const bad of [undefined, null, '', '/item.htm?id=1', 'javascript:alert(1)', 'https://taobao.com.evil.example/', 'ftp://s.taobao.com/', 'chrome-extension://x/popup.html']) expect(taobaoPageUrl(bad)).toBeNull();
  });
});
