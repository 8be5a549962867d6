import { describe, expect, it } from 'vitest';
import { assessListing } from '../../lib/rules/assess-listing';
import { compileRules } from '../../lib/rules/compile-rules';
import { BUILTIN_PACK } from '../../lib/rules/builtin-pack';
import { parseRulePack } from '../../lib/rules/rule-pack';
import { BUILTIN_RULES, listing } from './builtin-rules';

describe('authorised shops', () => {
  it.each([
    ['the exact shop name', 'GUCCI古驰官方旗舰店'],
    ['another case and spacing', 'gucci 古驰 官方旗舰店'],
    ['full-width letters', 'ＧＵＣＣＩ古驰官方旗舰店'],
  ])('%s is authorised: the brand sets its own prices', (_, shop) => {
    const verdict = assessListing(listing('GUCCI古驰 蜜蜂 钥匙扣 挂件', 300, shop), BUILTIN_RULES);
    expect(verdict.risk).toBe('low');
    expect(verdict.reasons.map((reason) => reason.code)).toEqual(['authorised-shop', 'brand']);
  });

  it.each([
    ['a name that only contains the official name', 'GUCCI古驰官方旗舰店代购'],
    ['a shop of another brand', 'PRADA官方旗舰店'],
    ['an ordinary shop', '小美精品女包店'],
  ])('%s is not authorised', (_, shop) => {
    const verdict = assessListing(listing('GUCCI古驰 女包 斜挎包', 300, shop), BUILTIN_RULES);
    expect(verdict.risk).toBe('high');
    expect(verdict.reasons.map((reason) => reason.code)).not.toContain('authorised-shop');
  });

  it('matches by shop id when a pack gives one', () => {
    const team = parseRulePack({
      format: 'counterfeit-radar.rules', formatVersion: 1, id: 'gucci-team', version: '1',
      brands: [{ id: 'gucci', authorisedShops: [{ name: 'GUCCI古驰官方旗舰店', shopId: '58501945', source: 'brand team, 2026' }] }],
    });
    const rules = compileRules([BUILTIN_PACK, team]);
    const verdict = assessListing({ title: '古驰 女包', price: { min: 300, max: 300 }, shop: { name: null, id: '58501945' } }, rules);
    expect(verdict.risk).toBe('low');
  });
});
