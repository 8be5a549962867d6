/**
 * The rules the background assesses with: the built-in pack, then the user's packs in the order they
 * were added, then the brands the user chose not to watch, as a last pack that disables them.
 */
import { BUILTIN_PACKS, compileRules, RULE_PACK_FORMAT, type CompiledRules, type RulePack } from '../rules';

export function activeRules(userPacks: readonly RulePack[], mutedBrands: readonly string[]): CompiledRules {
  const packs: RulePack[] = [...BUILTIN_PACKS, ...userPacks];
  const known = new Set(packs.flatMap((pack) => pack.brands?.map((brand) => brand.id) ?? []));
  const muted = mutedBrands.filter((id) => known.has(id));
  if (muted.length > 0) packs.push({ format: RULE_PACK_FORMAT, formatVersion: 1, id: 'user-muted-brands', version: '1', disable: { brands: muted } });
  return compileRules(packs);
}
