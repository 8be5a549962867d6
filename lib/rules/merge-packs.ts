/**
 * Combines rule packs in order (built-in first, then a brand team's pack) into one rule set, and
 * checks what no single pack can check alone: every brand has names, every category a floor or
 * model names exists. Merging rules are in rule-pack.ts.
 */
import {
  LEXICON_NAMES,
  RulePackError,
  termText,
  type LexiconName,
  type RuleModel,
  type RulePack,
  type RulePackProblem,
  type RuleTerm,
} from './rule-pack';
import { foldText } from './text-folding';

export interface BrandNames {
  en: string;
  zh_CN: string;
}

export interface MergedBrand {
  id: string;
  names: BrandNames;
  aliases: string[];
  weakAliases: string[];
  models: RuleModel[];
  /** Category id → floor. */
  floors: Map<string, { price: number; source: string }>;
  authorisedShops: { name: string; shopId?: string; source: string }[];
}

export interface MergedCategory {
  id: string;
  names: BrandNames;
  terms: string[];
}

export interface MergedRules {
  /** "id@version" of each pack, in merge order. */
  packs: string[];
  brands: MergedBrand[];
  categories: MergedCategory[];
  lexicons: Record<LexiconName, RuleTerm[]>;
}

interface Draft {
  brands: Map<string, Omit<MergedBrand, 'names'> & { names?: BrandNames; definedIn: string }>;
  categories: Map<string, { id: string; names?: BrandNames; terms: string[]; definedIn: string }>;
  lexicons: Record<LexiconName, RuleTerm[]>;
}

/**
 * Appends what the list does not hold yet. Spellings that fold alike are all kept ("omega3" and
 * "omega-3"): compiling merges them into one pattern that allows the separators of each.
 */
function appendNew<T>(list: T[], additions: readonly T[] | undefined, key: (item: T) => string): void {
  if (!additions || additions.length === 0) return;
  const known = new Set(list.map(key));
  for (const item of additions) {
    if (known.has(key(item))) continue;
    known.add(key(item));
    list.push(item);
  }
}
const same = (text: string): string => text;

export function mergeRulePacks(packs: readonly RulePack[]): MergedRules {
  const draft: Draft = {
    brands: new Map(),
    categories: new Map(),
    lexicons: { counterfeit: [], lookalike: [], accessory: [], secondHand: [], neutral: [] },
  };
  const problems: RulePackProblem[] = [];
  for (const pack of packs) {
    applyDisable(draft, pack);
    addPack(draft, pack);
  }

  const brands: MergedBrand[] = [];
  for (const brand of draft.brands.values()) {
    const { definedIn, names, ...rest } = brand;
    if (!names) {
      problems.push({ path: `pack "${definedIn}": brands[${brand.id}].names`, reason: 'a brand no earlier pack defines needs names' });
      continue;
    }
    for (const category of brand.floors.keys()) {
      if (!draft.categories.has(category)) problems.push({ path: `brands[${brand.id}].floors`, reason: `unknown category "${category}"` });
    }
    for (const model of brand.models) {
      if (model.category !== undefined && !draft.categories.has(model.category)) {
        problems.push({ path: `brands[${brand.id}].models[${model.names[0] ?? ''}].category`, reason: `unknown category "${model.category}"` });
      }
    }
    brands.push({ ...rest, names });
  }
  const categories: MergedCategory[] = [];
  for (const category of draft.categories.values()) {
    if (!category.names) {
      problems.push({ path: `pack "${category.definedIn}": categories[${category.id}].names`, reason: 'a category no earlier pack defines needs names' });
      continue;
    }
    categories.push({ id: category.id, names: category.names, terms: category.terms });
  }
  if (problems.length > 0) throw new RulePackError(problems, 'rule packs');
  return { packs: packs.map((pack) => `${pack.id}@${pack.version}`), brands, categories, lexicons: draft.lexicons };
}

function applyDisable(draft: Draft, pack: RulePack): void {
  const disable = pack.disable;
  if (!disable) return;
  for (const id of disable.brands ?? []) draft.brands.delete(id);
  const aliases = new Set((disable.aliases ?? []).map(foldText));
  if (aliases.size > 0) {
    const keep = (name: string): boolean => !aliases.has(foldText(name));
    for (const brand of draft.brands.values()) {
      brand.aliases = brand.aliases.filter(keep);
      brand.weakAliases = brand.weakAliases.filter(keep);
      brand.models = brand.models.map((model) => ({ ...model, names: model.names.filter(keep) })).filter((model) => model.names.length > 0);
    }
  }
  const terms = new Set((disable.terms ?? []).map(foldText));
  if (terms.size > 0) {
    for (const name of LEXICON_NAMES) draft.lexicons[name] = draft.lexicons[name].filter((term) => !terms.has(foldText(termText(term))));
    for (const category of draft.categories.values()) category.terms = category.terms.filter((term) => !terms.has(foldText(term)));
  }
}

function addPack(draft: Draft, pack: RulePack): void {
  for (const category of pack.categories ?? []) {
    const known = draft.categories.get(category.id);
    if (!known) {
      const terms: string[] = [];
      appendNew(terms, category.terms, same);
      draft.categories.set(category.id, { id: category.id, names: category.names, terms, definedIn: pack.id });
      continue;
    }
    if (category.names) known.names = category.names;
    appendNew(known.terms, category.terms, same);
  }
  for (const brand of pack.brands ?? []) {
    let known = draft.brands.get(brand.id);
    if (!known) {
      known = { id: brand.id, names: brand.names, aliases: [], weakAliases: [], models: [], floors: new Map(), authorisedShops: [], definedIn: pack.id };
      draft.brands.set(brand.id, known);
    } else if (brand.names) {
      known.names = brand.names;
    }
    appendNew(known.aliases, brand.aliases, same);
    appendNew(known.weakAliases, brand.weakAliases, same);
    known.models.push(...(brand.models ?? []));
    for (const floor of brand.floors ?? []) known.floors.set(floor.category, { price: floor.price, source: floor.source });
    for (const shop of brand.authorisedShops ?? []) {
      // A later pack's entry for the same shop replaces the earlier one (e.g. to add its shop id).
      const folded = foldText(shop.name);
      known.authorisedShops = [...known.authorisedShops.filter((s) => foldText(s.name) !== folded), shop];
    }
  }
  for (const name of LEXICON_NAMES) appendNew(draft.lexicons[name], pack.lexicons?.[name], termText);
}
