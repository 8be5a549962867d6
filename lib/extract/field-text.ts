/**
 * Turning the text a page shows into Listing fields. Pages word the same fact many ways ("已售 1万+",
 * "82人付款", "¥1,280.00-1,580"); each function here accepts all the wordings seen and returns null for
 * anything it cannot read, rather than guessing.
 */
import type { Price } from '../listing';

// Zero-width and bidi-control characters: invisible, used to dodge keyword filters.
const INVISIBLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** Removes invisible characters, collapses whitespace, trims. Empty → null. */
export function cleanText(text: string | null | undefined): string | null {
  if (text == null) return null;
  const cleaned = text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
  return cleaned === '' ? null : cleaned;
}

const NUMBER = /\d+(?:,\d{3})*(?:\.\d+)?|\.\d+/g;

/** "¥99.90", "1280-1580", "1,280.00 - 1,580", "99" → Price; no number → null. */
export function parsePrice(text: string | null | undefined): Price | null {
  if (!text) return null;
  // Only the first two numbers: a range. Later ones are other figures ("券后", "x期").
  const values = (text.match(NUMBER) ?? []).slice(0, 2).map((n) => Number(n.replace(/,/g, '')));
  const [first, second] = values;
  if (first === undefined || !Number.isFinite(first)) return null;
  const hasRange = second !== undefined && /\d\s*[-~～至]\s*[¥￥]?\s*\d/.test(text);
  const max = hasRange ? second : first;
  return { min: Math.min(first, max), max: Math.max(first, max), currency: 'CNY' };
}

/** A price from a search card's split integer and fraction ("99" + ".90"). */
export function joinPrice(integerPart: string | null, fractionPart: string | null): Price | null {
  return parsePrice(`${integerPart ?? ''}${fractionPart ?? ''}`.replace(/\s/g, ''));
}

const SALES_WORDS = /^(?:已售|月销量?|总销量|销量|售出)\s*[:：]?\s*|\s*(?:人付款|人收货|人已付款|件已售|笔|件)$/g;

/** "已售 1万+" → "1万+", "82人付款" → "82", "总销量：12" → "12". */
export function parseSales(text: string | null | undefined): string | null {
  const cleaned = cleanText(text);
  if (!cleaned) return null;
  const count = cleaned.replace(SALES_WORDS, '').trim();
  return /\d/.test(count) ? count : null;
}

/** Ship-from text: "浙江嘉兴 至 北京市" names origin and destination; the origin is the listing's. */
export function parseLocation(text: string | null | undefined): string | null {
  const cleaned = cleanText(text);
  if (!cleaned) return null;
  return cleanText(cleaned.split(/\s*至\s*/)[0]?.replace(/^(?:发货地|发货|产地)\s*[:：]?\s*/, ''));
}

const PLACEHOLDER = /tps-2-2|spaceball|\/s\.gif$|^data:/i;
// Everything after the first image extension is a CDN resize/format suffix: x.jpg_q50.jpg_.webp.
const CDN_SUFFIX = /(\.(?:jpe?g|png|gif|webp|avif))(?:_.*)?$/i;

/**
 * The full-size image URL: absolute https, CDN suffix removed. Placeholders, non-http schemes and
 * unparseable values → null.
 */
export function cleanImageUrl(raw: string | null | undefined): string | null {
  const value = raw?.trim();
  if (!value || PLACEHOLDER.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value.startsWith('//') ? `https:${value}` : value);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  url.protocol = 'https:';
  url.search = '';
  url.hash = '';
  url.pathname = url.pathname.replace(CDN_SUFFIX, '$1');
  return url.href;
}
