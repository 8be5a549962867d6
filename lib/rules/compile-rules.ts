/**
 * Turns rule packs into CompiledRules: one automaton holding every alias, model name, category word
 * and lexicon term, plus per-pattern meanings and per-brand tables (floors by category index, folded
 * authorised shop names). Compile once, assess many.
 */
import { AssessmentScratch } from './assessment-scratch';
import { buildAutomaton } from './automaton';
import { mergeRulePacks, type BrandNames } from './merge-packs';
import { LEXICON_NAMES, termText, type LexiconName, type RulePack } from './rule-pack';
import { foldText, separatorMask } from './text-folding';
import { TitleMatcher } from './title-matcher';

export type MeaningKind = 'alias' | 'category' | LexiconName;
export type TermPosition = 'anywhere' | 'before-brand' | 'after-brand';
export type AliasStrength = 'name' | 'code' | 'motif';

/** What one pattern means; a pattern can carry several meanings (a model name of two brands). */
export interface Meaning {
  /** Index among all meanings of the compiled rules (keys per-meaning caches). */
  id: number;
  kind: MeaningKind;
  /** The pack's own wording, quoted in reasons. */
  text: string;
  position: TermPosition;
  /** alias: the brand's index in CompiledRules.brands; otherwise -1. */
  brand: number;
  /**
   * alias: "name" identifies the brand on its own; "code" (a weak alias such as LV) and "motif" (a
   * weak model name such as 四叶草) count only with a category word of the brand and no brand named
   * outright. A brand recognised from motifs alone is never held to its full price floor.
   */
  strength: AliasStrength;
  /** category, or a model's category: index in CompiledRules.categories; otherwise -1. */
  category: number;
  /** A model's own floor in CNY, 0 when it has none. */
  floor: number;
}

export interface CompiledBrand {
  id: string;
  names: BrandNames;
  /** Category index → lowest plausible price in CNY, 0 when the pack gives none. */
  floors: Float64Array;
  /** Lowest of the brand's floors: used when the title names no category. 0 when none. */
  lowestFloor: number;
  /** Category indices with a floor: the categories that corroborate a weak alias. */
  floorCategories: number[];
  /** Folded authorised shop names, and authorised shop ids. */
  shopNames: ReadonlySet<string>;
  shopIds: ReadonlySet<string>;
}

export interface CompiledCategory {
  id: string;
  names: BrandNames;
}

export interface CompiledRules {
  /** "id@version" of each pack, in merge order. */
  readonly packs: readonly string[];
  readonly brands: readonly CompiledBrand[];
  readonly categories: readonly CompiledCategory[];
  /** Pattern id → meanings. */
  readonly meanings: readonly (readonly Meaning[])[];
  readonly meaningCount: number;
  readonly matcher: TitleMatcher;
  /** Working memory of assessListing for these rules: reused by every call, never shared state. */
  readonly scratch: AssessmentScratch;
  readonly stats: { patterns: number; states: number; classes: number };
}

export interface CompileOptions {
  /**
   * Patterns with at most this many Latin letters and digits (LV, MK, YSL, 1:1, n厂) must not touch
   * any letter or digit; longer ones only must not run into letters. Default 3.
   */
  strictBoundaryMaxLatin?: number;
}

const LATIN = /[a-z0-9]/g;

/** Compiles packs (built-in first, then brand teams' packs). Throws RulePackError on conflicts. */
export function compileRules(packs: readonly RulePack[], options: CompileOptions = {}): CompiledRules {
  const strictMax = options.strictBoundaryMaxLatin ?? 3;
  const merged = mergeRulePacks(packs);
  const categoryIndex = new Map(merged.categories.map((category, index) => [category.id, index]));

  const patterns: string[] = [];
  const meanings: Meaning[][] = [];
  const strict: number[] = [];
  const spacing: number[] = [];
  const patternIds = new Map<string, number>();
  let meaningCount = 0;
  const add = (raw: string, meaning: Omit<Meaning, 'id' | 'text' | 'position'> & { position?: TermPosition }, forceStrict = false): void => {
    const folded = foldText(raw);
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
    if (!list.some((m) => m.kind === meaning.kind && m.brand === meaning.brand && m.category === meaning.category)) {
      // One literal shape for every meaning keeps property access monomorphic in the hot loop.
      list.push({
        id: meaningCount++,
        kind: meaning.kind,
        text: raw,
        position: meaning.position ?? 'anywhere',
        brand: meaning.brand,
        strength: meaning.strength,
        category: meaning.category,
        floor: meaning.floor,
      });
    }
    if (forceStrict || (folded.match(LATIN)?.length ?? 0) <= strictMax) strict[id] = 1;
  };

  const none = { brand: -1, strength: 'name' as AliasStrength, category: -1, floor: 0 };
  const brands: CompiledBrand[] = merged.brands.map((brand, b) => {
    for (const alias of brand.aliases) add(alias, { ...none, kind: 'alias', brand: b });
    for (const alias of brand.weakAliases) add(alias, { ...none, kind: 'alias', brand: b, strength: 'code' }, true);
    for (const model of brand.models) {
      const category = model.category === undefined ? -1 : (categoryIndex.get(model.category) ?? -1);
      for (const name of model.names) {
        add(name, { kind: 'alias', brand: b, strength: model.weak === true ? 'motif' : 'name', category, floor: model.floor ?? 0 }, model.weak === true);
      }
    }
    const floors = new Float64Array(merged.categories.length);
    const floorCategories: number[] = [];
    for (const [category, floor] of brand.floors) {
      const index = categoryIndex.get(category);
      if (index === undefined) continue;
      floors[index] = floor.price;
      floorCategories.push(index);
    }
    const prices = [...brand.floors.values()].map((floor) => floor.price);
    return {
      id: brand.id,
      names: brand.names,
      floors,
      lowestFloor: prices.length > 0 ? Math.min(...prices) : 0,
      floorCategories,
      shopNames: new Set(brand.authorisedShops.map((shop) => foldText(shop.name))),
      shopIds: new Set(brand.authorisedShops.flatMap((shop) => (shop.shopId ? [shop.shopId] : []))),
    };
  });
  merged.categories.forEach((category, c) => {
    for (const term of category.terms) add(term, { ...none, kind: 'category', category: c });
  });
  for (const kind of LEXICON_NAMES) {
    for (const term of merged.lexicons[kind]) {
      add(termText(term), { ...none, kind, position: typeof term === 'string' ? 'anywhere' : term.position });
    }
  }

  const automaton = buildAutomaton(patterns);
  return {
    packs: merged.packs,
    brands,
    categories: merged.categories.map((category) => ({ id: category.id, names: category.names })),
    meanings,
    meaningCount,
    scratch: new AssessmentScratch(brands.length, merged.categories.length, meaningCount),
    matcher: new TitleMatcher(automaton, Uint8Array.from(strict), Uint32Array.from(spacing)),
    stats: { patterns: patterns.length, states: automaton.stateCount, classes: automaton.classCount },
  };
}
