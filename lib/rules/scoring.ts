/**
 * Weighing a read title against the listing's price and shop, and the notices that name it: a score
 * (0–100; sensitivity.ts turns it into a risk level) and the reasons, each with its weight.
 *
 * Only a claimed maker can be medium or high. Its evidence:
 *   brand named ......................... 10   (a brand and nothing else is "low")
 *   counterfeit slang ................... +70  (+5 per further term, up to +15)        strong
 *   price under 60 % of the floor ....... +55                                          strong
 *   price under the floor ............... +30                                          supporting
 *   a name made to pass as the brand .... +30                                          supporting
 *   factory or wholesale wording ........ +25                                          supporting
 *   three or more brands named .......... +20                                          supporting
 *   the brand named only by a nickname,
 *   an abbreviation or a design ......... +10                                          supporting
 *   notice puts the brand under rules ... +25 and at least 50, unless the shop is authorised
 *   notice names the item or shop ....... 100, whatever the title
 * Prices are compared only when the title says what is sold, the brand makes it, the shown price is
 * the item's (not a deposit), and the shop is not one the brand authorises or the platform runs.
 * Second-hand listings are held to half the floor, and never to the strong signal.
 * A lookalike that names the brand scores 20 (medium only for strict brand staff); made-for, about
 * and motif-only listings 10: never more than low.
 */
import type { LocalizedText, NoticeHit, Reason } from '../verdict';
import type { AssessableListing } from './assessable-listing';
import type { AssessmentScratch } from './assessment-scratch';
import { isBrandStoreName, type CompiledBrand, type CompiledCategory, type CompiledRules, type Floor, type Meaning } from './compile-rules';
import {
  aboutText,
  accessoryText,
  authorisedShopText,
  brandMakerText,
  brandStuffingText,
  counterfeitTermText,
  designOnlyText,
  factoryText,
  indirectNameText,
  lookalikeText,
  motifText,
  noticeBrandText,
  noticeNamedText,
  notSoldText,
  partPriceText,
  priceBelowFloorText,
  productLabel,
  secondHandText,
  squatterText,
  trustedShopText,
} from './reason-texts';
import { foldText } from './text-folding';
import type { TitleReading } from './title-analysis';
import { VERDICT_LANGUAGE_COUNT, type VerdictLanguage } from './verdict-language';

const BRAND_SCORE = 10;
const COUNTERFEIT_SCORE = 70;
const EXTRA_COUNTERFEIT_SCORE = 5;
const FAR_BELOW_FLOOR_SCORE = 55;
const BELOW_FLOOR_SCORE = 30;
/** "Far below" means under this share of the floor. */
const FAR_BELOW_RATIO = 0.6;
const SECOND_HAND_FLOOR_RATIO = 0.5;
const SQUATTER_SCORE = 30;
const FACTORY_SCORE = 25;
const STUFFING_SCORE = 20;
const STUFFING_MIN_BRANDS = 3;
const INDIRECT_NAME_SCORE = 10;
const NAMED_LOOKALIKE_SCORE = 20;
const NOTICE_BRAND_SCORE = 25;
const NOTICE_BRAND_MIN = 50;
const NOTICE_NAMED_SCORE = 100;

export interface Scored<Text = LocalizedText> {
  score: number;
  reasons: Reason<Text>[];
  /** The notice behind the strongest notice reason (item or shop before brand). */
  notice: NoticeHit | undefined;
}

/** A notice's source link, kept only when it is http(s): feed data is not trusted to be a safe link. */
function noticeSource(hit: NoticeHit): { url?: string } {
  return hit.url && /^https?:\/\//i.test(hit.url) ? { url: hit.url } : {};
}

export function scoreReading<Text>(
  rules: CompiledRules,
  scratch: AssessmentScratch,
  reading: TitleReading,
  listing: AssessableListing,
  noticeHits: readonly NoticeHit[],
  language: VerdictLanguage<Text>,
): Scored<Text> {
  const findings: Reason<Text>[] = [];
  const context: Reason<Text>[] = [];
  let namingNotice: NoticeHit | undefined;
  for (const hit of noticeHits) {
    if (hit.match !== 'item' && hit.match !== 'shop') continue;
    findings.push({ code: hit.match === 'item' ? 'notice-item' : 'notice-shop', text: language.word(noticeNamedText(hit, hit.match)), weight: 'strong', noticeId: hit.noticeId, ...noticeSource(hit) });
    namingNotice ??= hit;
  }
  if (reading.brand === -1) return { score: namingNotice ? NOTICE_NAMED_SCORE : 0, reasons: findings, notice: namingNotice };

  const b = reading.brand;
  const brand = rules.brands[b] as CompiledBrand;
  let score = BRAND_SCORE;
  let brandNotice: NoticeHit | undefined;

  if (reading.role !== 'maker') {
    context.push(roleReason(rules, scratch, language, reading, brand));
    if (reading.role === 'lookalike' && reading.via !== 'model' && reading.via !== 'style') score = NAMED_LOOKALIKE_SCORE;
  } else {
    const shop = shopStanding(rules, scratch, language, brand, listing);
    if (scratch.counterfeit) {
      score += COUNTERFEIT_SCORE + EXTRA_COUNTERFEIT_SCORE * Math.min(scratch.counterfeitCount - 1, 3);
      findings.push(termReason(scratch, language, scratch.counterfeit, -1, TermUse.Counterfeit, () => ({ code: 'counterfeit-term', text: language.word(counterfeitTermText(scratch.counterfeit?.text ?? '')), weight: 'strong' })));
    }
    if (reading.via === 'squatter') {
      score += SQUATTER_SCORE;
      const term = firstAlias(scratch, b, 'squatter');
      findings.push(termReason(scratch, language, term, b, TermUse.Squatter, () => ({ code: 'squatter-name', text: language.word(squatterText(term?.text ?? '', brand.names)), weight: 'supporting' })));
    }
    if (scratch.factory) {
      score += FACTORY_SCORE;
      const factory = scratch.factory;
      findings.push(termReason(scratch, language, factory, -1, TermUse.Factory, () => ({ code: 'factory-wording', text: language.word(factoryText(factory.text)), weight: 'supporting' })));
    }
    if (reading.namedBrands >= STUFFING_MIN_BRANDS) {
      score += STUFFING_SCORE;
      const named: CompiledBrand[] = [];
      for (let i = 0; i < scratch.touchedBrandCount; i++) {
        const other = scratch.touchedBrands[i] as number;
        if ((scratch.named[other] as number) > 0 && scratch.notBrand[other] === 0) named.push(rules.brands[other] as CompiledBrand);
      }
      findings.push({ code: 'brand-stuffing', text: language.word(brandStuffingText(named.map((n) => n.names))), weight: 'supporting' });
    }
    if (reading.via === 'nickname' || reading.via === 'code' || reading.via === 'model' || reading.via === 'style') {
      score += INDIRECT_NAME_SCORE;
      const how = reading.via === 'nickname' ? 'nickname' : reading.via === 'code' ? 'code' : 'design';
      const term = firstAlias(scratch, b, reading.via);
      findings.push(termReason(scratch, language, term, b, TermUse.IndirectName, () => ({ code: 'indirect-name', text: language.word(indirectNameText(term?.text ?? '', brand.names, how)), weight: 'supporting' })));
    }
    score += priceFindings(rules, scratch, language, brand, b, listing, shop !== null, findings, context);

    const category = firstSoldCategory(scratch, brand, b);
    context.unshift(makerReason(rules, scratch, language, b, category));
    if (shop) {
      context.push(shop);
      score = Math.min(score, BRAND_SCORE);
    } else {
      for (const hit of noticeHits) {
        if (hit.match !== 'brand' || hit.brand !== brand.id) continue;
        brandNotice ??= hit;
        findings.push({ code: 'notice-brand', text: language.word(noticeBrandText(hit, brand.names)), weight: 'strong', noticeId: hit.noticeId, ...noticeSource(hit) });
      }
      if (brandNotice) score = Math.max(score + NOTICE_BRAND_SCORE, NOTICE_BRAND_MIN);
    }
    if (scratch.secondHand) {
      const secondHand = scratch.secondHand;
      context.push(termReason(scratch, language, secondHand, -1, TermUse.SecondHand, () => ({ code: 'second-hand', text: language.word(secondHandText(secondHand.text)), weight: 'context' })));
    }
  }
  if (namingNotice) score = NOTICE_NAMED_SCORE;
  findings.sort((x, y) => weightRank(x) - weightRank(y));
  for (const reason of context) findings.push(reason);
  return { score: Math.min(100, score), reasons: findings, notice: namingNotice ?? brandNotice };
}

/** Notices first (they name this very listing or its brand), then strong findings, then supporting ones. */
const weightRank = (reason: Reason<unknown>): number => (reason.code.startsWith('notice-') ? 0 : reason.weight === 'strong' ? 1 : 2);

/** The reason that says who the brand is to a listing it does not make. */
function roleReason<Text>(rules: CompiledRules, scratch: AssessmentScratch, language: VerdictLanguage<Text>, reading: TitleReading, brand: CompiledBrand): Reason<Text> {
  const term = reading.roleTerm;
  switch (reading.role) {
    case 'about': {
      const category = rules.categories[reading.aboutCategory]?.names ?? { en: 'something', zh_CN: '内容' };
      return { code: 'about', text: language.word(aboutText(brand.names, category)), weight: 'context' };
    }
    case 'made-for':
      return termReason(scratch, language, term, reading.brand, TermUse.Accessory, () => ({ code: 'accessory', text: language.word(accessoryText(term?.text ?? '', brand.names)), weight: 'context' }));
    case 'motif':
      return termReason(scratch, language, term, reading.brand, TermUse.Motif, () => ({ code: 'motif', text: language.word(motifText(term?.text ?? '', brand.names)), weight: 'context' }));
    default:
      if (term && (term.strength === 'model' || (term.kind === 'alias' && reading.via === 'model'))) {
        return termReason(scratch, language, term, reading.brand, TermUse.Design, () => ({ code: 'lookalike', text: language.word(designOnlyText(term.text, brand.names)), weight: 'context' }));
      }
      return termReason(scratch, language, term, reading.brand, TermUse.Lookalike, () => ({ code: 'lookalike', text: language.word(lookalikeText(term?.text ?? '', brand.names)), weight: 'context' }));
  }
}

/**
 * What a reason says of its term. One term can be read two ways: a model name is the design a
 * lookalike copies in one title and, beside 高仿, the name a replica hides behind in the next.
 */
const TermUse = {
  Counterfeit: 0,
  Squatter: 1,
  Factory: 2,
  IndirectName: 3,
  SecondHand: 4,
  Accessory: 5,
  Motif: 6,
  Design: 7,
  Lookalike: 8,
  PartPrice: 9,
} as const;
type TermUse = (typeof TermUse)[keyof typeof TermUse];
const TERM_USE_COUNT = 10;

/**
 * The reason for a term depends only on the term, its use (and the brand, for wording that names
 * it), so it is built once per rules and language and shared between verdicts.
 */
function termReason<Text>(scratch: AssessmentScratch, language: VerdictLanguage<Text>, meaning: Meaning | null, brand: number, use: TermUse, build: () => Reason<Text>): Reason<Text> {
  if (!meaning) return build();
  const key = ((meaning.id * (scratch.rules.brands.length + 1) + brand + 1) * TERM_USE_COUNT + use) * VERDICT_LANGUAGE_COUNT + language.slot;
  let reason = scratch.termReasons.get(key) as Reason<Text> | undefined;
  if (!reason) {
    const built = build();
    reason = Object.freeze({ ...built, text: Object.freeze(built.text) });
    scratch.termReasons.set(key, reason);
  }
  return reason;
}

/** The first alias of this strength the title used for the brand. */
function firstAlias(scratch: AssessmentScratch, brand: number, strength: Meaning['strength']): Meaning | null {
  for (const meaning of scratch.aliasHits) if (meaning.brand === brand && meaning.strength === strength) return meaning;
  return null;
}

/** "Offered as Gucci (bags)": one per brand, category and language, shared between verdicts. */
function makerReason<Text>(rules: CompiledRules, scratch: AssessmentScratch, language: VerdictLanguage<Text>, b: number, category: number): Reason<Text> {
  const key = (b * (rules.categories.length + 1) + category + 1) * VERDICT_LANGUAGE_COUNT + language.slot;
  let reason = scratch.makerReasons.get(key) as Reason<Text> | undefined;
  if (!reason) {
    const names = (rules.brands[b] as CompiledBrand).names;
    const text = language.word(brandMakerText(names, category >= 0 ? (rules.categories[category]?.names ?? null) : null));
    reason = Object.freeze({ code: 'brand', text: Object.freeze(text), weight: 'context' as const });
    scratch.makerReasons.set(key, reason);
  }
  return reason;
}

function foldedShopName(scratch: AssessmentScratch, name: string): string {
  let folded = scratch.shopNames.get(name);
  if (folded === undefined) {
    if (scratch.shopNames.size >= 4096) scratch.shopNames.clear();
    folded = foldText(name);
    scratch.shopNames.set(name, folded);
  }
  return folded;
}

/** A context reason when the shop is one that sells the brand genuinely; null otherwise. */
function shopStanding<Text>(rules: CompiledRules, scratch: AssessmentScratch, language: VerdictLanguage<Text>, brand: CompiledBrand, listing: AssessableListing): Reason<Text> | null {
  const shop = listing.shop;
  if (!shop) return null;
  const label = shop.name ?? shop.id ?? '';
  if (shop.id && brand.shopIds.has(shop.id)) return { code: 'authorised-shop', text: language.word(authorisedShopText(brand.names, label)), weight: 'context' };
  if (!shop.name) return null;
  const folded = foldedShopName(scratch, shop.name);
  const tmall = shop.platform === 'tmall' || shop.platform === 'tmall-global';
  if (brand.shopNames.has(folded) || (tmall && isBrandStoreName(brand, folded))) {
    return { code: 'authorised-shop', text: language.word(authorisedShopText(brand.names, shop.name)), weight: 'context' };
  }
  if (rules.trustedShops.has(folded)) return { code: 'trusted-shop', text: language.word(trustedShopText(shop.name)), weight: 'context' };
  return null;
}

/**
 * The categories the title sells that the brand makes, in order: the words the title names, then
 * what a named model is (钉子手镯, a bracelet). Calls `visit` for each; stops when it returns true.
 */
function forSoldCategories(scratch: AssessmentScratch, brand: CompiledBrand, b: number, visit: (category: number) => boolean): void {
  for (let i = 0; i < scratch.touchedCategoryCount; i++) {
    const c = scratch.touchedCategories[i] as number;
    if (brand.sells[c] === 1 && visit(c) === true) return;
  }
  const model = scratch.modelCategory[b] as number;
  if (model >= 0 && scratch.categorySeen[model] === 0 && brand.sells[model] === 1) visit(model);
}

/** The first category the title sells that the brand makes, -1 when none. */
function firstSoldCategory(scratch: AssessmentScratch, brand: CompiledBrand, b: number): number {
  let first = -1;
  forSoldCategories(scratch, brand, b, (c) => {
    first = c;
    return true;
  });
  return first;
}

interface TitleSize {
  /** The largest volume (ml) and weight (g) the title states, 0 when it states none. */
  ml: number;
  g: number;
}

const SIZE = /(?<!\d)(\d+(?:\.\d+)?)\s*(ml|毫升|g|克)(?![a-z])/gi;

function titleSize(title: string): TitleSize {
  const size = { ml: 0, g: 0 };
  for (const match of title.matchAll(SIZE)) {
    const amount = Number(match[1]);
    const unit = (match[2] as string).toLowerCase();
    if (unit === 'ml' || unit === '毫升') size.ml = Math.max(size.ml, amount);
    else size.g = Math.max(size.g, amount);
  }
  return size;
}

interface FloorChoice {
  floor: Floor;
  /** Category index, or -1 for a model's own floor. */
  category: number;
  model: Meaning | null;
}

/** The title names a mini category (小样, 试用装) that the brand has no floor for. */
function namesUnpricedMini(rules: CompiledRules, scratch: AssessmentScratch, brand: CompiledBrand): boolean {
  for (let i = 0; i < scratch.touchedCategoryCount; i++) {
    const named = scratch.touchedCategories[i] as number;
    if (!brand.floors[named] && rules.categories[named]?.holdsMinis === true) return true;
  }
  return false;
}

/** The material named decides when the brand prices it apart (18K against silver); the lowest if several. */
function materialFloor(rules: CompiledRules, scratch: AssessmentScratch, brand: CompiledBrand, category: number): Floor | null {
  const materialCount = rules.materials.length;
  let lowest: Floor | null = null;
  for (let k = 0; k < scratch.touchedMaterialCount; k++) {
    const floor = brand.materialFloors[category * materialCount + (scratch.touchedMaterials[k] as number)] ?? null;
    if (floor && (!lowest || floor.price < lowest.price)) lowest = floor;
  }
  return lowest;
}

/**
 * The floor the price is held to: the lowest among the categories the title names that the brand
 * makes (a title stuffed with 钱包 and 手提包 is held to the wallet's), each by the material named
 * when the brand has a floor for it; a named model's own floor stands in for its category.
 */
function chooseFloor(rules: CompiledRules, scratch: AssessmentScratch, brand: CompiledBrand, b: number, title: string): FloorChoice | null {
  const model = scratch.modelFloor[b] ?? null;
  // A sample or mini set of a brand with no sample floor: the full size's floor says nothing of it.
  if (namesUnpricedMini(rules, scratch, brand)) return null;
  let best: FloorChoice | null = model ? { floor: { price: model.floor, source: model.floorSource }, category: -1, model } : null;
  let size: TitleSize | undefined;
  forSoldCategories(scratch, brand, b, (named) => {
    if (model && model.category === named) {
      // Both are lower bounds on the genuine price: a mechanical 杜鲁尔 is held to the brand's
      // mechanical floor when that is the higher.
      const byMaterial = materialFloor(rules, scratch, brand, named);
      if (byMaterial && best && best.model === model && byMaterial.price > best.floor.price) best = { floor: byMaterial, category: named, model: null };
      return false;
    }
    // A 7 ml perfume or a 1.4 g lipstick is a mini: held to the brand's sample floor, if it has one.
    const category = rules.categories[named] as CompiledCategory;
    let c = named;
    if (category.miniAs >= 0) {
      size ??= titleSize(title);
      if ((category.miniMl > 0 && size.ml > 0 && size.ml < category.miniMl) || (category.miniG > 0 && size.g > 0 && size.g < category.miniG)) c = category.miniAs;
      if (c !== named && brand.sells[c] !== 1) return false;
    }
    const floor = materialFloor(rules, scratch, brand, c) ?? brand.floors[c] ?? null;
    if (floor && (!best || floor.price < best.floor.price)) best = { floor, category: c, model: null };
    return false;
  });
  return best;
}

/** Adds the price findings (or says why the price was not compared); returns their score. */
function priceFindings<Text>(
  rules: CompiledRules,
  scratch: AssessmentScratch,
  language: VerdictLanguage<Text>,
  brand: CompiledBrand,
  b: number,
  listing: AssessableListing,
  genuineShop: boolean,
  findings: Reason<Text>[],
  context: Reason<Text>[],
): number {
  const price = listing.price?.max;
  if (price === undefined || !(price > 0) || genuineShop) return 0;
  if (scratch.partPrice) {
    const part = scratch.partPrice;
    context.push(termReason(scratch, language, part, -1, TermUse.PartPrice, () => ({ code: 'price-not-compared', text: language.word(partPriceText(part.text)), weight: 'context' })));
    return 0;
  }
  const choice = chooseFloor(rules, scratch, brand, b, listing.title);
  if (!choice) {
    const named = scratch.touchedCategoryCount > 0 ? (scratch.touchedCategories[0] as number) : -1;
    const category = named >= 0 ? rules.categories[named] : undefined;
    if (category && category.kind === 'product' && brand.sells[named] !== 1) {
      context.push({ code: 'price-not-compared', text: language.word(notSoldText(brand.names, category.names)), weight: 'context' });
    }
    return 0;
  }
  const secondHand = scratch.secondHand !== null;
  const floor = secondHand ? choice.floor.price * SECOND_HAND_FLOOR_RATIO : choice.floor.price;
  if (price >= floor) return 0;
  const far = !secondHand && price < floor * FAR_BELOW_RATIO;
  const label = choice.model
    ? { en: `${brand.names.en} ${choice.model.text}`, zh_CN: `${brand.names.zh_CN}${choice.model.text}` }
    : floorLabel(rules, scratch, b, choice.category);
  findings.push({
    code: far ? 'price-far-below-floor' : 'price-below-floor',
    text: language.word(priceBelowFloorText(price, floor, label, far, secondHand)),
    weight: far ? 'strong' : 'supporting',
    source: choice.floor.source,
  });
  return far ? FAR_BELOW_FLOOR_SCORE : BELOW_FLOOR_SCORE;
}

function floorLabel(rules: CompiledRules, scratch: AssessmentScratch, b: number, category: number): { en: string; zh_CN: string } {
  const key = b * (rules.categories.length + 1) + category + 1;
  let label = scratch.floorLabels.get(key);
  if (!label) {
    const brand = (rules.brands[b] as CompiledBrand).names;
    label = productLabel(brand, category >= 0 ? (rules.categories[category]?.names ?? null) : null);
    scratch.floorLabels.set(key, label);
  }
  return label;
}
