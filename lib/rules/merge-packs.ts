/**
 * Combines rule packs in order (built-in first, then a brand team's pack) into one rule set, and
 * checks what no single pack can check alone: every brand and category has names, every category and
 * material a brand refers to exists. Merging rules are in rule-pack.ts.
 */
import {
  LEXICON_NAMES,
  RulePackError,
  termText,
  type LexiconName,
  type RuleModel,
  type RuleName,
  type RulePack,
  type RulePackProblem,
  type RuleTerm,
} from './rule-pack';
import { foldText } from './text-folding';

export interface BrandNames {
  en: string;
  zh_CN: string;
}

/** A name of a brand, and the categories it needs in the title to stand for the brand (null: any). */
export interface MergedName {
  term: string;
  categories: readonly string[] | null;
}

export interface MergedFloor {
  category: string;
  material: string | null;
  price: number;
  source: string;
}

export interface MergedShop {
  name: string;
  shopId?: string;
  source: string;
}

export interface MergedBrand {
  id: string;
  names: BrandNames;
  aliases: MergedName[];
  nicknames: MergedName[];
  weakAliases: MergedName[];
  squatters: string[];
  styles: string[];
  models: RuleModel[];
  /** The categories the brand makes; prices are compared only in these. */
  sells: string[];
  /** Keyed by floorKey(category, material). */
  floors: Map<string, MergedFloor>;
  authorisedShops: MergedShop[];
  notBrand: string[];
}

export interface MergedCategory {
  id: string;
  names: BrandNames;
  terms: string[];
  kind: 'product' | 'about';
  miniBelow: { ml?: number; g?: number; as: string } | null;
}

export interface MergedMaterial {
  id: string;
  names: BrandNames;
  terms: string[];
}

export interface MergedRules {
  /** "id@version" of each pack, in merge order. */
  packs: string[];
  brands: MergedBrand[];
  categories: MergedCategory[];
  materials: MergedMaterial[];
  lexicons: Record<LexiconName, RuleTerm[]>;
  trustedShops: MergedShop[];
}

export const floorKey = (category: string, material: string | null): string => (material === null ? category : `${category}/${material}`);

type DraftBrand = Omit<MergedBrand, 'names' | 'sells'> & { names?: BrandNames; sells: string[] | null; definedIn: string };
type DraftEntry<T> = Omit<T, 'names'> & { names?: BrandNames; definedIn: string };

interface Draft {
  brands: Map<string, DraftBrand>;
  categories: Map<string, DraftEntry<MergedCategory>>;
  materials: Map<string, DraftEntry<MergedMaterial>>;
  lexicons: Record<LexiconName, RuleTerm[]>;
  trustedShops: MergedShop[];
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
/** A term before a brand and the same term after it are two entries (仿LV, LV仿). */
const termKey = (term: RuleTerm): string => (typeof term === 'string' ? term : `${term.term}\u0000${term.position}`);
const toName = (name: RuleName): MergedName => (typeof name === 'string' ? { term: name, categories: null } : { term: name.term, categories: name.categories });
const nameKey = (name: MergedName): string => `${name.term}\u0000${name.categories?.join(',') ?? ''}`;

/** A later pack's entry for the same shop replaces the earlier one (e.g. to add its shop id). */
function addShops(list: MergedShop[], shops: readonly MergedShop[] | undefined): MergedShop[] {
  let result = list;
  for (const shop of shops ?? []) {
    const folded = foldText(shop.name);
    result = [...result.filter((s) => foldText(s.name) !== folded), shop];
  }
  return result;
}

export function mergeRulePacks(packs: readonly RulePack[]): MergedRules {
  const draft: Draft = {
    brands: new Map(),
    categories: new Map(),
    materials: new Map(),
    lexicons: { counterfeit: [], factory: [], lookalike: [], accessory: [], secondHand: [], partPrice: [], neutral: [] },
    trustedShops: [],
  };
  for (const pack of packs) {
    applyDisable(draft, pack);
    addPack(draft, pack);
  }

  const problems: RulePackProblem[] = [];
  const categories: MergedCategory[] = [];
  for (const { definedIn, names, ...category } of draft.categories.values()) {
    if (names) categories.push({ ...category, names });
    else problems.push({ path: `pack "${definedIn}": categories[${category.id}].names`, reason: 'a category no earlier pack defines needs names' });
  }
  const materials: MergedMaterial[] = [];
  for (const { definedIn, names, ...material } of draft.materials.values()) {
    if (names) materials.push({ ...material, names });
    else problems.push({ path: `pack "${definedIn}": materials[${material.id}].names`, reason: 'a material no earlier pack defines needs names' });
  }
  const category = (id: string, path: string) => {
    if (!draft.categories.has(id)) problems.push({ path, reason: `unknown category "${id}"` });
  };
  for (const { id, miniBelow } of categories) if (miniBelow) category(miniBelow.as, `categories[${id}].miniBelow.as`);

  const brands: MergedBrand[] = [];
  for (const brand of draft.brands.values()) {
    const { definedIn, names, sells, ...rest } = brand;
    if (!names) {
      problems.push({ path: `pack "${definedIn}": brands[${brand.id}].names`, reason: 'a brand no earlier pack defines needs names' });
      continue;
    }
    for (const floor of brand.floors.values()) {
      category(floor.category, `brands[${brand.id}].floors`);
      if (floor.material !== null && !draft.materials.has(floor.material)) problems.push({ path: `brands[${brand.id}].floors`, reason: `unknown material "${floor.material}"` });
    }
    for (const model of brand.models) if (model.category !== undefined) category(model.category, `brands[${brand.id}].models[${model.names[0] ?? ''}].category`);
    for (const id of sells ?? []) category(id, `brands[${brand.id}].sells`);
    for (const name of [...brand.aliases, ...brand.nicknames, ...brand.weakAliases]) {
      for (const id of name.categories ?? []) category(id, `brands[${brand.id}].${name.term}.categories`);
    }
    // A version 1 pack says what a brand sells only through its floors.
    const sold = sells ?? [...new Set([...brand.floors.values()].map((floor) => floor.category))];
    brands.push({ ...rest, names, sells: sold });
  }
  if (problems.length > 0) throw new RulePackError(problems, 'rule packs');
  return {
    packs: packs.map((pack) => `${pack.id}@${pack.version}`),
    brands,
    categories,
    materials,
    lexicons: draft.lexicons,
    trustedShops: draft.trustedShops,
  };
}

function applyDisable(draft: Draft, pack: RulePack): void {
  const disable = pack.disable;
  if (!disable) return;
  for (const id of disable.brands ?? []) draft.brands.delete(id);
  const aliases = new Set((disable.aliases ?? []).map(foldText));
  if (aliases.size > 0) {
    const keep = (name: string): boolean => !aliases.has(foldText(name));
    const keepName = (name: MergedName): boolean => keep(name.term);
    for (const brand of draft.brands.values()) {
      brand.aliases = brand.aliases.filter(keepName);
      brand.nicknames = brand.nicknames.filter(keepName);
      brand.weakAliases = brand.weakAliases.filter(keepName);
      brand.squatters = brand.squatters.filter(keep);
      brand.styles = brand.styles.filter(keep);
      brand.models = brand.models.map((model) => ({ ...model, names: model.names.filter(keep) })).filter((model) => model.names.length > 0);
    }
  }
  const terms = new Set((disable.terms ?? []).map(foldText));
  if (terms.size > 0) {
    const keep = (term: string): boolean => !terms.has(foldText(term));
    for (const name of LEXICON_NAMES) draft.lexicons[name] = draft.lexicons[name].filter((term) => keep(termText(term)));
    for (const category of draft.categories.values()) category.terms = category.terms.filter(keep);
    for (const material of draft.materials.values()) material.terms = material.terms.filter(keep);
    for (const brand of draft.brands.values()) brand.notBrand = brand.notBrand.filter(keep);
  }
}

function addPack(draft: Draft, pack: RulePack): void {
  for (const category of pack.categories ?? []) {
    let known = draft.categories.get(category.id);
    if (!known) {
      known = { id: category.id, names: category.names, terms: [], kind: category.kind ?? 'product', miniBelow: category.miniBelow ?? null, definedIn: pack.id };
      draft.categories.set(category.id, known);
    } else {
      if (category.names) known.names = category.names;
      if (category.kind) known.kind = category.kind;
      if (category.miniBelow) known.miniBelow = category.miniBelow;
    }
    appendNew(known.terms, category.terms, same);
  }
  for (const material of pack.materials ?? []) {
    let known = draft.materials.get(material.id);
    if (!known) {
      known = { id: material.id, names: material.names, terms: [], definedIn: pack.id };
      draft.materials.set(material.id, known);
    } else if (material.names) {
      known.names = material.names;
    }
    appendNew(known.terms, material.terms, same);
  }
  for (const brand of pack.brands ?? []) {
    let known = draft.brands.get(brand.id);
    if (!known) {
      known = {
        id: brand.id,
        names: brand.names,
        aliases: [],
        nicknames: [],
        weakAliases: [],
        squatters: [],
        styles: [],
        models: [],
        sells: null,
        floors: new Map(),
        authorisedShops: [],
        notBrand: [],
        definedIn: pack.id,
      };
      draft.brands.set(brand.id, known);
    } else if (brand.names) {
      known.names = brand.names;
    }
    appendNew(known.aliases, brand.aliases?.map(toName), nameKey);
    appendNew(known.nicknames, brand.nicknames?.map(toName), nameKey);
    appendNew(known.weakAliases, brand.weakAliases?.map(toName), nameKey);
    appendNew(known.squatters, brand.squatters, same);
    appendNew(known.styles, brand.styles, same);
    appendNew(known.notBrand, brand.notBrand, same);
    known.models.push(...(brand.models ?? []));
    if (brand.sells) {
      known.sells ??= [];
      appendNew(known.sells, brand.sells, same);
    }
    for (const floor of brand.floors ?? []) {
      const material = floor.material ?? null;
      known.floors.set(floorKey(floor.category, material), { category: floor.category, material, price: floor.price, source: floor.source });
    }
    known.authorisedShops = addShops(known.authorisedShops, brand.authorisedShops);
  }
  draft.trustedShops = addShops(draft.trustedShops, pack.trustedShops);
  for (const name of LEXICON_NAMES) appendNew(draft.lexicons[name], pack.lexicons?.[name], termKey);
}

