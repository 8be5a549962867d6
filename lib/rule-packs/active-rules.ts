/**
 * The rules the background assesses with: the built-in pack, then the user's packs in the order they
 * were added, then the brands the user chose not to watch, as a last pack that disables them.
 *
 * Compiled rules are kept, keyed by what they are made of (the user's packs' content and the muted
 * brands that exist), so a settings change that does not touch them (sensitivity, role, marks) or
 * muting a brand and unmuting it again costs no compile: a large team pack takes hundreds of
 * milliseconds to compile, and settings change on every click in the options page.
 */
import { BUILTIN_PACKS, compileRules, RULE_PACK_FORMAT, type CompiledRules, type RulePack } from '../rules';
import { notePacks } from './official-shops';

/** A few recent sets of rules: enough for toggling brands back and forth, small in memory. */
const KEPT_RULES = 4;
const compiled = new Map<string, CompiledRules>();

export function activeRules(userPacks: readonly RulePack[], mutedBrands: readonly string[]): CompiledRules {
  const packs: RulePack[] = [...BUILTIN_PACKS, ...userPacks];
  const known = new Set(packs.flatMap((pack) => pack.brands?.map((brand) => brand.id) ?? []));
  const muted = [...new Set(mutedBrands.filter((id) => known.has(id)))].sort();
  // The built-in packs are part of the build, so their content is the same for every key.
  const key = JSON.stringify([userPacks, muted]);
  const kept = compiled.get(key);
  if (kept) {
    compiled.delete(key);
    compiled.set(key, kept);
    return kept;
  }
  if (muted.length > 0) packs.push({ format: RULE_PACK_FORMAT, formatVersion: 1, id: 'user-muted-brands', version: '1', disable: { brands: muted } });
  const rules = compileRules(packs);
  notePacks(rules, packs);
  compiled.set(key, rules);
  for (const oldest of [...compiled.keys()].slice(0, Math.max(0, compiled.size - KEPT_RULES))) compiled.delete(oldest);
  return rules;
}
