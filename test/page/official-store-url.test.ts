import { describe, expect, it } from 'vitest';
import { MAX_SHOP_NAME, officialStoreUrl } from '../../lib/page/official-store-url';

describe('officialStoreUrl', () => {
  it('builds the shop’s own address from its id', () => {
    expect(officialStoreUrl({ name: 'GUCCI古驰官方旗舰店', shopId: '57301234' })).toBe('https://shop57301234.taobao.com/');
  });

  it('searches Taobao’s shops for the exact name when the pack gives no id, the name encoded', () => {
    const href = officialStoreUrl({ name: 'GUCCI古驰官方旗舰店', shopId: null })!;
    const url = new URL(href);
    expect(url.origin + url.pathname).toBe('https://s.taobao.com/search');
    expect(url.searchParams.get('tab')).toBe('shop');
    expect(url.searchParams.get('q')).toBe('GUCCI古驰官方旗舰店');
    // A name with URL syntax stays one query value.
    const tricky = new URL(officialStoreUrl({ name: 'A&B=C#D?/官方旗舰店', shopId: null })!);
    expect(tricky.host).toBe('s.taobao.com');
    expect(tricky.searchParams.get('q')).toBe('A&B=C#D?/官方旗舰店');
    expect(tricky.hash).toBe('');
  });

  it.each([
    ['an id with letters', { name: 'X', shopId: '57301234.evil.com' }],
    ['an id that is a path', { name: 'X', shopId: '1/../../evil' }],
    ['an id with a leading zero', { name: 'X', shopId: '0123' }],
    ['an empty id', { name: 'X', shopId: '' }],
    ['an id too long to be one', { name: 'X', shopId: '1'.repeat(21) }],
    ['a blank name', { name: '  ', shopId: null }],
    ['a name too long', { name: '店'.repeat(MAX_SHOP_NAME + 1), shopId: null }],
    ['a name with a control character', { name: 'GUCCI\u0000店', shopId: null }],
    ['a name with a bidi override', { name: '\u202eGUCCI店', shopId: null }],
  ])('gives no link for %s', (_, shop) => {
    expect(officialStoreUrl(shop)).toBeNull();
  });
});
