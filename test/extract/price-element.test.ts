import { describe, expect, it } from 'vitest';
import { parsePrice } from '../../lib/extract/field-text';
import { itemPriceElement } from '../../lib/extract/price-element';
import { fixturePages } from './fixture-pages';

const pages = fixturePages();
/** This page carries its price only in script data: no element to put a badge beside. */
const SCRIPT_PRICE_ONLY = new Set(['pc-item-tmall-2026-ice-only']);
const itemPages = pages.filter((page) => page.expected.page === 'item' || page.expected.page === 'mobile-item');

describe('itemPriceElement: where an item page shows its price', () => {
  it.each(itemPages.filter((page) => !SCRIPT_PRICE_ONLY.has(page.name)).map((page) => [page.name, page] as const))(
    '%s: an element whose price is the listing’s',
    (_, page) => {
      const element = itemPriceElement(page.document(), page.url);
      const price = parsePrice(element?.textContent ?? null);
      if (element === null) return expect.fail('no price element');
      expect(price?.min).toBe(page.expected.listings[0]!.price!.min);
    },
  );

  it('finds none on a page whose price is only in script data', () => {
    const [page] = itemPages.filter((p) => SCRIPT_PRICE_ONLY.has(p.name));
    expect(itemPriceElement(page!.document(), page!.url)).toBeNull();
  });

  it.each(pages.filter((page) => page.expected.page === 'search' || page.expected.page === 'shop').map((page) => [page.name, page] as const))('%s: none on a page that is not an item page', (_, page) => {
    expect(itemPriceElement(page.document(), page.url)).toBeNull();
  });
});
