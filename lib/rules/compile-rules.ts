/**
 * Turns rule packs into CompiledRules: one automaton holding every brand name, model, category word,
 * material and lexicon term, the meanings of each pattern, and per-brand tables (what it sells, its
 * floors by category and material, its authorised shops). Compile once, assess many: the result is
 * frozen and shared; what an assessment writes lives in its own scratch (assessment-scratch.ts).
 */
import { AutomatonTooLargeError, buildAutomaton, type Automaton } from './automaton';
import { BUILTIN_PACKS_INFO } from './builtin-pack';
import { mergeRulePacks, type BrandNames, type MergedBrand, type MergedName } from './merge-packs';
import { LEXICON_NAMES, nameText, RulePackError, termText, type LexiconName, type RulePack } from './rule-pack';
import { foldText, separatorMask } from './text-folding';
import { TitleMatcher } from './title-matcher';

export type MeaningKind = 'alias' | 'category' | 'material' | 'not-brand' | LexiconName;
export type TermPosition = 'anywhere' | 'before-brand' | 'after-brand';
/**
 * How a brand pattern points at its brand:
 * - name: the brand's own name (Gucci, 古驰); nickname: slang that identifies it (香奶奶, 蔻家);
 *   code: a short code (LV, BV) that counts only with a category the brand sells; squatter: a name made
 *   to pass as the brand (迪奥拉). These name the brand as the listing's maker.
 * - model: one of its designs (Neverfull, 水鬼); style: its style (小香风); motif: a pattern it is known
 *   for (四叶草). Without a name, these make the listing a lookalike or "in the style of".
 */
export type AliasStrength = 'name' | 'nickname' | 'code' | 'squatter' | 'model' | 'style' | 'motif';

/** What one pattern means; a pattern can carry several meanings (a model name of two brands). */
export interface Meaning {
  /** Index among all meanings of the compiled rules (keys per-meaning caches). */
  readonly id: number;
  readonly kind: MeaningKind;
  /** The pack's own wording, quoted in reasons. */
  readonly text: string;
  readonly position: TermPosition;
  /** alias, not-brand: the brand's index in CompiledRules.brands; otherwise -1. */
  readonly brand: number;
  readonly strength: AliasStrength;
  /**
   * alias: the category indices one of which the title must name for this meaning to count; null when
   * it needs none. A code or an ambiguous model without its own scope needs a category the brand sells.
   */
  readonly scope: readonly number[] | null;
  /** category, material: its index; a model's category; otherwise -1. */
  readonly category: number;
  /** A model's own floor in CNY (0: none), and its source. */
  readonly floor: number;
  readonly floorSource: string;
}

export interface Floor {
  readonly price: number;
  readonly source: string;
}

export interface CompiledBrand {
  readonly id: string;
  readonly names: BrandNames;
  /** Category index → 1 when the brand makes that category. */
  readonly sells: Uint8Array;
  /** Category index → its floor (any material), or null. */
  readonly floors: readonly (Floor | null)[];
  /** Category index × material count + material index → the floor for that material, or null. */
  readonly materialFloors: readonly (Floor | null)[];
  /** Folded authorised shop names, and authorised shop ids. */
  readonly shopNames: ReadonlySet<string>;
  readonly shopIds: ReadonlySet<string>;
  /** Folded names (not codes) that, inside a Tmall shop name ending 官方旗舰店, make it the brand's own store. */
  readonly storeNames: readonly string[];
}

export interface CompiledCategory {
  readonly id: string;
  readonly names: BrandNames;
  /** "about": the brand is the listing's topic (a book, a service), not its maker. */
  readonly kind: 'product' | 'about';
  /** Sizes (ml, g) under which an item of this category is a mini, of category `miniAs`; 0 / -1: none. */
  readonly miniMl: number;
  readonly miniG: number;
  readonly miniAs: number;
  /** Some category's minis are of this one (小样 for lipstick, perfume …): a sample category. */
  readonly holdsMinis: boolean;
}

export interface CompiledMaterial {
  readonly id: string;
  readonly names: BrandNames;
}

export interface CompiledRules {
  /** "id@version" of each pack, in merge order. */
  readonly packs: readonly string[];
  readonly brands: readonly CompiledBrand[];
  readonly categories: readonly CompiledCategory[];
  readonly materials: readonly CompiledMaterial[];
  /** Pattern id → meanings. */
  readonly meanings: readonly (readonly Meaning[])[];
  readonly meaningCount: number;
  readonly matcher: TitleMatcher;
  /** Folded names of shops run by the platform itself, genuine for every brand. */
  readonly trustedShops: ReadonlySet<string>;
  readonly stats: { readonly patterns: number; readonly states: number; readonly classes: number; readonly tableBytes: number };
}

export interface CompileOptions {
  /**
   * Patterns with at most this many Latin letters and digits (LV, MK, YSL, 1:1, n厂) must not touch
   * any letter or digit; longer ones only must not run into letters. Default 3.
   */
  strictBoundaryMaxLatin?: number;
}

const LATIN = /[a-z0-9]/g;
const OFFICIAL_STORE = '官方旗舰店';

/** Compiles packs (built-in first, then brand teams' packs). Throws RulePackError on conflicts. */
export function compileRules(packs: readonly RulePack[], options: CompileOptions = {}): CompiledRules {
  const strictMax = options.strictBoundaryMaxLatin ?? 3;
  const merged = mergeRulePacks(packs);
  const categoryIndex = new Map(merged.categories.map((category, index) => [category.id, index]));
  const materialIndex = new Map(merged.materials.map((material, index) => [material.id, index]));
  const categoriesOf = (ids: readonly string[] | null | undefined): number[] | null =>
    ids ? ids.flatMap((id) => (categoryIndex.has(id) ? [categoryIndex.get(id) as number] : [])) : null;

  const patterns: string[] = [];
  const meanings: Meaning[][] = [];
  const strict: number[] = [];
  const spacing: number[] = [];
  const patternIds = new Map<string, number>();
  let meaningCount = 0;
  interface MeaningDraft {
    kind: MeaningKind;
    position?: TermPosition;
    brand?: number;
    strength?: AliasStrength;
    scope?: readonly number[] | null;
    category?: number;
    floor?: number;
    floorSource?: string;
  }
  const add = (raw: string, draft: MeaningDraft, forceStrict = false): void => {
    const folded = foldText(raw);
    if (folded === '') return;
    let id = patternIds.get(folded);
    if (id === undefined) {
      id = patterns.length;
      patternIds.set(folded, id);
      patterns.push(folded);
      meanings.push([]);
      strict.push(0);
      spacing.push(0);
    }
    spacing[id] = (spacing[id] as number) | separatorMask(raw);
    const list = meanings[id] as Meaning[];
    const meaning: Meaning = {
      id: meaningCount,
      kind: draft.kind,
      text: raw,
      position: draft.position ?? 'anywhere',
      brand: draft.brand ?? -1,
      strength: draft.strength ?? 'name',
      scope: draft.scope ?? null,
      category: draft.category ?? -1,
      floor: draft.floor ?? 0,
      floorSource: draft.floorSource ?? '',
    };
    // One meaning per kind, position, brand, strength and category: the first spelling is the one quoted.
    if (!list.some((m) => m.kind === meaning.kind && m.position === meaning.position && m.brand === meaning.brand && m.strength === meaning.strength && m.category === meaning.category)) {
      list.push(Object.freeze(meaning));
      meaningCount++;
    }
    if (forceStrict || (folded.match(LATIN)?.length ?? 0) <= strictMax) strict[id] = 1;
  };

  const brands = merged.brands.map((brand, b) => {
    const sells = new Uint8Array(merged.categories.length);
    for (const id of brand.sells) if (categoryIndex.has(id)) sells[categoryIndex.get(id) as number] = 1;
    const soldCategories = [...sells.keys()].filter((c) => sells[c] === 1);
    const named = (name: MergedName, strength: AliasStrength, needsCategory: boolean): void => {
      const scope = categoriesOf(name.categories) ?? (needsCategory ? soldCategories : null);
      add(name.term, { kind: 'alias', brand: b, strength, scope }, strength === 'code');
    };
    for (const name of brand.aliases) named(name, 'name', false);
    for (const name of brand.nicknames) named(name, 'nickname', false);
    for (const name of brand.weakAliases) named(name, 'code', true);
    for (const name of brand.squatters) add(name, { kind: 'alias', brand: b, strength: 'squatter' });
    for (const name of brand.styles) add(name, { kind: 'alias', brand: b, strength: 'style' });
    for (const model of brand.models) {
      const category = model.category === undefined ? -1 : (categoryIndex.get(model.category) ?? -1);
      const strength: AliasStrength = model.motif === true ? 'motif' : 'model';
      for (const name of model.names) {
        add(
          name,
          { kind: 'alias', brand: b, strength, scope: model.weak === true ? soldCategories : null, category, floor: model.floor ?? 0, floorSource: model.source ?? '' },
          model.weak === true,
        );
      }
    }
    for (const word of brand.notBrand) add(word, { kind: 'not-brand', brand: b });
    return compileBrand(brand, merged.categories.length, merged.materials.length, sells, categoryIndex, materialIndex);
  });
  merged.categories.forEach((category, c) => {
    for (const term of category.terms) add(term, { kind: 'category', category: c });
  });
  merged.materials.forEach((material, m) => {
    for (const term of material.terms) add(term, { kind: 'material', category: m });
  });
  for (const kind of LEXICON_NAMES) {
    for (const term of merged.lexicons[kind]) {
      add(termText(term), { kind, position: typeof term === 'string' ? 'anywhere' : term.position });
    }
  }

  const automaton = buildSized(patterns, packs);
  return Object.freeze({
    packs: Object.freeze(merged.packs),
    brands: Object.freeze(brands),
    categories: Object.freeze(
      merged.categories.map((category) =>
        Object.freeze({
          id: category.id,
          names: category.names,
          kind: category.kind,
          miniMl: category.miniBelow?.ml ?? 0,
          miniG: category.miniBelow?.g ?? 0,
          miniAs: category.miniBelow ? (categoryIndex.get(category.miniBelow.as) ?? -1) : -1,
          holdsMinis: merged.categories.some((other) => other.miniBelow?.as === category.id),
        }),
      ),
    ),
    materials: Object.freeze(merged.materials.map((material) => Object.freeze({ id: material.id, names: material.names }))),
    meanings: Object.freeze(meanings.map((list) => Object.freeze(list))),
    meaningCount,
    matcher: new TitleMatcher(automaton, Uint8Array.from(strict), Uint32Array.from(spacing)),
    trustedShops: new Set(merged.trustedShops.map((shop) => foldText(shop.name))),
    stats: Object.freeze({ patterns: patterns.length, states: automaton.stateCount, classes: automaton.classCount, tableBytes: automaton.tableBytes }),
  });
}

/**
 * The automaton, or a RulePackError naming the pack that made it too large: the pack with the most
 * pattern text, leaving the built-in packs out unless they are all there is (they are known to fit).
 */
function buildSized(patterns: readonly string[], packs: readonly RulePack[]): Automaton {
  try {
    return buildAutomaton(patterns);
  } catch (error) {
    if (!(error instanceof AutomatonTooLargeError)) throw error;
    const sized = packs.map((pack) => ({ pack, characters: patternCharacters(pack) }));
    const suspects = sized.filter(({ pack }) => !BUILTIN_PACKS_INFO.packIds.includes(pack.id));
    const largest = (suspects.length > 0 ? suspects : sized).reduce((a, b) => (b.characters > a.characters ? b : a));
    throw new RulePackError(
      [{ path: '(pack)', reason: `is too large to use: ${error.message}; its names and terms hold ${largest.characters.toLocaleString('en-US')} characters` }],
      `rule pack "${largest.pack.id}"`,
    );
  }
}

/** Folded characters of every name and term a pack adds to the automaton. */
function patternCharacters(pack: RulePack): number {
  let total = 0;
  const count = (text: string): void => {
    total += foldText(text).length;
  };
  for (const brand of pack.brands ?? []) {
    for (const name of [...(brand.aliases ?? []), ...(brand.nicknames ?? []), ...(brand.weakAliases ?? [])]) count(nameText(name));
    for (const text of [...(brand.squatters ?? []), ...(brand.styles ?? []), ...(brand.notBrand ?? [])]) count(text);
    for (const model of brand.models ?? []) for (const name of model.names) count(name);
  }
  for (const group of [...(pack.categories ?? []), ...(pack.materials ?? [])]) for (const term of group.terms ?? []) count(term);
  for (const terms of Object.values(pack.lexicons ?? {})) for (const term of terms ?? []) count(termText(term));
  return total;
}

function compileBrand(
  brand: MergedBrand,
  categoryCount: number,
  materialCount: number,
  sells: Uint8Array,
  categoryIndex: ReadonlyMap<string, number>,
  materialIndex: ReadonlyMap<string, number>,
): CompiledBrand {
  const floors: (Floor | null)[] = new Array<Floor | null>(categoryCount).fill(null);
  const materialFloors: (Floor | null)[] = new Array<Floor | null>(categoryCount * materialCount).fill(null);
  for (const floor of brand.floors.values()) {
    const c = categoryIndex.get(floor.category);
    if (c === undefined) continue;
    const value = Object.freeze({ price: floor.price, source: floor.source });
    if (floor.material === null) floors[c] = value;
    else {
      const m = materialIndex.get(floor.material);
      if (m !== undefined) materialFloors[c * materialCount + m] = value;
    }
  }
  // A material floor alone (no plain one) also stands for titles that name no material.
  for (let c = 0; c < categoryCount; c++) {
    if (floors[c] !== null) continue;
    let lowest: Floor | null = null;
    for (let m = 0; m < materialCount; m++) {
      const floor = materialFloors[c * materialCount + m] ?? null;
      if (floor && (!lowest || floor.price < lowest.price)) lowest = floor;
    }
    floors[c] = lowest;
  }
  const storeNames = [...brand.aliases, ...brand.nicknames]
    .filter((name) => name.categories === null)
    .map((name) => foldText(name.term))
    .filter((name) => name.length >= 2 && !/^[a-z0-9]{1,3}$/.test(name));
  return Object.freeze({
    id: brand.id,
    names: brand.names,
    sells,
    floors: Object.freeze(floors),
    materialFloors: Object.freeze(materialFloors),
    shopNames: new Set(brand.authorisedShops.map((shop) => foldText(shop.name))),
    shopIds: new Set(brand.authorisedShops.flatMap((shop) => (shop.shopId ? [shop.shopId] : []))),
    storeNames: Object.freeze([...new Set(storeNames)]),
  });
}

/** Whether a shop is the brand's own official Tmall store: its name names the brand and ends 官方旗舰店. */
export function isBrandStoreName(brand: CompiledBrand, foldedShopName: string): boolean {
  if (!foldedShopName.endsWith(OFFICIAL_STORE)) return false;
  for (const name of brand.storeNames) if (foldedShopName.includes(name)) return true;
  return false;
}
