/**
 * An assessment's working memory for one CompiledRules: the scan buffers, per-brand counters that are
 * reset by walking the brands the last title touched (not all brands), and caches of what depends
 * only on the rules (a reason for a term, a floor label), built once and shared between verdicts.
 * The compiled rules stay immutable; each rules object gets its own scratch, kept here, beside the
 * assessment. Single-threaded JavaScript and a synchronous assessListing make the reuse safe.
 */
import type { Reason } from '../verdict';
import type { CompiledRules, Meaning } from './compile-rules';
import { ScanBuffers } from './title-matcher';

export class AssessmentScratch {
  readonly scan = new ScanBuffers();

  /** Per brand, hits that count: outright names (names, nicknames, squatters, codes that hold), and each strength. */
  readonly named: Int32Array;
  readonly fullNames: Int32Array;
  readonly nicknames: Int32Array;
  readonly codes: Int32Array;
  readonly squatters: Int32Array;
  readonly models: Int32Array;
  readonly styles: Int32Array;
  readonly motifs: Int32Array;
  /** Per brand: where it is first named (folded position), -1 when the title does not touch it. */
  readonly first: Int32Array;
  /** Per brand: a lookalike or made-for term right next to one of its names, or a word showing it is not the brand. */
  readonly lookalikeNext: (Meaning | null)[];
  readonly accessoryNext: (Meaning | null)[];
  readonly notBrand: Uint8Array;
  /** Per brand: the model with the highest own floor named, and the first model or style word named. */
  readonly modelFloor: (Meaning | null)[];
  readonly modelWord: (Meaning | null)[];
  /** Per brand: the category of the first model named with one, -1: none. */
  readonly modelCategory: Int32Array;
  readonly touchedBrands: Int32Array;
  touchedBrandCount = 0;

  readonly categorySeen: Uint8Array;
  readonly touchedCategories: Int32Array;
  touchedCategoryCount = 0;
  readonly materialSeen: Uint8Array;
  readonly touchedMaterials: Int32Array;
  touchedMaterialCount = 0;

  /** Alias hits of the title, to weigh once every category is known: meaning per hit. */
  aliasHits: Meaning[] = [];
  aliasHitStart: number[] = [];
  aliasHitEnd: number[] = [];
  /** Folded position → a brand index whose name ends (starts) there, -1: none. */
  nameEndsAt = new Int32Array(256);
  nameStartsAt = new Int32Array(256);

  /** The title's first counterfeit, factory, lookalike, accessory, second-hand and part-price terms. */
  counterfeit: Meaning | null = null;
  counterfeitCount = 0;
  factory: Meaning | null = null;
  lookalike: Meaning | null = null;
  accessory: Meaning | null = null;
  secondHand: Meaning | null = null;
  partPrice: Meaning | null = null;

  /**
   * Reasons keyed by ((meaning id × (brand count + 1) + brand + 1) × uses + use) × languages + language
   * (brand -1: none; see scoring.ts); their text is in the language form they were built for.
   */
  readonly termReasons = new Map<number, Reason<unknown>>();
  /**
   * "Offered as …" reasons and floor labels, keyed by brand × (category count + 1) + category + 1
   * (category -1: none); the reasons' key also × languages + language.
   */
  readonly makerReasons = new Map<number, Reason<unknown>>();
  readonly floorLabels = new Map<number, { en: string; zh_CN: string }>();
  /** Raw shop name → folded, for the shop checks; shops repeat across a page. */
  readonly shopNames = new Map<string, string>();

  constructor(readonly rules: CompiledRules) {
    const brandCount = rules.brands.length;
    this.named = new Int32Array(brandCount);
    this.fullNames = new Int32Array(brandCount);
    this.nicknames = new Int32Array(brandCount);
    this.codes = new Int32Array(brandCount);
    this.squatters = new Int32Array(brandCount);
    this.models = new Int32Array(brandCount);
    this.styles = new Int32Array(brandCount);
    this.motifs = new Int32Array(brandCount);
    this.first = new Int32Array(brandCount).fill(-1);
    this.lookalikeNext = new Array<Meaning | null>(brandCount).fill(null);
    this.accessoryNext = new Array<Meaning | null>(brandCount).fill(null);
    this.notBrand = new Uint8Array(brandCount);
    this.modelFloor = new Array<Meaning | null>(brandCount).fill(null);
    this.modelWord = new Array<Meaning | null>(brandCount).fill(null);
    this.modelCategory = new Int32Array(brandCount).fill(-1);
    this.touchedBrands = new Int32Array(brandCount);
    this.categorySeen = new Uint8Array(rules.categories.length);
    this.touchedCategories = new Int32Array(rules.categories.length);
    this.materialSeen = new Uint8Array(rules.materials.length);
    this.touchedMaterials = new Int32Array(rules.materials.length);
  }

  /** Marks a brand as seen in this title; its counters start from zero. */
  touchBrand(brand: number, position: number): void {
    const first = this.first[brand] as number;
    if (first === -1) this.touchedBrands[this.touchedBrandCount++] = brand;
    if (first === -1 || position < first) this.first[brand] = position;
  }

  seeCategory(category: number): void {
    if (this.categorySeen[category] === 1) return;
    this.categorySeen[category] = 1;
    this.touchedCategories[this.touchedCategoryCount++] = category;
  }

  seeMaterial(material: number): void {
    if (this.materialSeen[material] === 1) return;
    this.materialSeen[material] = 1;
    this.touchedMaterials[this.touchedMaterialCount++] = material;
  }

  /** The position maps, sized and cleared for a title of `length` folded units. */
  clearPositions(length: number): void {
    if (this.nameEndsAt.length < length) {
      this.nameEndsAt = new Int32Array(length * 2);
      this.nameStartsAt = new Int32Array(length * 2);
    }
    this.nameEndsAt.fill(-1, 0, length);
    this.nameStartsAt.fill(-1, 0, length);
  }

  /** Clears what the previous title touched. */
  reset(): void {
    for (let i = 0; i < this.touchedBrandCount; i++) {
      const b = this.touchedBrands[i] as number;
      this.named[b] = 0;
      this.fullNames[b] = 0;
      this.nicknames[b] = 0;
      this.codes[b] = 0;
      this.squatters[b] = 0;
      this.models[b] = 0;
      this.styles[b] = 0;
      this.motifs[b] = 0;
      this.first[b] = -1;
      this.lookalikeNext[b] = null;
      this.accessoryNext[b] = null;
      this.notBrand[b] = 0;
      this.modelFloor[b] = null;
      this.modelWord[b] = null;
      this.modelCategory[b] = -1;
    }
    this.touchedBrandCount = 0;
    for (let i = 0; i < this.touchedCategoryCount; i++) this.categorySeen[this.touchedCategories[i] as number] = 0;
    this.touchedCategoryCount = 0;
    for (let i = 0; i < this.touchedMaterialCount; i++) this.materialSeen[this.touchedMaterials[i] as number] = 0;
    this.touchedMaterialCount = 0;
    this.aliasHits.length = 0;
    this.aliasHitStart.length = 0;
    this.aliasHitEnd.length = 0;
    this.counterfeit = null;
    this.counterfeitCount = 0;
    this.factory = null;
    this.lookalike = null;
    this.accessory = null;
    this.secondHand = null;
    this.partPrice = null;
  }
}

const scratches = new WeakMap<CompiledRules, AssessmentScratch>();

/** The scratch for these rules, made on first use. */
export function scratchFor(rules: CompiledRules): AssessmentScratch {
  let scratch = scratches.get(rules);
  if (!scratch) {
    scratch = new AssessmentScratch(rules);
    scratches.set(rules, scratch);
  }
  return scratch;
}
