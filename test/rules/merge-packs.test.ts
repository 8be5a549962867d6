import { describe, expect, it } from 'vitest';
import { assessListing } from '../../lib/rules/assess-listing';
import { BUILTIN_PACK } from '../../lib/rules/builtin-pack';
import { compileRules } from '../../lib/rules/compile-rules';
import { mergeRulePacks } from '../../lib/rules/merge-packs';
import { parseRulePack } from '../../lib/rules/rule-pack';
import { listing } from './builtin-rules';

const teamPack = (body: Record<string, unknown>) =>
  parseRulePack({ format: 'counterfeit-radar.rules', formatVersion: 1, id: 'brand-team', version: '2026.3', ...body });

describe('merging a brand team pack over the built-in one', () => {
  it('adds a brand', () => {
    const team = teamPack({
      brands: [{
        id: 'longchamp', names: { en: 'Longchamp', zh_CN: '珑骧' }, aliases: ['longchamp', '珑骧'],
        floors: [{ category: 'bag', price: 300, source: 'brand team price list, 2026' }],
      }],
    });
    const rules = compileRules([BUILTIN_PACK, team]);
    expect(rules.packs).toEqual(['builtin-luxury@2026.1', 'brand-team@2026.3']);
    expect(assessListing(listing('珑骧 饺子包 手提包 女', 89), rules)).toMatchObject({ brand: 'longchamp', risk: 'high' });
    expect(assessListing(listing('珑骧 饺子包 手提包 女', 890), rules)).toMatchObject({ brand: 'longchamp', risk: 'low' });
  });

  it('adds aliases to a built-in brand and keeps the built-in ones', () => {
    const team = teamPack({ brands: [{ id: 'gucci', aliases: ['古姿'] }] });
    const rules = compileRules([BUILTIN_PACK, team]);
    expect(assessListing(listing('古姿 女包'), rules).brand).toBe('gucci');
    expect(assessListing(listing('古驰 女包'), rules).brand).toBe('gucci');
  });

  it('replaces a floor per category and keeps the others', () => {
    const team = teamPack({ brands: [{ id: 'gucci', floors: [{ category: 'bag', price: 6000, source: 'Gucci brand protection, 2026' }] }] });
    const merged = mergeRulePacks([BUILTIN_PACK, team]);
    const gucci = merged.brands.find((brand) => brand.id === 'gucci');
    expect(gucci?.floors.get('bag')).toEqual({ price: 6000, source: 'Gucci brand protection, 2026' });
    expect(gucci?.floors.get('wallet')?.price).toBe(1200);
    expect(assessListing(listing('古驰 手提包', 2800), compileRules([BUILTIN_PACK, team])).risk).toBe('high');
    expect(assessListing(listing('古驰 手提包', 2800), compileRules([BUILTIN_PACK])).risk).toBe('low');
  });

  it('adds terms to the global lexicons', () => {
    const team = teamPack({ lexicons: { counterfeit: ['工厂货'] } });
    expect(assessListing(listing('古驰 女包 工厂货'), compileRules([BUILTIN_PACK, team])).risk).toBe('high');
    expect(assessListing(listing('古驰 女包 工厂货'), compileRules([BUILTIN_PACK])).risk).toBe('low');
  });

  it('disables a built-in alias, term or brand', () => {
    const before = compileRules([BUILTIN_PACK]);
    expect(assessListing(listing('小香 链条包'), before).brand).toBe('chanel');
    expect(assessListing(listing('古驰 女包 多款式可选', 99), before).reasons.map((r) => r.code)).toContain('lookalike');
    expect(assessListing(listing('蔻驰 托特包'), before).brand).toBe('coach');

    const after = compileRules([BUILTIN_PACK, teamPack({ disable: { aliases: ['小香'], terms: ['款式'], brands: ['coach'] } })]);
    expect(assessListing(listing('小香 链条包'), after).brand).toBeNull();
    expect(assessListing(listing('香奈儿 链条包'), after).brand).toBe('chanel');
    expect(assessListing(listing('古驰 女包 多款式可选', 99), after).reasons.map((r) => r.code)).not.toContain('lookalike');
    expect(assessListing(listing('蔻驰 托特包'), after).brand).toBeNull();
  });

  it('disables by folded text, so any spelling of the entry works', () => {
    const after = compileRules([BUILTIN_PACK, teamPack({ disable: { aliases: ['Ｇ家'] } })]);
    expect(assessListing(listing('G家 卫衣'), after).brand).toBeNull();
  });

  it('applies a pack\'s disable before its own entries, so a team can redefine an alias', () => {
    const team = teamPack({ disable: { aliases: ['小香'] }, brands: [{ id: 'chanel', weakAliases: ['小香'], aliases: ['小香家'] }] });
    const rules = compileRules([BUILTIN_PACK, team]);
    expect(assessListing(listing('小香 链条包'), rules).brand).toBe('chanel');
    expect(assessListing(listing('小香家 新款'), rules).brand).toBe('chanel');
  });

  it('lets a later pack replace an authorised shop entry, e.g. to add its shop id', () => {
    const team = teamPack({ brands: [{ id: 'gucci', authorisedShops: [{ name: 'gucci古驰官方旗舰店', shopId: '58501945', source: 'Gucci, 2026' }] }] });
    const gucci = mergeRulePacks([BUILTIN_PACK, team]).brands.find((brand) => brand.id === 'gucci');
    expect(gucci?.authorisedShops).toEqual([{ name: 'gucci古驰官方旗舰店', shopId: '58501945', source: 'Gucci, 2026' }]);
  });
});
