import { describe, expect, it } from 'vitest';
import { assessListing } from '../../lib/rules/assess-listing';
import { BUILTIN_PACK_SOURCES, BUILTIN_PACKS, BUILTIN_PACKS_INFO } from '../../lib/rules/builtin-pack';
import { parseRulePack } from '../../lib/rules/rule-pack';
import { mergeRulePacks } from '../../lib/rules/merge-packs';
import { compileRules } from '../../lib/rules/compile-rules';
import { BUILTIN_RULES, listing } from './builtin-rules';

const ISSUE_BRANDS = [
  'gucci', 'louis_vuitton', 'chanel', 'hermes', 'dior', 'prada', 'balenciaga', 'saint_laurent', 'fendi', 'bottega_veneta',
  'celine', 'loewe', 'coach', 'michael_kors', 'rolex', 'omega', 'cartier', 'van_cleef_arpels', 'tiffany', 'bulgari',
  'burberry', 'versace', 'givenchy', 'valentino', 'miu_miu', 'chloe', 'ferragamo', 'tods', 'moncler', 'patek_philippe',
];

const BRANDS = BUILTIN_PACKS.flatMap((pack) => pack.brands ?? []);
const MERGED = mergeRulePacks(BUILTIN_PACKS).brands;

describe('built-in packs as shipped', () => {
  it.each(BUILTIN_PACK_SOURCES.map((source) => [(source as { id: string }).id, source]))('%s passes the pack schema unchanged (the extension does not check it at start)', (_id, source) => {
    expect(parseRulePack(source)).toEqual(source);
  });
});

describe('the built-in packs', () => {
  it('is versioned and covers the brands the issue lists', () => {
    expect(BUILTIN_PACKS_INFO.version).toMatch(/^\d{4}\.\d+$/);
    expect(MERGED.map((brand) => brand.id)).toEqual(expect.arrayContaining(ISSUE_BRANDS));
  });

  it('gives every brand floors, and every floor and shop a source', () => {
    for (const brand of MERGED) expect(brand.floors.size, brand.id).toBeGreaterThan(0);
    for (const brand of BRANDS) {
      for (const floor of brand.floors ?? []) expect(floor.source.length, `${brand.id} ${floor.category}`).toBeGreaterThan(8);
      for (const shop of brand.authorisedShops ?? []) expect(shop.source.length, shop.name).toBeGreaterThan(20);
      for (const model of brand.models ?? []) if (model.floor !== undefined) expect(model.source, model.names[0]).toBeTruthy();
    }
  });

  // With a word for something the brand sells: some names stand for the brand only beside one (雷达 表).
  const CATEGORIES = mergeRulePacks(BUILTIN_PACKS).categories;
  const productWord = (sells: readonly string[]): string => CATEGORIES.find((category) => category.id === sells[0])?.terms[0] ?? '';
  it.each(MERGED.flatMap((brand) => [
    [brand.names.en, brand.id, productWord(brand.sells)],
    [brand.names.zh_CN, brand.id, productWord(brand.sells)],
  ]))('finds "%s" as %s (with "%s")', (name, id, word) => {
    expect(assessListing(listing(`${name} 2024新款 ${word}`), BUILTIN_RULES).brand).toBe(id);
  });

  it('compiles to the same verdicts every time: assessing is deterministic', () => {
    const again = compileRules(BUILTIN_PACKS);
    const titles = ['高仿 LV 老花 包包', 'GUCCI古驰 女包', '香奈儿风 外套', 'LV5 锂电池'];
    for (const title of titles) {
      const first = assessListing(listing(title, 300), BUILTIN_RULES);
      expect(assessListing(listing(title, 300), BUILTIN_RULES)).toEqual(first);
      expect(assessListing(listing(title, 300), again)).toEqual(first);
    }
  });
});
