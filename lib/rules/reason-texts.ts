/**
 * The short explanations a verdict carries, in English and simplified Chinese. Wording is calm on
 * purpose: it says what was found, not that the seller is a criminal. Each is a Wording, written out
 * only in the language asked for: a batch that wants English never builds the Chinese.
 */
import type { LocalizedText, NoticeHit } from '../verdict';
import type { BrandNames } from './merge-packs';

export type TextLanguage = keyof LocalizedText;

/** A reason's text, produced on demand in one language. */
export type Wording = (language: TextLanguage) => string;

export const inBothLanguages = (wording: Wording): LocalizedText => ({ en: wording('en'), zh_CN: wording('zh_CN') });

/** "12,800" or "1,288.50": deterministic, whatever the runtime's locale. */
export function formatYuan(amount: number): string {
  const whole = Math.trunc(amount);
  let digits = String(whole);
  let grouped = '';
  while (digits.length > 3) {
    grouped = `,${digits.slice(-3)}${grouped}`;
    digits = digits.slice(0, -3);
  }
  grouped = digits + grouped;
  return Number.isInteger(amount) ? grouped : `${grouped}.${amount.toFixed(2).slice(-2)}`;
}

/** "Gucci bags" / "古驰包袋": the brand and, when the title says it, what is sold. */
export interface ProductLabel {
  en: string;
  zh_CN: string;
}

export const productLabel = (brand: BrandNames, category: BrandNames | null): ProductLabel =>
  category ? { en: `${brand.en} ${category.en}`, zh_CN: `${brand.zh_CN}${category.zh_CN}` } : { en: `${brand.en} items`, zh_CN: `${brand.zh_CN}商品` };

export const brandMakerText = (brand: BrandNames, category: BrandNames | null): Wording =>
  (language) =>
    language === 'en'
      ? (category ? `Offered as ${brand.en} (${category.en}).` : `Offered as ${brand.en}.`)
      : (category ? `以${brand.zh_CN}名义出售（${category.zh_CN}）。` : `以${brand.zh_CN}名义出售。`);

export const counterfeitTermText = (term: string): Wording =>
  (language) =>
    language === 'en'
      ? `Uses counterfeit slang: “${term}”.`
      : `使用仿冒用语“${term}”。`;

export const lookalikeText = (term: string, brand: BrandNames): Wording =>
  (language) =>
    language === 'en'
      ? `Described as a lookalike (“${term}”), not as ${brand.en} itself.`
      : `以“${term}”描述，属仿款而非${brand.zh_CN}本身。`;

export const designOnlyText = (term: string, brand: BrandNames): Wording =>
  (language) =>
    language === 'en'
      ? `“${term}” is one of ${brand.en}'s designs, but ${brand.en} itself is not named: a lookalike, not ${brand.en}.`
      : `“${term}”是${brand.zh_CN}的款式名称，标题未提${brand.zh_CN}本身：属仿款，并非${brand.zh_CN}。`;

export const motifText = (term: string, brand: BrandNames): Wording =>
  (language) =>
    language === 'en'
      ? `“${term}” is a motif ${brand.en} is known for; no brand is named, so at most in the style of ${brand.en}.`
      : `“${term}”是${brand.zh_CN}常用的图案；标题未提任何品牌，至多是${brand.zh_CN}风格。`;

export const accessoryText = (term: string, brand: BrandNames): Wording =>
  (language) =>
    language === 'en'
      ? `An accessory for ${brand.en} items (“${term}”), not ${brand.en}'s own product; prices are not compared.`
      : `为${brand.zh_CN}商品配套的配件（“${term}”），并非品牌自有商品，不比对价格。`;

export const aboutText = (brand: BrandNames, category: BrandNames): Wording =>
  (language) =>
    language === 'en'
      ? `${category.en.charAt(0).toUpperCase()}${category.en.slice(1)} about ${brand.en}, not ${brand.en}'s own product.`
      : `与${brand.zh_CN}相关的${category.zh_CN}，并非${brand.zh_CN}商品。`;

export const factoryText = (term: string): Wording =>
  (language) =>
    language === 'en'
      ? `Sold with factory or wholesale wording (“${term}”): genuine luxury goods do not come from factory outlets.`
      : `使用工厂或批发用语（“${term}”）：正品奢侈品不会由工厂直接出货。`;

export const indirectNameText = (term: string, brand: BrandNames, how: 'nickname' | 'code' | 'design'): Wording =>
  (language) =>
    language === 'en'
      ? `Names ${brand.en} only ${how === 'nickname' ? 'by a nickname' : how === 'code' ? 'by an abbreviation' : 'through a design'} (“${term}”), as sellers do to slip past the platform's brand filters.`
      : `只用${how === 'nickname' ? '昵称' : how === 'code' ? '缩写' : '款式名'}“${term}”指代${brand.zh_CN}，这是卖家规避平台品牌过滤的常见做法。`;

export const squatterText = (term: string, brand: BrandNames): Wording =>
  (language) =>
    language === 'en'
      ? `“${term}” is a name made to look like ${brand.en}.`
      : `“${term}”是模仿${brand.zh_CN}的名称。`;

export const secondHandText = (term: string): Wording =>
  (language) =>
    language === 'en'
      ? `Second-hand or resale (“${term}”): held to a lower price.`
      : `二手或转售（“${term}”），按较低价格衡量。`;

export const authorisedShopText = (brand: BrandNames, shopName: string): Wording =>
  (language) =>
    language === 'en'
      ? `Sold by a shop ${brand.en} authorises (${shopName}).`
      : `由${brand.zh_CN}授权店铺销售（${shopName}）。`;

export const trustedShopText = (shopName: string): Wording =>
  (language) =>
    language === 'en'
      ? `Sold by a store the platform itself runs (${shopName}).`
      : `由平台自营店铺销售（${shopName}）。`;

export const brandStuffingText = (brands: readonly BrandNames[]): Wording =>
  (language) =>
    language === 'en'
      ? `Names ${brands.length} brands at once (${brands.map((b) => b.en).join(', ')}).`
      : `同时堆砌${brands.length}个品牌（${brands.map((b) => b.zh_CN).join('、')}）。`;

export const partPriceText = (term: string): Wording =>
  (language) =>
    language === 'en'
      ? `The price shown is not the item's price (“${term}”), so it is not compared.`
      : `所示价格并非商品售价（“${term}”），不比对价格。`;

export const notSoldText = (brand: BrandNames, category: BrandNames): Wording =>
  (language) =>
    language === 'en'
      ? `${brand.en} does not make ${category.en}, so the price is not compared.`
      : `${brand.zh_CN}并不生产${category.zh_CN}，不比对价格。`;

/** What the price is compared with: "Hermès bags" / "爱马仕包袋", or a model: "Hermès Birkin". */
export type FloorLabel = ProductLabel;

export const priceBelowFloorText = (price: number, floor: number, label: FloorLabel, far: boolean, secondHand: boolean): Wording =>
  (language) =>
    language === 'en'
      ? `¥${formatYuan(price)} is ${far ? 'far ' : ''}below the lowest plausible price for ${secondHand ? 'second-hand' : 'genuine'} ${label.en} (¥${formatYuan(floor)}).`
      : `售价¥${formatYuan(price)}${far ? '远' : ''}低于${secondHand ? '二手' : '正品'}${label.zh_CN}的最低合理价格（¥${formatYuan(floor)}）。`;

const ACTION: Record<NonNullable<NoticeHit['action']>, LocalizedText> = {
  removed: { en: 'listing removed', zh_CN: '商品下架' },
  closed: { en: 'shop closed', zh_CN: '店铺关闭' },
  warned: { en: 'warned', zh_CN: '警告' },
  rectify: { en: 'ordered to rectify', zh_CN: '责令整改' },
};

/** The notice as a reason names it, and its source. */
function noticeParts(hit: NoticeHit, language: TextLanguage): { notice: string; source: string } {
  if (language === 'en') {
    return { notice: `“${hit.noticeTitle}” (${hit.publisher}, ${hit.published ?? 'undated'})`, source: hit.url ? ` Source: ${hit.url}` : '' };
  }
  return { notice: `《${hit.noticeTitle}》（${hit.publisher}，${hit.published ?? '日期不详'}）`, source: hit.url ? `来源：${hit.url}` : '' };
}

export const noticeNamedText =
  (hit: NoticeHit, what: 'item' | 'shop'): Wording =>
  (language) => {
    const { notice, source } = noticeParts(hit, language);
    const action = hit.action ? ACTION[hit.action][language] : undefined;
    const when = hit.date ? ` ${hit.date}` : '';
    return language === 'en'
      ? `This ${what === 'item' ? 'item' : 'shop'} is named in the notice ${notice}${action ? `: ${action}${when}` : ''}.${source}`
      : `该${what === 'item' ? '商品' : '店铺'}被公告${notice}点名${action ? `：${action}${when}` : ''}。${source}`;
  };

export const noticeBrandText =
  (hit: NoticeHit, brand: BrandNames): Wording =>
  (language) => {
    const { notice, source } = noticeParts(hit, language);
    return language === 'en'
      ? `${brand.en} is under special rules in the notice ${notice}, and this shop is not one ${brand.en} authorises.${source}`
      : `公告${notice}对${brand.zh_CN}实行特别管理，而该店铺并非${brand.zh_CN}授权店铺。${source}`;
  };
