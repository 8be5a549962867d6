/**
 * The Verdict contract: what assessing a Listing produces. Shared by the rules engine, the notice
 * index, the background, the badges and the CLI.
 */

export type Risk = 'high' | 'medium' | 'low' | 'none';

/**
 * A short explanation in both UI languages; the UI picks one by the browser's language. A batch that
 * asked for one language gets Verdict<string>: the same verdict with that language's texts alone.
 */
export interface LocalizedText {
  en: string;
  zh_CN: string;
}

export interface Reason<Text = LocalizedText> {
  /** Stable machine code, e.g. "counterfeit-term", "price-below-floor", "notice-shop". */
  code: string;
  text: Text;
  /** Set on notice-item, notice-shop and notice-brand reasons. */
  noticeId?: string;
  /** The notice's source (http/https only), for the UI to link; the text also names it. */
  url?: string;
  /**
   * How much the reason weighs: "strong" and "supporting" are findings that raise the risk; "context"
   * says what the listing is and why something was not held against it (the brand's role, a shop the
   * brand authorises, a price not compared).
   */
  weight?: 'strong' | 'supporting' | 'context';
  /** Where the fact behind the reason comes from (a price floor's source). */
  source?: string;
}

export interface Verdict<Text = LocalizedText> {
  itemId: string;
  risk: Risk;
  /** Brand id from the rule pack (e.g. "gucci"), null when no brand was found. */
  brand: string | null;
  /** The brand's display names from the rule pack, set with `brand`: the content script has no rules. */
  brandName?: Text;
  /** 0–100; the risk level is derived from it through the sensitivity's thresholds. */
  score: number;
  reasons: Reason<Text>[];
  /** The notice behind the strongest notice reason (item or shop before brand), for the badge's panel. */
  notice?: NoticeHit;
  /**
   * The brand's authorised shops from the rule packs, for "Buy from the official store". Added by the
   * background after the assessment (the engine does not set it), and only when this listing's own
   * shop is not one of them.
   */
  officialShops?: OfficialShop[];
}

/** A shop a rule pack says the brand authorises. */
export interface OfficialShop {
  /** The shop name as the pack gives it, e.g. "GUCCI古驰官方旗舰店". */
  name: string;
  /** The numeric shop id, when the pack gives one. */
  shopId: string | null;
}

/**
 * One rectification notice that names this listing, found by the notice index and handed to
 * `assessListing`. `match` says what in the listing the notice named.
 */
export interface NoticeHit {
  match: 'item' | 'shop' | 'brand';
  noticeId: string;
  noticeTitle: string;
  publisher: string;
  /** ISO date (YYYY-MM-DD) of the notice, or null when the feed did not give one. */
  published: string | null;
  /** Source of the notice, http(s) only, or null. */
  url: string | null;
  /** For match "brand": the brand id the notice puts under special rules. */
  brand?: string;
  /** For match "item" / "shop": what was done ("removed", "closed", "warned", "rectify"). */
  action?: 'removed' | 'closed' | 'warned' | 'rectify';
  /** Date of the action, ISO, when given. */
  date?: string | null;
}
