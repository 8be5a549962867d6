/**
 * assessListing's working memory for one CompiledRules: per-brand counters that are reset by
 * walking the list of brands the last title touched (not all brands), and caches of the reasons
 * that depend only on the rules (a brand, a term), built once and shared between verdicts.
 * Single-threaded JavaScript and a synchronous assessListing make the reuse safe.
 */
import type { Reason } from '../verdict';
import type { Meaning } from './compile-rules';

export class AssessmentScratch {
  /** Per brand: hits of outright names, of codes and motifs, of codes alone; first position. */
  readonly names: Int32Array;
  readonly weak: Int32Array;
  readonly codes: Int32Array;
  readonly first: Int32Array;
  /** Per brand: the highest model floor named, its model's text, and a model's category. */
  readonly modelFloor: Float64Array;
  readonly modelLabel: (string | null)[];
  readonly modelCategory: Int32Array;
  readonly touchedBrands: Int32Array;
  touchedBrandCount = 0;
  readonly categorySeen: Uint8Array;
  readonly touchedCategories: Int32Array;
  touchedCategoryCount = 0;

  /** The title's first counterfeit, lookalike, accessory and second-hand terms, and its slang count. */
  counterfeit: Meaning | null = null;
  counterfeitCount = 0;
  lookalike: Meaning | null = null;
  accessory: Meaning | null = null;
  secondHand: Meaning | null = null;
  /** The brand chosen for the title (-1: none), how many brands it names outright, and whether
   * the brand was found through weak aliases only. */
  chosen = -1;
  namedBrands = 0;
  byWeakAliases = false;

  /** Reasons keyed by meaning id, or by meaning id × brand count + brand. */
  readonly termReasons: (Reason | undefined)[] = [];
  readonly brandReasons: (Reason | undefined)[];
  /** Floor labels keyed by brand × (category count + 1) + category + 1 (category -1: none). */
  readonly floorLabels: ({ en: string; zh_CN: string } | undefined)[] = [];
  /** Raw shop name → folded, for the authorised-shop check; shops repeat across a page. */
  readonly shopNames = new Map<string, string>();

  constructor(
    readonly brandCount: number,
    readonly categoryCount: number,
    readonly meaningCount: number,
  ) {
    this.names = new Int32Array(brandCount);
    this.weak = new Int32Array(brandCount);
    this.codes = new Int32Array(brandCount);
    this.first = new Int32Array(brandCount).fill(-1);
    this.modelFloor = new Float64Array(brandCount);
    this.modelLabel = new Array<string | null>(brandCount).fill(null);
    this.modelCategory = new Int32Array(brandCount).fill(-1);
    this.touchedBrands = new Int32Array(brandCount);
    this.categorySeen = new Uint8Array(categoryCount);
    this.touchedCategories = new Int32Array(categoryCount);
    this.brandReasons = new Array<Reason | undefined>(brandCount);
  }

  /** Marks a brand as seen in this title; its counters start from zero. */
  touchBrand(brand: number, position: number): void {
    if (this.first[brand] !== -1) return;
    this.first[brand] = position;
    this.touchedBrands[this.touchedBrandCount++] = brand;
  }

  seeCategory(category: number): void {
    if (this.categorySeen[category] === 1) return;
    this.categorySeen[category] = 1;
    this.touchedCategories[this.touchedCategoryCount++] = category;
  }

  /** Clears what the previous title touched. */
  reset(): void {
    for (let i = 0; i < this.touchedBrandCount; i++) {
      const brand = this.touchedBrands[i] as number;
      this.names[brand] = 0;
      this.weak[brand] = 0;
      this.codes[brand] = 0;
      this.first[brand] = -1;
      this.modelFloor[brand] = 0;
      this.modelLabel[brand] = null;
      this.modelCategory[brand] = -1;
    }
    this.touchedBrandCount = 0;
    for (let i = 0; i < this.touchedCategoryCount; i++) this.categorySeen[this.touchedCategories[i] as number] = 0;
    this.touchedCategoryCount = 0;
    this.counterfeit = null;
    this.counterfeitCount = 0;
    this.lookalike = null;
    this.accessory = null;
    this.secondHand = null;
    this.chosen = -1;
    this.namedBrands = 0;
    this.byWeakAliases = false;
  }

  addTerm(meaning: Meaning): void {
    switch (meaning.kind) {
      case 'counterfeit':
        this.counterfeit ??= meaning;
        this.counterfeitCount++;
        break;
      case 'lookalike':
        this.lookalike ??= meaning;
        break;
      case 'accessory':
        this.accessory ??= meaning;
        break;
      case 'secondHand':
        this.secondHand ??= meaning;
        break;
    }
  }
}
