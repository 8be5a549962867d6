/** The rules engine's public surface: compile packs once, then assess listings against them. */
export { assessListing, assessListingIn } from './assess-listing';
export { assessableListingSchema, type AssessableListing } from './assessable-listing';
export { BUILTIN_PACKS, BUILTIN_PACKS_INFO, builtinBrandNames } from './builtin-pack';
export { compileRules, type CompiledRules, type CompileOptions } from './compile-rules';
export { parseRulePack, RULE_PACK_FORMAT, RulePackError, type RulePack } from './rule-pack';
export { SENSITIVITIES, THRESHOLDS, type Sensitivity } from './sensitivity';
export { foldText } from './text-folding';
