/** Words and formats shared by the popup's views: risk and platform names, dates and prices. */
import type { Platform, Price } from '../../lib/listing';
import type { Risk } from '../../lib/verdict';
import type { PopupMessageKey, UiLanguage } from './popup-messages';

export const RISK_WORDS: Record<Risk, PopupMessageKey> = {
  high: 'popupRiskHigh',
  medium: 'popupRiskMedium',
  low: 'popupRiskLow',
  none: 'popupRiskNone',
};

export const PLATFORM_WORDS: Record<Platform, PopupMessageKey> = {
  taobao: 'popupPlatformTaobao',
  tmall: 'popupPlatformTmall',
  'tmall-global': 'popupPlatformTmallGlobal',
};

const intlLocale = (language: UiLanguage) => (language === 'zh_CN' ? 'zh-CN' : 'en');

export function formatDate(time: number, language: UiLanguage): string {
  return new Intl.DateTimeFormat(intlLocale(language), { dateStyle: 'medium' }).format(time);
}

export function formatDay(time: number, language: UiLanguage): string {
  return new Intl.DateTimeFormat(intlLocale(language), { month: 'short', day: 'numeric' }).format(time);
}

export function formatPrice(price: Price, language: UiLanguage): string {
  const format = new Intl.NumberFormat(intlLocale(language), { style: 'currency', currency: price.currency });
  return price.min === price.max ? format.format(price.min) : format.formatRange(price.min, price.max);
}

/** Brand display name in the UI language (names are [en, zh_CN, …]), falling back to the id. */
export function brandLabel(brand: string, names: ReadonlyMap<string, readonly string[]>, language: UiLanguage): string {
  const known = names.get(brand);
  if (!known?.length) return brand;
  return (language === 'zh_CN' ? known[1] : known[0]) ?? known[0] ?? brand;
}

/** First-strong isolate: a right-to-left title cannot reorder the words around it in a label. */
export const isolate = (text: string) => `\u2068${text}\u2069`;
