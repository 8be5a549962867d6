import { describe, expect, it } from 'vitest';
import { extractPage } from '../../lib/extract/extract-page';
import type { Listing } from '../../lib/listing';
import { fixturePages } from './fixture-pages';

const pages = fixturePages();

describe('fixture pages', () => {
  it('cover every page kind and generation (at least 12 pages plus a verification page)', () => {
    const kinds = new Set(pages.map((p) => p.expected.page));
    expect([...kinds].sort()).toEqual(['blocked', 'item', 'mobile-item', 'other', 'search', 'shop']);
    expect(pages.filter((p) => p.expected.page !== 'blocked').length).toBeGreaterThanOrEqual(12);
  });
});

describe.each(pages.map((p) => [p.name, p] as const))('%s', (_name, page) => {
  const result = extractPage(page.document(), page.url);
  const actual = result.found.map((f) => f.listing);

  it(`is a ${page.expected.page} page`, () => {
    expect(result.page).toBe(page.expected.page);
  });

  it('yields the expected item ids, in order', () => {
    expect(actual.map((l) => l.itemId)).toEqual(page.expected.listings.map((l) => l.itemId));
  });

  // Field by field, so a failure names the listing and the field that is wrong.
  const fields: (keyof Listing)[] = ['url', 'title', 'price', 'shop', 'sales', 'location', 'image', 'isAd'];
  for (const expected of page.expected.listings) {
    it.each(fields)(`${expected.itemId}: %s`, (field) => {
      const listing = actual.find((l) => l.itemId === expected.itemId);
      expect(listing?.[field]).toEqual(expected[field]);
    });
  }
});
