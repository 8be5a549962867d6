/**
 * assessListing: from a title (plus price, shop and any notice hits) to a Verdict with reasons.
 *
 * Evidence and its weight (score 0–100; sensitivity.ts turns it into a risk level):
 *   brand named ......................... 10   (a brand and nothing else is "low")
 *   counterfeit slang ................... +70  (+5 per further term)       strong
 *   price far below the floor (< ½) ..... +55                             strong
 *   price below the floor ............... +30                             weaker
 *   lookalike word ...................... +25, and the total stays ≤ 45 without slang: a lookalike
 *                                          is never high on its own
 *   three or more brands named .......... +20                             weaker
 *   notice puts the brand under rules ... +25 and at least 50 (at least medium), unless the shop
 *                                          is authorised
 *   notice names the item or shop ....... 100
 * Prices are not compared for lookalikes, for accessories made for a brand's items, or in a shop
 * the brand authorises. A brand recognised only from a motif (a weak model name such as 四叶草 or
 * 老花) makes a low price the weaker signal at most.
 */
import type { NoticeHit, Reason, Verdict } from '../verdict';
import type { AssessableListing } from './assessable-listing';
import type { AssessmentScratch } from './assessment-scratch';
import type { CompiledBrand, CompiledRules, Meaning } from './compile-rules';
import {
  accessoryText,
  authorisedShopText,
  brandMentionText,
  brandStuffingText,
  counterfeitTermText,
  lookalikeText,
  noticeBrandText,
  noticeNamedText,
  priceBelowFloorText,
  secondHandText,
  type FloorLabel,
} from './reason-texts';
import { riskForScore, type Sensitivity } from './sensitivity';
import { foldText } from './text-folding';

const BRAND_SCORE = 10;
const COUNTERFEIT_SCORE = 70;
const EXTRA_COUNTERFEIT_SCORE = 5;
const FAR_BELOW_FLOOR_SCORE = 55;
const BELOW_FLOOR_SCORE = 30;
/** "Far below" means under this share of the floor. */
const FAR_BELOW_RATIO = 0.5;
const LOOKALIKE_SCORE = 25;
const LOOKALIKE_CAP = 45;
const STUFFING_SCORE = 20;
const STUFFING_MIN_BRANDS = 3;
const NOTICE_BRAND_SCORE = 25;
const NOTICE_BRAND_MIN = 50;
const NOTICE_NAMED_SCORE = 100;

const NO_NOTICES: readonly NoticeHit[] = Object.freeze([]);

/** Pure and deterministic: the same listing, rules, hits and sensitivity give the same verdict. */
/** A notice's source link, kept only when it is http(s): feed data is not trusted to be a safe link. */
function noticeSource(hit: NoticeHit): { url?: string } {
  return hit.url && /^https?:\/\//i.test(hit.url) ? { url: hit.url } : {};
}

export function assessListing(
  listing: AssessableListing,
  rules: CompiledRules,
  noticeHits: readonly NoticeHit[] = NO_NOTICES,
  sensitivity: Sensitivity = 'balanced',
): Verdict {
  const itemId = listing.itemId ?? '';
  const { matcher, scratch } = rules;
  const count = matcher.scan(listing.title);
  scratch.reset();
  collect(rules, count);
  chooseBrand(rules);

  const reasons: Reason[] = [];
  let namingNotice: NoticeHit | undefined;
  for (const hit of noticeHits) {
    if (hit.match !== 'item' && hit.match !== 'shop') continue;
    reasons.push({ code: hit.match === 'item' ? 'notice-item' : 'notice-shop', text: noticeNamedText(hit, hit.match), noticeId: hit.noticeId, ...noticeSource(hit) });
    namingNotice ??= hit;
  }
  const namedByNotice = namingNotice !== undefined;

  const chosen = scratch.chosen;
  if (chosen === -1) {
    const score = namedByNotice ? NOTICE_NAMED_SCORE : 0;
    return { itemId, risk: namedByNotice ? riskForScore(score, sensitivity) : 'none', brand: null, score, reasons, ...noticeField(namingNotice) };
  }

  const brand = rules.brands[chosen] as CompiledBrand;
  const authorised = isAuthorised(scratch, brand, listing);
  let score = BRAND_SCORE;

  let brandNotice: NoticeHit | undefined;
  if (!authorised) {
    for (const hit of noticeHits) {
      if (hit.match !== 'brand' || hit.brand !== brand.id) continue;
      brandNotice ??= hit;
      reasons.push({ code: 'notice-brand', text: noticeBrandText(hit, brand.names), noticeId: hit.noticeId, ...noticeSource(hit) });
    }
  }
  const underNotice = brandNotice !== undefined;

  const { counterfeit, lookalike, accessory, secondHand } = scratch;
  if (counterfeit) {
    score += COUNTERFEIT_SCORE + EXTRA_COUNTERFEIT_SCORE * Math.min(scratch.counterfeitCount - 1, 3);
    reasons.push(termReason(rules, counterfeit, -1));
  }

  const price = listing.price?.max;
  if (price !== undefined && price > 0 && !lookalike && !accessory && !authorised) {
    const floor = floorFor(rules, brand, chosen);
    if (floor.price > 0 && price < floor.price) {
      // A motif alone (四叶草, 老花) is too loose for the strong signal: it may be a lookalike.
      const far = price < floor.price * FAR_BELOW_RATIO && !(scratch.byWeakAliases && scratch.codes[chosen] === 0);
      score += far ? FAR_BELOW_FLOOR_SCORE : BELOW_FLOOR_SCORE;
      reasons.push({ code: far ? 'price-far-below-floor' : 'price-below-floor', text: priceBelowFloorText(price, floor.price, floor.label, far) });
    }
  }

  if (lookalike) {
    score += LOOKALIKE_SCORE;
    reasons.push(termReason(rules, lookalike, chosen));
  }
  if (scratch.namedBrands >= STUFFING_MIN_BRANDS) {
    score += STUFFING_SCORE;
    const named: CompiledBrand[] = [];
    for (let i = 0; i < scratch.touchedBrandCount; i++) {
      const b = scratch.touchedBrands[i] as number;
      if ((scratch.names[b] as number) > 0) named.push(rules.brands[b] as CompiledBrand);
    }
    reasons.push({ code: 'brand-stuffing', text: brandStuffingText(named.map((b) => b.names)) });
  }
  if (lookalike && !counterfeit) score = Math.min(score, LOOKALIKE_CAP);
  if (underNotice) score = Math.max(score + NOTICE_BRAND_SCORE, NOTICE_BRAND_MIN);
  if (namedByNotice) score = NOTICE_NAMED_SCORE;
  score = Math.min(100, score);

  if (accessory) reasons.push(termReason(rules, accessory, chosen));
  if (secondHand) reasons.push(termReason(rules, secondHand, -1));
  if (authorised) reasons.push({ code: 'authorised-shop', text: authorisedShopText(brand.names, listing.shop?.name ?? listing.shop?.id ?? '') });
  reasons.push((scratch.brandReasons[chosen] ??= share({ code: 'brand', text: brandMentionText(brand.names) })));
  return {
    itemId,
    risk: riskForScore(score, sensitivity),
    brand: brand.id,
    brandName: brand.names,
    score,
    reasons,
    ...noticeField(namingNotice ?? brandNotice),
  };
}

/** Absent rather than undefined, so a verdict without a notice compares equal to one never given any. */
function noticeField(hit: NoticeHit | undefined): { notice?: NoticeHit } {
  return hit ? { notice: hit } : {};
}

/** Reads the title's hits into the scratch: brand counters, categories seen, terms found. */
function collect(rules: CompiledRules, count: number): void {
  const { matcher, meanings, scratch } = rules;
  const { hitPattern, hitStart } = matcher;
  let positional = false;
  for (let h = 0; h < count; h++) {
    const list = meanings[hitPattern[h] as number] as readonly Meaning[];
    for (let m = 0; m < list.length; m++) {
      const meaning = list[m] as Meaning;
      if (meaning.kind === 'alias') {
        const b = meaning.brand;
        scratch.touchBrand(b, hitStart[h] as number);
        if (meaning.strength === 'name') scratch.names[b] = (scratch.names[b] as number) + 1;
        else scratch.weak[b] = (scratch.weak[b] as number) + 1;
        if (meaning.strength === 'code') scratch.codes[b] = (scratch.codes[b] as number) + 1;
        if (meaning.floor > (scratch.modelFloor[b] as number)) {
          scratch.modelFloor[b] = meaning.floor;
          scratch.modelLabel[b] = meaning.text;
        }
        if (meaning.category >= 0) scratch.modelCategory[b] = meaning.category;
      } else if (meaning.kind === 'category') {
        scratch.seeCategory(meaning.category);
      } else if (meaning.kind !== 'neutral') {
        if (meaning.position === 'anywhere') scratch.addTerm(meaning);
        else positional = true;
      }
    }
  }
  // Terms that only count right next to a brand alias: "仿LV", "香奈儿风", "适用LV".
  if (positional) {
    for (let h = 0; h < count; h++) {
      for (const meaning of meanings[hitPattern[h] as number] as readonly Meaning[]) {
        if (meaning.position === 'anywhere' || meaning.kind === 'alias' || meaning.kind === 'category') continue;
        if (nextToAlias(rules, h, count, meaning.position === 'before-brand')) scratch.addTerm(meaning);
      }
    }
  }
}

function nextToAlias(rules: CompiledRules, term: number, count: number, before: boolean): boolean {
  const { hitPattern, hitStart, hitEnd } = rules.matcher;
  for (let h = 0; h < count; h++) {
    if (h === term) continue;
    const adjacent = before ? (hitEnd[term] as number) + 1 === hitStart[h] : (hitEnd[h] as number) + 1 === hitStart[term];
    if (adjacent && (rules.meanings[hitPattern[h] as number] as readonly Meaning[]).some((m) => m.kind === 'alias')) return true;
  }
  return false;
}

/**
 * The brand: most outright mentions, then the earliest. Weak aliases count only when no brand is
 * named outright, and only with one of the brand's own category words in the title.
 */
function chooseBrand(rules: CompiledRules): void {
  const { scratch } = rules;
  const { names, weak, first } = scratch;
  let chosen = -1;
  let namedBrands = 0;
  for (let i = 0; i < scratch.touchedBrandCount; i++) {
    const b = scratch.touchedBrands[i] as number;
    const n = names[b] as number;
    if (n === 0) continue;
    namedBrands++;
    if (chosen === -1 || n > (names[chosen] as number) || (n === names[chosen] && (first[b] as number) < (first[chosen] as number))) chosen = b;
  }
  scratch.namedBrands = namedBrands;
  if (chosen === -1) {
    scratch.byWeakAliases = true;
    for (let i = 0; i < scratch.touchedBrandCount; i++) {
      const b = scratch.touchedBrands[i] as number;
      const w = weak[b] as number;
      if (w === 0 || !corroborated(rules.brands[b] as CompiledBrand, scratch)) continue;
      if (chosen === -1 || w > (weak[chosen] as number) || (w === weak[chosen] && (first[b] as number) < (first[chosen] as number))) chosen = b;
    }
  }
  scratch.chosen = chosen;
}

/** A weak alias counts only next to a category word the brand has a floor for. */
function corroborated(brand: CompiledBrand, scratch: AssessmentScratch): boolean {
  for (const category of brand.floorCategories) if (scratch.categorySeen[category] === 1) return true;
  return false;
}

function share(reason: Reason): Reason {
  return Object.freeze({ ...reason, text: Object.freeze(reason.text) });
}

/**
 * The reason for a term: it depends only on the term (and the brand, for wording that names it),
 * so it is built once per rules and shared between verdicts.
 */
function termReason(rules: CompiledRules, meaning: Meaning, brand: number): Reason {
  const { scratch } = rules;
  const key = brand < 0 ? meaning.id : scratch.meaningCount * (brand + 1) + meaning.id;
  const cached = scratch.termReasons[key];
  if (cached) return cached;
  const names = (rules.brands[Math.max(brand, 0)] as CompiledBrand).names;
  const reason =
    meaning.kind === 'counterfeit' ? { code: 'counterfeit-term', text: counterfeitTermText(meaning.text) }
    : meaning.kind === 'lookalike' ? { code: 'lookalike', text: lookalikeText(meaning.text, names) }
    : meaning.kind === 'accessory' ? { code: 'accessory', text: accessoryText(meaning.text, names) }
    : { code: 'second-hand', text: secondHandText(meaning.text) };
  return (scratch.termReasons[key] = share(reason));
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

function isAuthorised(scratch: AssessmentScratch, brand: CompiledBrand, listing: AssessableListing): boolean {
  const shop = listing.shop;
  if (!shop) return false;
  if (shop.id && brand.shopIds.has(shop.id)) return true;
  return !!shop.name && brand.shopNames.size > 0 && brand.shopNames.has(foldedShopName(scratch, shop.name));
}

/**
 * The floor the price is held to: a model's own floor when the title names one; otherwise the
 * lowest floor among the categories the title names (a title stuffed with 钱包 and 手提包 is held to
 * the wallet's); with no category word at all, the brand's lowest floor.
 */
function floorFor(rules: CompiledRules, brand: CompiledBrand, b: number): { price: number; label: FloorLabel } {
  const { scratch } = rules;
  const modelFloor = scratch.modelFloor[b] as number;
  if (modelFloor > 0) {
    const model = scratch.modelLabel[b] ?? '';
    return { price: modelFloor, label: { en: `${brand.names.en} ${model}`, zh_CN: `${brand.names.zh_CN}${model}` } };
  }
  let price = 0;
  let category = -1;
  const modelCategory = scratch.modelCategory[b] as number;
  const named = scratch.touchedCategoryCount > 0 || modelCategory >= 0;
  for (let i = 0; i <= scratch.touchedCategoryCount; i++) {
    const c = i < scratch.touchedCategoryCount ? (scratch.touchedCategories[i] as number) : modelCategory;
    const floor = c >= 0 ? (brand.floors[c] as number) : 0;
    if (floor > 0 && (price === 0 || floor < price)) {
      price = floor;
      category = c;
    }
  }
  if (!named) price = brand.lowestFloor;
  return { price, label: floorLabel(rules, b, category) };
}

function floorLabel(rules: CompiledRules, b: number, category: number): FloorLabel {
  const { scratch } = rules;
  const key = b * (scratch.categoryCount + 1) + category + 1;
  let label = scratch.floorLabels[key];
  if (!label) {
    const brand = (rules.brands[b] as CompiledBrand).names;
    const names = category >= 0 ? rules.categories[category]?.names : undefined;
    label = names ? { en: `${brand.en} ${names.en}`, zh_CN: `${brand.zh_CN}${names.zh_CN}` } : { en: `${brand.en} items`, zh_CN: `${brand.zh_CN}商品` };
    scratch.floorLabels[key] = label;
  }
  return label;
}
