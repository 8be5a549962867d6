/** Shared by the rules tests: the built-in pack compiled once, and a terse listing builder. */
import type { AssessableListing } from '../../lib/rules/assessable-listing';
import { BUILTIN_PACKS } from '../../lib/rules/builtin-pack';
import { compileRules } from '../../lib/rules/compile-rules';

export const BUILTIN_RULES = compileRules(BUILTIN_PACKS);

export function listing(title: string, price?: number, shopName?: string): AssessableListing {
  return {
    itemId: '600000000001',
    title,
    price: price === undefined ? null : { min: price, max: price, currency: 'CNY' },
    shop: shopName === undefined ? null : { name: shopName, id: null, platform: 'taobao', tier: null },
  };
}
