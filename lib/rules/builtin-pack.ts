/**
 * The built-in luxury pack, validated when first imported: a broken edit to the JSON fails every
 * test and the build at once instead of shipping.
 */
import luxuryPack from './packs/luxury.json';
import { parseRulePack, type RulePack } from './rule-pack';

export const BUILTIN_PACK: RulePack = parseRulePack(luxuryPack);
