import { describe, expect, it } from 'vitest';
import { compileRules } from '../../lib/rules/compile-rules';
import { parseRulePack, RulePackError } from '../../lib/rules/rule-pack';

const header = { format: 'counterfeit-radar.rules', formatVersion: 1, id: 'team', version: '1' };
const goodBrand = {
  id: 'acme',
  names: { en: 'Acme', zh_CN: '阿克米' },
  aliases: ['acme', '阿克米'],
  floors: [{ category: 'bag', price: 900, source: 'brand team price list, 2026' }],
};
const bagCategory = { id: 'bag', names: { en: 'bags', zh_CN: '包袋' }, terms: ['手提包'] };

function problemsOf(json: unknown): string {
  try {
    parseRulePack(json);
  } catch (error) {
    expect(error).toBeInstanceOf(RulePackError);
    return (error as Error).message;
  }
  throw new Error('the pack was accepted');
}

describe('parseRulePack', () => {
  it('accepts a minimal pack and a full one', () => {
    expect(parseRulePack(header).id).toBe('team');
    expect(parseRulePack({ ...header, brands: [goodBrand], categories: [bagCategory], lexicons: { counterfeit: ['高仿', { term: '仿', position: 'before-brand' }] } }).brands).toHaveLength(1);
  });

  it.each([
    ['not an object', 42, '(pack): '],
    ['wrong format', { ...header, format: 'something-else' }, 'format: must be "counterfeit-radar.rules"'],
    ['unknown format version', { ...header, formatVersion: 3 }, 'formatVersion: must be 1 or 2'],
    ['missing version', { ...header, version: undefined }, 'version: '],
    ['empty version', { ...header, version: '  ' }, 'version: must not be empty'],
    ['bad brand id', { ...header, brands: [{ ...goodBrand, id: 'Acme Co' }] }, 'brands[0].id: must be lower-case letters, digits, "_" or "-"'],
    ['misspelt key', { ...header, brands: [{ ...goodBrand, aliasses: ['x'] }] }, 'brands[0].aliasses: '],
    ['negative floor', { ...header, brands: [{ ...goodBrand, floors: [{ category: 'bag', price: -5, source: 'x' }] }] }, 'brands[0].floors[0].price: must be above 0'],
    ['floor as text', { ...header, brands: [{ ...goodBrand, floors: [{ category: 'bag', price: '900', source: 'x' }] }] }, 'brands[0].floors[0].price: must be a number'],
    ['floor without source', { ...header, brands: [{ ...goodBrand, floors: [{ category: 'bag', price: 900 }] }] }, 'brands[0].floors[0].source: '],
    ['shop without source', { ...header, brands: [{ ...goodBrand, authorisedShops: [{ name: 'ACME官方旗舰店' }] }] }, 'brands[0].authorisedShops[0].source: '],
    ['model floor without source', { ...header, brands: [{ ...goodBrand, models: [{ names: ['Rocket'], floor: 500 }] }] }, 'brands[0].models[0].source: a model with a floor must have a source'],
    ['model without names', { ...header, brands: [{ ...goodBrand, models: [{ names: [] }] }] }, 'brands[0].models[0].names: must name the model at least once'],
    ['bad term position', { ...header, lexicons: { lookalike: [{ term: '风', position: 'inside' }] } }, 'lexicons.lookalike[0]: '],
    ['unknown lexicon', { ...header, lexicons: { slang: ['高仿'] } }, 'lexicons.slang: '],
    ['term of separators only', { ...header, lexicons: { counterfeit: [' - '] } }, 'lexicons.counterfeit[0]: "-" is only separators and would match nothing'],
    ['alias of separators only', { ...header, brands: [{ ...goodBrand, aliases: ['acme', '·'] }] }, 'brands[0].aliases[1]: "·" is only separators'],
    ['duplicate brand ids', { ...header, brands: [goodBrand, goodBrand] }, 'brands[1].id: "acme" is already defined at brands[0]'],
  ])('%s', (_, json, expected) => {
    expect(problemsOf(json)).toContain(expected);
  });

  it('lists every problem, one "path: reason" per line', () => {
    const message = problemsOf({ ...header, version: '', brands: [{ ...goodBrand, id: 'X', floors: [{ category: 'bag', price: 0, source: '' }] }] });
    expect(message.split('\n')).toEqual([
      'invalid rule pack:',
      '  version: must not be empty',
      '  brands[0].id: must be lower-case letters, digits, "_" or "-"',
      '  brands[0].floors[0].price: must be above 0',
      '  brands[0].floors[0].source: must say where this fact comes from',
    ]);
  });
});

describe('checks across packs when compiling', () => {
  it('reports a floor for a category no pack defines', () => {
    const pack = parseRulePack({ ...header, brands: [goodBrand] });
    expect(() => compileRules([pack])).toThrow('brands[acme].floors: unknown category "bag"');
  });

  it('reports a new brand without names', () => {
    const pack = parseRulePack({ ...header, brands: [{ id: 'nameless', aliases: ['nameless'] }] });
    expect(() => compileRules([pack])).toThrow('pack "team": brands[nameless].names: a brand no earlier pack defines needs names');
  });
});
