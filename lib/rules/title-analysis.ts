/**
 * Reading a title: what it sells (categories and materials), which brand it refers to, and who the
 * brand is to the listing — its claimed maker, a brand it looks like, a brand it is made for, its
 * topic, or a motif only. Words that only look like the brand (coach + 口哨) leave no brand at all.
 *
 * The reading is written into the scratch (counters, terms) and summed up in a TitleReading; it
 * knows nothing of prices or shops (scoring.ts weighs those).
 */
import type { AssessmentScratch } from './assessment-scratch';
import type { AliasStrength, CompiledBrand, CompiledRules, Meaning } from './compile-rules';

/**
 * - maker: the title offers the brand's own product (the only role that can be medium or high);
 * - lookalike: it is like the brand (同款, …风, 平替, a model or style word without the brand's name);
 * - made-for: it is made for the brand's products (适用, 内胆包, 表带);
 * - about: the brand is its topic (a book, an authentication or cleaning service);
 * - motif: a pattern the brand is known for, no brand named.
 */
export type BrandRole = 'maker' | 'lookalike' | 'made-for' | 'about' | 'motif';

export interface TitleReading {
  /** Index in rules.brands, -1 when the title refers to no brand. */
  brand: number;
  role: BrandRole;
  /** The strongest way the title names the brand. */
  via: AliasStrength;
  /** The word behind a role other than maker (the lookalike term, the model, the accessory word). */
  roleTerm: Meaning | null;
  /** For role "about": the category that makes the brand a topic. */
  aboutCategory: number;
  /** Brands named outright (names, nicknames, squatters, codes that hold). */
  namedBrands: number;
}

const NONE: TitleReading = Object.freeze({ brand: -1, role: 'maker', via: 'name', roleTerm: null, aboutCategory: -1, namedBrands: 0 });

export function readTitle(rules: CompiledRules, scratch: AssessmentScratch, title: string): TitleReading {
  scratch.reset();
  const scan = scratch.scan;
  const count = rules.matcher.scan(title, scan);
  if (count === 0) return NONE;
  scratch.clearPositions(scan.foldedLength);
  collectHits(rules, scratch, count);
  countNames(scratch);
  attachPositionalTerms(rules, scratch, count);
  return resolve(rules, scratch);
}

/** First pass: categories, materials and anywhere-terms are known at once; names wait for the categories. */
function collectHits(rules: CompiledRules, scratch: AssessmentScratch, count: number): void {
  const { hitPattern, hitStart, hitEnd } = scratch.scan;
  for (let h = 0; h < count; h++) {
    const list = rules.meanings[hitPattern[h] as number] as readonly Meaning[];
    for (let m = 0; m < list.length; m++) {
      const meaning = list[m] as Meaning;
      switch (meaning.kind) {
        case 'alias': {
          scratch.aliasHits.push(meaning);
          scratch.aliasHitStart.push(hitStart[h] as number);
          scratch.aliasHitEnd.push(hitEnd[h] as number);
          scratch.nameEndsAt[hitEnd[h] as number] = meaning.brand;
          scratch.nameStartsAt[hitStart[h] as number] = meaning.brand;
          break;
        }
        case 'category':
          scratch.seeCategory(meaning.category);
          break;
        case 'material':
          scratch.seeMaterial(meaning.category);
          break;
        case 'not-brand':
          scratch.touchBrand(meaning.brand, 0x7fffffff);
          scratch.notBrand[meaning.brand] = 1;
          break;
        case 'neutral':
          break;
        default:
          if (meaning.position === 'anywhere') addTerm(scratch, meaning);
      }
    }
  }
}

function addTerm(scratch: AssessmentScratch, meaning: Meaning): void {
  switch (meaning.kind) {
    case 'counterfeit':
      scratch.counterfeit ??= meaning;
      scratch.counterfeitCount++;
      break;
    case 'factory':
      scratch.factory ??= meaning;
      break;
    case 'lookalike':
      scratch.lookalike ??= meaning;
      break;
    case 'accessory':
      scratch.accessory ??= meaning;
      break;
    case 'secondHand':
      scratch.secondHand ??= meaning;
      break;
    case 'partPrice':
      scratch.partPrice ??= meaning;
      break;
    default:
      break;
  }
}

/** A name counts when its scope (the categories it needs) is met by the title. */
function countNames(scratch: AssessmentScratch): void {
  const { aliasHits, aliasHitStart, categorySeen } = scratch;
  // Two rounds: names with a scope wait for the models, since a model of the same brand also holds
  // them ("SK2 神仙水", "IWC 葡计": the code and one of the brand's designs).
  for (let round = 0; round < 2; round++) {
    for (let i = 0; i < aliasHits.length; i++) {
      const meaning = aliasHits[i] as Meaning;
      const scope = meaning.scope;
      if ((scope !== null) !== (round === 1)) continue;
      if (scope !== null && (scratch.models[meaning.brand] as number) === 0) {
        let met = false;
        for (let s = 0; s < scope.length && !met; s++) met = categorySeen[scope[s] as number] === 1;
        if (!met && !corroborated(aliasHits, i)) continue;
      }
      countName(scratch, meaning, aliasHitStart[i] as number);
      // A name that counts wins the place over one that does not ("BV同款": Bottega with a bag, Bulgari with a watch).
      scratch.nameEndsAt[scratch.aliasHitEnd[i] as number] = meaning.brand;
      scratch.nameStartsAt[aliasHitStart[i] as number] = meaning.brand;
    }
  }
}

/**
 * Two scoped names of one brand vouch for each other when one of them is a model whose category the
 * other needs: "B家 沙漏包" is a Balenciaga bag, though neither the nickname nor the model is enough alone.
 */
function corroborated(aliasHits: readonly Meaning[], i: number): boolean {
  const meaning = aliasHits[i] as Meaning;
  for (let j = 0; j < aliasHits.length; j++) {
    const other = aliasHits[j] as Meaning;
    if (j === i || other.brand !== meaning.brand || other.strength === meaning.strength || other.scope === null) continue;
    const category = meaning.category >= 0 ? meaning.category : other.category;
    if (category >= 0 && (meaning.scope as readonly number[]).includes(category) && other.scope.includes(category)) return true;
  }
  return false;
}

function countName(scratch: AssessmentScratch, meaning: Meaning, start: number): void {
  const b = meaning.brand;
  scratch.touchBrand(b, start);
  switch (meaning.strength) {
    case 'name':
      scratch.fullNames[b] = (scratch.fullNames[b] as number) + 1;
      scratch.named[b] = (scratch.named[b] as number) + 1;
      break;
    case 'nickname':
      scratch.nicknames[b] = (scratch.nicknames[b] as number) + 1;
      scratch.named[b] = (scratch.named[b] as number) + 1;
      break;
    case 'code':
      scratch.codes[b] = (scratch.codes[b] as number) + 1;
      scratch.named[b] = (scratch.named[b] as number) + 1;
      break;
    case 'squatter':
      scratch.squatters[b] = (scratch.squatters[b] as number) + 1;
      scratch.named[b] = (scratch.named[b] as number) + 1;
      break;
    case 'model':
      scratch.models[b] = (scratch.models[b] as number) + 1;
      scratch.modelWord[b] ??= meaning;
      // A model says what is sold (钉子手镯 is a bracelet), though it hides the category word in it.
      if (meaning.category >= 0 && scratch.modelCategory[b] === -1) scratch.modelCategory[b] = meaning.category;
      if (meaning.floor > 0 && meaning.floor > (scratch.modelFloor[b]?.floor ?? 0)) scratch.modelFloor[b] = meaning;
      break;
    case 'style':
      // 小香风: the brand's style named, so a lookalike of it, even beside the brand's name.
      scratch.styles[b] = (scratch.styles[b] as number) + 1;
      scratch.modelWord[b] ??= meaning;
      scratch.lookalikeNext[b] ??= meaning;
      break;
    case 'motif':
      scratch.motifs[b] = (scratch.motifs[b] as number) + 1;
      scratch.modelWord[b] ??= meaning;
      break;
  }
}

/** Terms that count only right next to a brand's name: "仿LV", "香奈儿风", "GM同款", "适用LV". */
function attachPositionalTerms(rules: CompiledRules, scratch: AssessmentScratch, count: number): void {
  const { hitPattern, hitStart, hitEnd, foldedLength } = scratch.scan;
  for (let h = 0; h < count; h++) {
    const list = rules.meanings[hitPattern[h] as number] as readonly Meaning[];
    for (let m = 0; m < list.length; m++) {
      const meaning = list[m] as Meaning;
      if (meaning.position === 'anywhere') continue;
      const start = hitStart[h] as number;
      const end = hitEnd[h] as number;
      const brand =
        meaning.position === 'after-brand'
          ? start > 0 ? (scratch.nameEndsAt[start - 1] as number) : -1
          : end + 1 < foldedLength ? (scratch.nameStartsAt[end + 1] as number) : -1;
      if (brand < 0) continue;
      if (meaning.kind === 'counterfeit') {
        // Slang right against a name corroborates it ("仿LV" is LV whatever is sold).
        if (scratch.named[brand] === 0) {
          scratch.touchBrand(brand, end + 1);
          scratch.codes[brand] = (scratch.codes[brand] as number) + 1;
          scratch.named[brand] = 1;
        }
        addTerm(scratch, meaning);
      } else if (scratch.first[brand] === -1) {
        continue;
      } else if (meaning.kind === 'lookalike') {
        scratch.lookalikeNext[brand] ??= meaning;
        // "LV 香奈儿 古驰同款": a lookalike of the brands named, whichever is chosen.
        scratch.lookalike ??= meaning;
      } else if (meaning.kind === 'accessory') {
        scratch.accessoryNext[brand] ??= meaning;
        // "适用LV 古驰 包包": made for every brand the title lists, as a lookalike word is.
        scratch.accessory ??= meaning;
      }
      else addTerm(scratch, meaning);
    }
  }
}

function sellsNamedCategory(rules: CompiledRules, scratch: AssessmentScratch, brand: number): boolean {
  const sells = (rules.brands[brand] as CompiledBrand).sells;
  for (let i = 0; i < scratch.touchedCategoryCount; i++) if (sells[scratch.touchedCategories[i] as number] === 1) return true;
  return false;
}

/** Picks the brand (most outright names, then the earliest), then its role. */
function resolve(rules: CompiledRules, scratch: AssessmentScratch): TitleReading {
  const { touchedBrands, touchedBrandCount, notBrand, first } = scratch;
  let named = -1;
  let namedBrands = 0;
  let designed = -1;
  let motif = -1;
  const better = (counts: Int32Array, b: number, best: number): boolean =>
    best === -1 || (counts[b] as number) > (counts[best] as number) || (counts[b] === counts[best] && (first[b] as number) < (first[best] as number));
  // A short code counts only while no brand is named outright: "LV 包包 古驰同款" is about Gucci.
  let outright = false;
  for (let i = 0; i < touchedBrandCount && !outright; i++) {
    const b = touchedBrands[i] as number;
    outright = notBrand[b] === 0 && (scratch.named[b] as number) > (scratch.codes[b] as number);
  }
  for (let i = 0; i < touchedBrandCount; i++) {
    const b = touchedBrands[i] as number;
    if (notBrand[b] === 1) continue;
    if (outright && scratch.named[b] === scratch.codes[b]) scratch.named[b] = 0;
    if ((scratch.named[b] as number) > 0) {
      namedBrands++;
      if (better(scratch.named, b, named)) named = b;
    } else if (!sellsNamedCategory(rules, scratch, b)) {
      // A design word alone (海马, 四叶草) stands for the brand only beside something the brand makes:
      // 海马 汽车 雨刮器 is a car part, 四叶草 发夹 a hair clip.
      continue;
    } else if ((scratch.models[b] as number) + (scratch.styles[b] as number) > 0) {
      const designs = (scratch.models[b] as number) + (scratch.styles[b] as number);
      const best = designed === -1 ? -1 : (scratch.models[designed] as number) + (scratch.styles[designed] as number);
      if (designed === -1 || designs > best || (designs === best && (first[b] as number) < (first[designed] as number))) designed = b;
    } else if ((scratch.motifs[b] as number) > 0 && better(scratch.motifs, b, motif)) {
      motif = b;
    }
  }
  const brand = named !== -1 ? named : designed !== -1 ? designed : motif;
  if (brand === -1) return NONE;

  const has = (counts: Int32Array): boolean => (counts[brand] as number) > 0;
  const via: AliasStrength =
    named !== -1
      ? has(scratch.fullNames) ? 'name' : has(scratch.squatters) ? 'squatter' : has(scratch.nicknames) ? 'nickname' : 'code'
      : designed !== -1 ? (has(scratch.models) ? 'model' : 'style') : 'motif';
  const reading = (role: BrandRole, roleTerm: Meaning | null, aboutCategory = -1): TitleReading => ({ brand, role, via, roleTerm, aboutCategory, namedBrands });

  // Counterfeit slang makes a claim of the brand (a replica), whatever else the title says of it;
  // not of a style or motif alone: "小香风 外套 外贸原单" names no brand to copy, only a look.
  if (scratch.counterfeit && via !== 'motif' && via !== 'style') return reading('maker', null);
  for (let i = 0; i < scratch.touchedCategoryCount; i++) {
    const category = scratch.touchedCategories[i] as number;
    if (rules.categories[category]?.kind === 'about') return reading('about', null, category);
  }
  const accessory = scratch.accessoryNext[brand] ?? scratch.accessory;
  if (accessory) return reading('made-for', accessory);
  if (via === 'motif') return reading('motif', scratch.modelWord[brand] ?? null);
  if (via === 'model' || via === 'style') return reading('lookalike', scratch.modelWord[brand] ?? null);
  const lookalike = scratch.lookalikeNext[brand] ?? scratch.lookalike;
  if (lookalike) return reading('lookalike', lookalike);
  return reading('maker', null);
}
