/**
 * The rule-pack format (`counterfeit-radar.rules`, format version 2): declarative JSON that says which
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

/**
 * A name of a brand: a string, or a name that stands for this brand only when the title also names
 * one of `categories` ("BV" is Bottega Veneta with a bag, Bulgari with a watch; "阿玛尼" is Giorgio
 * Armani with a lipstick, Emporio Armani with a watch).
 */
const nameSchema = v.union(
  [text, v.strictObject({ term: text, categories: v.pipe(v.array(id), v.minLength(1, 'must name at least one category')) })],
  'must be a name or { "term", "categories" }',
);

const floorSchema = v.strictObject({
  category: id,
  /** A floor for this material only (gold against steel jewellery); without it, any material. */
  material: v.optional(id),
  price,
  source,
});

const modelSchema = v.pipe(
  v.strictObject({
    names: v.pipe(v.array(text), v.minLength(1, 'must name the model at least once')),
    category: v.optional(id),
    floor: v.optional(price),
    /** An ambiguous model name (CF, ava): it counts only with a category word of its brand. */
    weak: v.optional(v.boolean()),
    /**
     * A pattern or motif the brand is known for (四叶草, 老花, 菱格): it identifies no brand on its own,
     * so a title with the motif and no brand name is "in the style of" at most.
     */
    motif: v.optional(v.boolean()),
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
  /** Names that identify the brand on their own: its own names, in any script or spelling. */
  aliases: v.optional(v.array(nameSchema)),
  /**
   * Nicknames (香奶奶, 蔻家, 西太后, D家): they identify the brand on their own, and a seller who uses
   * one with factory or wholesale wording is hiding the name from the platform's filters.
   */
  nicknames: v.optional(v.array(nameSchema)),
  /**
   * Short or ambiguous names (LV, MK, CC): they must stand apart from other letters and digits, and
   * count only when the title also names a category the brand sells and no other brand.
   */
  weakAliases: v.optional(v.array(nameSchema)),
  /** Names made to pass as the brand (迪奥拉, 古驰汤米): sold as if they were the brand. */
  squatters: v.optional(v.array(text)),
  /** Words that name the brand's style, not the brand (小香风): the listing is a lookalike. */
  styles: v.optional(v.array(text)),
  models: v.optional(v.array(modelSchema)),
  /** The categories the brand makes. Prices are compared only in these; empty: never compared. */
  sells: v.optional(v.array(id)),
  /** Lowest plausible price per category, in CNY; a later pack replaces a category's floor. */
  floors: v.optional(v.array(floorSchema)),
  authorisedShops: v.optional(v.array(shopSchema)),
  /** Words that, in the same title, show the name means something else (coach + 口哨: a sports coach). */
  notBrand: v.optional(v.array(text)),
});

const categorySchema = v.strictObject({
  id,
  names: v.optional(names),
  terms: v.optional(v.array(text)),
  /**
   * "about": a listing in this category has the brand as its topic, not as its maker (a book, a
   * cleaning or authentication service). Default "product".
   */
  kind: v.optional(v.picklist(['product', 'about'], 'must be "product" or "about"')),
  /**
   * Sizes under which an item of this category is a mini (a 7 ml perfume, a 1.4 g lipstick): when the
   * title's largest size in ml or g is below them, the item counts as category `as` (the samples).
   */
  miniBelow: v.optional(v.strictObject({ ml: v.optional(price), g: v.optional(price), as: id })),
});

/** A material that tells fine from fashion goods (18K, S925, 钛钢, 合金): floors may be per material. */
const materialSchema = v.strictObject({ id, names: v.optional(names), terms: v.optional(v.array(text)) });

const lexiconsSchema = v.strictObject({
  /** Counterfeit slang: with a brand, a strong signal. */
  counterfeit: v.optional(v.array(termSchema)),
  /**
   * Factory and wholesale wording (工厂, 源头, 一件代发, 批发): genuine luxury goods are not sold by
   * their factories, so with a brand it supports a counterfeit verdict.
   */
  factory: v.optional(v.array(termSchema)),
  /** The item imitates the brand's style and says so: never high on that alone. */
  lookalike: v.optional(v.array(termSchema)),
  /** The item is made for a brand's product (a liner, a strap): the price floor does not apply. */
  accessory: v.optional(v.array(termSchema)),
  /** Second-hand or authentication words: shown, the floor is lowered. */
  secondHand: v.optional(v.array(termSchema)),
  /** The shown price is not the item's price (a deposit, 定金): prices are not compared. */
  partPrice: v.optional(v.array(termSchema)),
  /** Phrases that contain a brand name or a signal word but are neither: colours, 明星同款, 仿珍珠. */
  neutral: v.optional(v.array(termSchema)),
});

export const RULE_PACK_FORMAT = 'counterfeit-radar.rules';

export const rulePackSchema = v.strictObject({
  format: v.literal(RULE_PACK_FORMAT, `must be "${RULE_PACK_FORMAT}"`),
  /** Format version of this file: 2; version 1 packs (no nicknames, styles, sells, materials) are read as they are. */
  formatVersion: v.picklist([1, 2], 'must be 1 or 2'),
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
  materials: v.optional(v.array(materialSchema)),
  lexicons: v.optional(lexiconsSchema),
  /** Shops that sell only genuine goods of every brand: the platform's own (天猫超市, 天猫国际进口超市). */
  trustedShops: v.optional(v.array(shopSchema)),
});

export type RulePack = v.InferOutput<typeof rulePackSchema>;
export type RuleBrand = v.InferOutput<typeof brandSchema>;
export type RuleModel = v.InferOutput<typeof modelSchema>;
export type RuleCategory = v.InferOutput<typeof categorySchema>;
export type RuleTerm = v.InferOutput<typeof termSchema>;
export type RuleName = v.InferOutput<typeof nameSchema>;
export type RuleMaterial = v.InferOutput<typeof materialSchema>;
export type LexiconName = keyof v.InferOutput<typeof lexiconsSchema>;
export const LEXICON_NAMES: readonly LexiconName[] = ['counterfeit', 'factory', 'lookalike', 'accessory', 'secondHand', 'partPrice', 'neutral'];

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
export const nameText = (name: RuleName): string => (typeof name === 'string' ? name : name.term);

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
    for (const field of ['aliases', 'nicknames', 'weakAliases'] as const) {
      brand[field]?.forEach((alias, i) => check(nameText(alias), `brands[${b}].${field}[${i}]`));
    }
    brand.squatters?.forEach((name, i) => check(name, `brands[${b}].squatters[${i}]`));
    brand.styles?.forEach((name, i) => check(name, `brands[${b}].styles[${i}]`));
    brand.notBrand?.forEach((name, i) => check(name, `brands[${b}].notBrand[${i}]`));
    brand.models?.forEach((model, m) => model.names.forEach((name, i) => check(name, `brands[${b}].models[${m}].names[${i}]`)));
  });
  pack.categories?.forEach((category, c) => category.terms?.forEach((term, i) => check(term, `categories[${c}].terms[${i}]`)));
  pack.materials?.forEach((material, m) => material.terms?.forEach((term, i) => check(term, `materials[${m}].terms[${i}]`)));
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
  seen((pack.materials ?? []).map((material) => material.id), 'materials');
  return problems;
}
