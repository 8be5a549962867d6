/**
 * A rectification-notice feed once read and checked: the same shape whichever file format it came
 * in (JSON or CSV), and the only shape the database import and the lookup index accept.
 */

export const ENTRY_KINDS = ['shop', 'item', 'seller'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export const ENTRY_ACTIONS = ['removed', 'closed', 'warned', 'rectify'] as const;
export type EntryAction = (typeof ENTRY_ACTIONS)[number];

/**
 * One shop, item or seller a notice names. An item entry matches by item id only; a shop or seller
 * entry matches by shop id or by normalised shop name (a listing carries no seller id, so a seller is
 * found through the shop it runs).
 */
export interface NoticeEntry {
  kind: EntryKind;
  itemId: string | null;
  shopId: string | null;
  /** As the feed wrote it; compared after normaliseShopName. */
  shopName: string | null;
  /** Brand id (rule-pack id, e.g. "gucci") the entry was about, when the feed says. */
  brand: string | null;
  action: EntryAction | null;
  /** ISO YYYY-MM-DD. */
  date: string | null;
}

export interface Notice {
  id: string;
  title: string;
  publisher: string;
  published: string | null;
  effective: string | null;
  /** http(s) only: checked when the feed is read. */
  url: string | null;
  /** Brand ids the notice puts under special rules. */
  brands: string[];
  requirement: string | null;
  entries: NoticeEntry[];
}

export type FeedFormat = 'json' | 'csv';
export type FeedEncoding = 'utf-8' | 'gbk';

export interface NoticeFeed {
  /** JSON: `feed.id`; CSV: chosen by whoever reads the file (its name by default). */
  id: string;
  title: string | null;
  homepage: string | null;
  description: string | null;
  /**
   * The publisher marks the feed as example data (invented notices, for trying the extension): the
   * options page asks before importing it and says so wherever the feed is shown. JSON only: a CSV
   * has no feed-level fields.
   */
  example: boolean;
  format: FeedFormat;
  encoding: FeedEncoding;
  /** Things the user should know that are not errors, e.g. that the file was decoded as GBK. */
  notes: string[];
  notices: Notice[];
}

/** Where a problem is: a 1-based line of the file (null when it has none) and the field. */
export interface FeedProblem {
  line: number | null;
  field: string;
  reason: string;
}

/** At most this many problems are kept and shown; the count says how many there were. */
export const MAX_REPORTED_PROBLEMS = 50;

export function formatProblem(problem: FeedProblem): string {
  return `${problem.line === null ? '' : `line ${problem.line}: `}${problem.field}: ${problem.reason}`;
}

/** A feed that cannot be imported, with every problem found (the first 50) and how many in all. */
export class NoticeFeedError extends Error {
  override name = 'NoticeFeedError';
  readonly problems: readonly FeedProblem[];
  readonly problemCount: number;

  constructor(label: string, problems: readonly FeedProblem[]) {
    const shown = [...problems].sort(byLine).slice(0, MAX_REPORTED_PROBLEMS);
    const more = problems.length - shown.length;
    super(
      `${label}: ${problems.length} problem${problems.length === 1 ? '' : 's'}, nothing imported\n` +
        shown.map((p) => `  ${formatProblem(p)}`).join('\n') +
        (more > 0 ? `\n  … and ${more} more` : ''),
    );
    this.problems = shown;
    this.problemCount = problems.length;
  }
}

function byLine(a: FeedProblem, b: FeedProblem): number {
  return (a.line ?? 0) - (b.line ?? 0);
}
