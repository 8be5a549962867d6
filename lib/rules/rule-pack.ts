/**
 * The rule-pack format (`counterfeit-radar.rules`, format version 1): declarative JSON that says which
 * brands to look for, how sellers write them, what they cost at the least, who may sell them, and
 * which words signal a counterfeit, a lookalike, an accessory or second-hand goods.
 *
 * Packs combine (see merge-packs.ts): the built-in pack first, then a brand team's pack, which may
 * add brands, add aliases, terms and shops to existing ones, replace price floors per category, and
 * switch off built-in entries with `disable`:
 *   "disable": { "brands": ["coach"], "aliases": ["小香"], "terms": ["款式"] }
 * removes a brand, an alias (from every brand and model) or a term (from every lexicon and category)
 * contributed by earlier packs; the pack's own entries are added after its `disable` is applied.
 *
 * Every fact that can be wrong — a price floor, an authorised shop — carries a `source` note saying
 * where it comes from, or that it is an estimate.
 */
import * as v from 'valibot';
import { issuePath } from './issue-path';
import { foldText } from './text-folding';

const text = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'));
const source = v.pipe(v.string(), v.trim(), v.minLength(1, 'must say where this fact comes from'));
const id = v.pipe(v.string(), v.regex(/^[a-z][a-z0-9_-]*$/, 'must be lower-case letters, digits, "_" or "-"'));
const price = v.pipe(v.number('must be a number'), v.finite('must be a finite number'), v.gtValue(0, 'must be above 0'));
const names = v.strictObject({ en: text, zh_CN: text });

/** A lexicon entry: a term, or a term that only counts right before or after a brand alias. */
const termSchema = v.union(
  [
    text,
    v.strictObject({ term: text, position: v.picklist(['before-brand', 'after-brand'], 'must be "before-brand" or "after-brand"') }),
  ],
  'must be a term or { "term", "position" }',
);

const floorSchema = v.strictObject({ category: id, price, source });

const modelSchema = v.pipe(
  v.strictObject({
    names: v.pipe(v.array(text), v.minLength(1, 'must name the model at least once')),
    category: v.optional(id),
    floor: v.optional(price),
    /** A weak model name needs a category word of its brand elsewhere in the title, like a weak alias. */
    weak: v.optional(v.boolean()),
    source: v.optional(source),
  }),
  v.forward(
    v.check((model) => model.floor === undefined || model.source !== undefined, 'a model with a floor must have a source'),
    ['source'],
  ),
);

const shopSchema = v.strictObject({
  /** The shop name as the page shows it, e.g. "GUCCI古驰官方旗舰店"; compared after folding. */
  name: text,
  shopId: v.optional(v.pipe(v.string(), v.regex(/^\d+$/, 'must be digits'))),
  source,
});

const brandSchema = v.strictObject({
  id,
  /** Required for a brand no earlier pack defines. */
  names: v.optional(names),
  /** Names that identify the brand on their own. */
  aliases: v.optional(v.array(text)),
  /**
   * Short or ambiguous names (LV, MK, CC): they must stand apart from other letters and digits, and
   * count only when the title also names one of the brand's categories and no other brand.
   */
  weakAliases: v.optional(v.array(text)),
  models: v.optional(v.array(modelSchema)),
  /** Lowest plausible price per category, in CNY; a later pack replaces a category's floor. */
  floors: v.optional(v.array(floorSchema)),
  authorisedShops: v.optional(v.array(shopSchema)),
});

const categorySchema = v.strictObject({ id, names: v.optional(names), terms: v.optional(v.array(text)) });

const lexiconsSchema = v.strictObject({
  /** Counterfeit slang: with a brand, a strong signal. */
  counterfeit: v.optional(v.array(termSchema)),
  /** The item imitates the brand's style and says so: never high on that alone. */
  lookalike: v.optional(v.array(termSchema)),
  /** The item is made for a brand's product (a liner, a strap): the price floor does not apply. */
  accessory: v.optional(v.array(termSchema)),
  /** Second-hand or authentication words: shown, the floor still applies. */
  secondHand: v.optional(v.array(termSchema)),
  /** Phrases that contain a brand name but are not the brand: colours, other products. */
  neutral: v.optional(v.array(termSchema)),
});

export const RULE_PACK_FORMAT = 'counterfeit-radar.rules';

export const rulePackSchema = v.strictObject({
  format: v.literal(RULE_PACK_FORMAT, `must be "${RULE_PACK_FORMAT}"`),
  /** Format version of this file. */
  formatVersion: v.literal(1, 'must be 1'),
  id,
  /** The pack's own version, e.g. "2026.1". */
  version: text,
  title: v.optional(text),
  disable: v.optional(
    v.strictObject({
      brands: v.optional(v.array(id)),
      aliases: v.optional(v.array(text)),
      terms: v.optional(v.array(text)),
    }),
  ),
  brands: v.optional(v.array(brandSchema)),
  categories: v.optional(v.array(categorySchema)),
  lexicons: v.optional(lexiconsSchema),
});

export type RulePack = v.InferOutput<typeof rulePackSchema>;
export type RuleBrand = v.InferOutput<typeof brandSchema>;
export type RuleModel = v.InferOutput<typeof modelSchema>;
export type RuleCategory = v.InferOutput<typeof categorySchema>;
export type RuleTerm = v.InferOutput<typeof termSchema>;
export type LexiconName = keyof v.InferOutput<typeof lexiconsSchema>;
export const LEXICON_NAMES: readonly LexiconName[] = ['counterfeit', 'lookalike', 'accessory', 'secondHand', 'neutral'];

export interface RulePackProblem {
  path: string;
  reason: string;
}

/** A pack that cannot be used. The message lists every problem, one `path: reason` a line. */
export class RulePackError extends Error {
  override name = 'RulePackError';
  constructor(
    readonly problems: readonly RulePackProblem[],
    packLabel = 'rule pack',
  ) {
    super(`invalid ${packLabel}:\n${problems.map((p) => `  ${p.path}: ${p.reason}`).join('\n')}`);
  }
}

export const termText = (term: RuleTerm): string => (typeof term === 'string' ? term : term.term);

/** Validates one pack; throws RulePackError naming every problem found. */
export function parseRulePack(json: unknown): RulePack {
  const result = v.safeParse(rulePackSchema, json, { abortEarly: false });
  if (!result.success) {
    throw new RulePackError(result.issues.map((issue) => ({ path: issuePath(issue) || '(pack)', reason: issue.message })));
  }
  const pack = result.output;
  const problems = [...emptyFoldProblems(pack), ...duplicateIdProblems(pack)];
  if (problems.length > 0) throw new RulePackError(problems, `rule pack "${pack.id}"`);
  return pack;
}

/** A term made only of separators ("-", " · ") folds to nothing and would match everywhere. */
function emptyFoldProblems(pack: RulePack): RulePackProblem[] {
  const problems: RulePackProblem[] = [];
  const check = (value: string, path: string): void => {
    if (foldText(value) === '') problems.push({ path, reason: `"${value}" is only separators and would match nothing` });
  };
  pack.brands?.forEach((brand, b) => {
    brand.aliases?.forEach((alias, i) => check(alias, `brands[${b}].aliases[${i}]`));
    brand.weakAliases?.forEach((alias, i) => check(alias, `brands[${b}].weakAliases[${i}]`));
    brand.models?.forEach((model, m) => model.names.forEach((name, i) => check(name, `brands[${b}].models[${m}].names[${i}]`)));
  });
  pack.categories?.forEach((category, c) => category.terms?.forEach((term, i) => check(term, `categories[${c}].terms[${i}]`)));
  for (const name of LEXICON_NAMES) {
    pack.lexicons?.[name]?.forEach((term, i) => check(termText(term), `lexicons.${name}[${i}]`));
  }
  return problems;
}

function duplicateIdProblems(pack: RulePack): RulePackProblem[] {
  const problems: RulePackProblem[] = [];
  const seen = (ids: string[], path: string): void => {
    const first = new Map<string, number>();
    ids.forEach((value, i) => {
      const earlier = first.get(value);
      if (earlier === undefined) first.set(value, i);
      else problems.push({ path: `${path}[${i}].id`, reason: `"${value}" is already defined at ${path}[${earlier}]` });
    });
  };
  seen((pack.brands ?? []).map((brand) => brand.id), 'brands');
  seen((pack.categories ?? []).map((category) => category.id), 'categories');
  return problems;
}
