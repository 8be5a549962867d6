/**
 * Each brand's authorised shops, with their names as the packs give them: the compiled rules keep
 * only folded names, made for matching, not for showing or for building a link. Worked out from the
 * same packs the rules were compiled from, the first time they are asked for, and kept with the rules.
 */
import type { CompiledRules, RulePack } from '../rules';
import { mergeRulePacks } from '../rules/merge-packs';
import { MAX_OFFICIAL_SHOPS } from '../page/official-store-url';
import type { OfficialShop } from '../verdict';

const packsOf = new WeakMap<CompiledRules, readonly RulePack[]>();
const shopsOf = new WeakMap<CompiledRules, ReadonlyMap<string, readonly OfficialShop[]>>();

/** Called by whoever compiles the rules, with the packs (disables included) they were compiled from. */
export function notePacks(rules: CompiledRules, packs: readonly RulePack[]): void {
  packsOf.set(rules, packs);
}

/** The brand's authorised shops under these rules; none for rules whose packs were not noted. */
export function officialShops(rules: CompiledRules, brand: string): readonly OfficialShop[] {
  let shops = shopsOf.get(rules);
  if (!shops) {
    const packs = packsOf.get(rules);
    shops = new Map(
      packs
        ? mergeRulePacks(packs).brands.flatMap((merged) =>
            merged.authorisedShops.length > 0
              ? [[merged.id, merged.authorisedShops.slice(0, MAX_OFFICIAL_SHOPS).map((shop) => ({ name: shop.name, shopId: shop.shopId ?? null }))] as const]
              : [],
          )
        : [],
    );
    shopsOf.set(rules, shops);
  }
  return shops.get(brand) ?? [];
}
