import { describe, expect, it } from 'vitest';
import { assessListing } from '../../lib/rules/assess-listing';
import { BUILTIN_PACK } from '../../lib/rules/builtin-pack';
import { compileRules } from '../../lib/rules/compile-rules';
import { BUILTIN_RULES, listing } from './builtin-rules';

const ISSUE_BRANDS = [
  'gucci', 'louis_vuitton', 'chanel', 'hermes', 'dior', 'prada', 'balenciaga', 'saint_laurent', 'fendi', 'bottega_veneta',
  'celine', 'loewe', 'coach', 'michael_kors', 'rolex', 'omega', 'cartier', 'van_cleef_arpels', 'tiffany', 'bulgari',
  'burberry', 'versace', 'givenchy', 'valentino', 'miu_miu', 'chloe', 'ferragamo', 'tods', 'moncler', 'patek_philippe',
];

describe('the built-in pack', () => {
  it('is versioned and covers the brands the issue lists', () => {
    expect(BUILTIN_PACK.version).toMatch(/^\d{4}\.\d+$/);
    expect(BUILTIN_PACK.brands?.map((brand) => brand.id)).toEqual(expect.arrayContaining(ISSUE_BRANDS));
  });

  it('gives every brand floors, and every floor and shop a source', () => {
    for (const brand of BUILTIN_PACK.brands ?? []) {
      expect(brand.floors?.length, brand.id).toBeGreaterThan(0);
      for (const floor of brand.floors ?? []) expect(floor.source.length, `${brand.id} ${floor.category}`).toBeGreaterThan(8);
      for (const shop of brand.authorisedShops ?? []) expect(shop.source.length, shop.name).toBeGreaterThan(20);
      for (const model of brand.models ?? []) if (model.floor !== undefined) expect(model.source, model.names[0]).toBeTruthy();
    }
  });

  it.each((BUILTIN_PACK.brands ?? []).flatMap((brand) => [
    [brand.names?.en ?? '', brand.id],
    [brand.names?.zh_CN ?? '', brand.id],
  ]))('finds "%s" as %s', (name, id) => {
    expect(assessListing(listing(`${name} 2024新款`), BUILTIN_RULES).brand).toBe(id);
  });

  it('compiles to the same verdicts every time: assessing is deterministic', () => {
    const again = compileRules([BUILTIN_PACK]);
    const titles = ['高仿 LV 老花 包包', 'GUCCI古驰 女包', '香奈儿风 外套', 'LV5 锂电池'];
    for (const title of titles) {
      const first = assessListing(listing(title, 300), BUILTIN_RULES);
      expect(assessListing(listing(title, 300), BUILTIN_RULES)).toEqual(first);
      expect(assessListing(listing(title, 300), again)).toEqual(first);
    }
  });
});
