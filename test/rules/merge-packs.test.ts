import { describe, expect, it } from 'vitest';
import { assessListing } from '../../lib/rules/assess-listing';
import { BUILTIN_PACKS } from '../../lib/rules/builtin-pack';
import { compileRules } from '../../lib/rules/compile-rules';
import { floorKey, mergeRulePacks } from '../../lib/rules/merge-packs';
import { parseRulePack, RulePackError } from '../../lib/rules/rule-pack';
import { ENGINE_PACK, listing } from './engine-pack';

const CORE = BUILTIN_PACKS[0];
if (!CORE) throw new Error('no core pack');
const teamPack = (body: Record<string, unknown>, formatVersion = 2) =>
  parseRulePack({ format: 'counterfeit-radar.rules', formatVersion, id: 'brand-team', version: '2026.3', ...body });
const withTeam = (body: Record<string, unknown>) => compileRules([CORE, ENGINE_PACK, teamPack(body)]);
const before = compileRules([CORE, ENGINE_PACK]);

describe('merging a brand team pack over earlier packs', () => {
  it('adds a brand, and lists the packs in merge order', () => {
    const rules = withTeam({
      brands: [{
        id: 'longchamp', names: { en: 'Longchamp', zh_CN: '珑骧' }, aliases: ['longchamp', '珑骧'], sells: ['bag'],
        floors: [{ category: 'bag', price: 300, source: 'brand team price list, 2026' }],
      }],
    });
    expect(rules.packs).toEqual([`builtin-core@${CORE.version}`, 'engine-test@1', 'brand-team@2026.3']);
    expect(assessListing(listing('珑骧 饺子包 手提包 女', 89), rules)).toMatchObject({ brand: 'longchamp', risk: 'high' });
    expect(assessListing(listing('珑骧 饺子包 手提包 女', 890), rules)).toMatchObject({ brand: 'longchamp', risk: 'low' });
  });

  it('reads a version 1 pack: what a brand sells follows from its floors', () => {
    const old = teamPack({ brands: [{ id: 'longchamp', names: { en: 'Longchamp', zh_CN: '珑骧' }, aliases: ['珑骧'], floors: [{ category: 'bag', price: 300, source: 'x' }] }] }, 1);
    const rules = compileRules([CORE, ENGINE_PACK, old]);
    expect(mergeRulePacks([CORE, ENGINE_PACK, old]).brands.find((b) => b.id === 'longchamp')?.sells).toEqual(['bag']);
    expect(assessListing(listing('珑骧 手提包', 89), rules).risk).toBe('high');
  });

  it('adds names, nicknames and styles to a brand and keeps the earlier ones', () => {
    const rules = withTeam({ brands: [{ id: 'aster', aliases: ['阿氏'], nicknames: ['阿家'], styles: ['阿氏风'] }] });
    expect(assessListing(listing('阿氏 女包'), rules).brand).toBe('aster');
    expect(assessListing(listing('阿斯特 女包'), rules).brand).toBe('aster');
    expect(assessListing(listing('阿家 女包'), rules).reasons.map((r) => r.code)).toContain('indirect-name');
    expect(assessListing(listing('阿氏风 外套'), rules).reasons.map((r) => r.code)).toEqual(['lookalike']);
  });

  it('replaces a floor per category (and material) and keeps the others', () => {
    const team = teamPack({ brands: [{ id: 'aster', floors: [{ category: 'bag', price: 6000, source: 'Aster brand protection, 2026' }] }] });
    const aster = mergeRulePacks([CORE, ENGINE_PACK, team]).brands.find((brand) => brand.id === 'aster');
    expect(aster?.floors.get(floorKey('bag', null))).toEqual({ category: 'bag', material: null, price: 6000, source: 'Aster brand protection, 2026' });
    expect(aster?.floors.get(floorKey('jewellery', 'precious-metal'))?.price).toBe(6000);
    expect(aster?.floors.get(floorKey('small-leather-goods', null))?.price).toBe(900);
    expect(assessListing(listing('阿斯特 手提包', 3500), compileRules([CORE, ENGINE_PACK, team])).risk).toBe('high');
    expect(assessListing(listing('阿斯特 手提包', 3500), before).risk).toBe('low');
  });

  it('adds what a brand sells', () => {
    const rules = withTeam({ brands: [{ id: 'aster', sells: ['phone-accessory'], floors: [{ category: 'phone-accessory', price: 800, source: 'x' }] }] });
    expect(assessListing(listing('阿斯特 手机壳', 29), rules).risk).toBe('high');
    expect(assessListing(listing('阿斯特 手机壳', 29), before).risk).toBe('low');
  });

  it('adds terms to the global lexicons and categories', () => {
    expect(assessListing(listing('阿斯特 女包 工厂货'), withTeam({ lexicons: { counterfeit: ['工厂货'] } })).risk).toBe('high');
    expect(assessListing(listing('阿斯特 女包 工厂货'), before).risk).toBe('medium');
    const rules = withTeam({ categories: [{ id: 'bag', terms: ['拎拎包'] }] });
    expect(assessListing(listing('阿斯特 拎拎包', 100), rules).risk).toBe('high');
  });

  it('disables an earlier alias, term or brand', () => {
    expect(assessListing(listing('A家 链条包'), before).brand).toBe('aster');
    expect(assessListing(listing('阿斯特同款 链条包'), before).reasons.map((r) => r.code)).toEqual(['lookalike']);
    expect(assessListing(listing('博瑞尔 手表'), before).brand).toBe('boreal');

    const after = withTeam({ disable: { aliases: ['A家'], terms: ['同款'], brands: ['boreal'] } });
    expect(assessListing(listing('A家 链条包'), after).brand).toBeNull();
    expect(assessListing(listing('阿斯特 链条包'), after).brand).toBe('aster');
    expect(assessListing(listing('阿斯特同款 链条包'), after).reasons.map((r) => r.code)).toEqual(['brand']);
    expect(assessListing(listing('博瑞尔 手表'), after).brand).toBeNull();
  });

  it('disables by folded text, so any spelling of the entry works', () => {
    expect(assessListing(listing('A家 卫衣'), withTeam({ disable: { aliases: ['Ａ家'] } })).brand).toBeNull();
  });

  it("applies a pack's disable before its own entries, so a team can redefine a name", () => {
    const rules = withTeam({ disable: { aliases: ['A家'] }, brands: [{ id: 'aster', aliases: ['A家'] }] });
    expect(assessListing(listing('A家 链条包'), rules).reasons.map((r) => r.code)).not.toContain('indirect-name');
  });

  it('lets a later pack replace an authorised shop entry, e.g. to add its shop id', () => {
    const team = teamPack({ brands: [{ id: 'aster', authorisedShops: [{ name: 'aster阿斯特官方旗舰店', shopId: '999', source: 'Aster, 2026' }] }] });
    const aster = mergeRulePacks([CORE, ENGINE_PACK, team]).brands.find((brand) => brand.id === 'aster');
    expect(aster?.authorisedShops).toEqual([{ name: 'aster阿斯特官方旗舰店', shopId: '999', source: 'Aster, 2026' }]);
  });

  it('refuses a brand, floor or name that refers to a category or material no pack defines', () => {
    const bad = teamPack({
      brands: [{ id: 'aster', sells: ['yachts'], floors: [{ category: 'bag', material: 'unobtainium', price: 5, source: 'x' }], weakAliases: [{ term: 'AA', categories: ['spaceships'] }] }],
    });
    expect(() => compileRules([CORE, ENGINE_PACK, bad])).toThrow(RulePackError);
    try {
      compileRules([CORE, ENGINE_PACK, bad]);
    } catch (error) {
      expect((error as RulePackError).problems.map((p) => p.reason)).toEqual(['unknown material "unobtainium"', 'unknown category "yachts"', 'unknown category "spaceships"']);
    }
  });
});
