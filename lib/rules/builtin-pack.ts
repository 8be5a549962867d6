/**
 * The built-in rules: one pack of categories, materials and signal words, and one pack per domain of
 * brands (fashion, watches, jewellery, beauty, streetwear), merged in this order like any packs. They
 * are checked against the pack schema by test/rules/builtin-pack.test.ts, not at every start: the
 * schema changes nothing it accepts, and checking 200 brands cost the CLI and each worker start about
 * 50 ms. A broken edit to the JSON fails the unit tests instead of shipping.
 */
import beauty from './packs/brands-beauty.json';
import fashion from './packs/brands-fashion.json';
import jewellery from './packs/brands-jewellery.json';
import streetwear from './packs/brands-streetwear.json';
import watches from './packs/brands-watches.json';
import core from './packs/core.json';
import type { RulePack } from './rule-pack';

/** The packs as JSON, for the test that holds them to the schema. */
export const BUILTIN_PACK_SOURCES: readonly unknown[] = Object.freeze([core, fashion, streetwear, watches, jewellery, beauty]);

export const BUILTIN_PACKS = BUILTIN_PACK_SOURCES as readonly RulePack[];

/** How the built-in rules are named to the user: one version for all of them. */
export const BUILTIN_PACKS_INFO = Object.freeze({
  id: 'builtin',
  version: core.version,
  brandCount: new Set(BUILTIN_PACKS.flatMap((pack) => pack.brands?.map((brand) => brand.id) ?? [])).size,
  packIds: Object.freeze(BUILTIN_PACKS.map((pack) => pack.id)),
});

/** Brand id → display names, over all built-in packs (a later pack's names win, as in merging). */
export function builtinBrandNames(): Map<string, { en: string; zh_CN: string }> {
  const names = new Map<string, { en: string; zh_CN: string }>();
  for (const pack of BUILTIN_PACKS) for (const brand of pack.brands ?? []) if (brand.names) names.set(brand.id, brand.names);
  return names;
}
