/**
 * The in-memory lookup over every feed's lookup part: a binary search of each part's sorted keys.
 * Immutable once built: whoever holds one swaps in a new index after an import commits, so a lookup
 * sees the old feeds or the new ones, never half of each (see live-notice-index.ts).
 *
 * A page asks for up to 100 listings at once; each costs three searches per feed and, for the rare
 * listing a notice names, the hits. Hit objects are made on first use and kept.
 */
import type { NoticeHit } from '../verdict';
import { feedRecords } from './feed-records';
import { keyMatch, listingLookupKeys, type LookupListing } from './lookup-keys';
import { actionOf, dateOf, splitKeys, type LookupPart, type NoticeSummary } from './lookup-part';
import { fileFeedKey } from './feed-key';
import type { NoticeDatabase } from './notice-db';
import type { NoticeFeed } from './notice-feed';
import { brandHits, namedHit } from './notice-hits';

interface LoadedPart {
  part: LookupPart;
  keys: string[];
  /** Where this part's entries start in the index-wide entry numbering (for the hit cache). */
  offset: number;
}

export class NoticeIndex {
  static readonly EMPTY = new NoticeIndex([]);

  readonly feedCount: number;
  readonly noticeCount: number;
  readonly entryCount: number;
  /** Brand ids some notice puts under special rules. */
  readonly brands: ReadonlySet<string>;

  readonly #parts: LoadedPart[] = [];
  readonly #hits: (NoticeHit | undefined)[];
  /** Every listing gets these; shared and frozen, so a listing no notice names costs no allocation. */
  readonly #brandHits: readonly NoticeHit[];

  private constructor(parts: readonly LookupPart[]) {
    let offset = 0;
    for (const part of parts) {
      this.#parts.push({ part, keys: splitKeys(part), offset });
      offset += part.entryNotice.length;
    }
    this.feedCount = parts.length;
    this.entryCount = offset;
    this.noticeCount = parts.reduce((sum, part) => sum + part.notices.length, 0);
    this.#hits = new Array<NoticeHit | undefined>(offset);
    const notices = parts.flatMap((part) => part.notices);
    this.#brandHits = Object.freeze(notices.flatMap(brandHits).map((hit) => Object.freeze(hit)));
    this.brands = new Set(notices.flatMap((notice) => notice.brands));
  }

  static fromParts(parts: readonly LookupPart[]): NoticeIndex {
    return parts.length === 0 ? NoticeIndex.EMPTY : new NoticeIndex(parts);
  }

  /** A feed read from a file, without a database (the CLI). */
  static fromFeed(feed: NoticeFeed, feedKey = fileFeedKey(feed.id)): NoticeIndex {
    return new NoticeIndex([feedRecords(feed, feedKey).part]);
  }

  /** Every stored feed, read in one transaction: a consistent view even while an import runs. */
  static async fromDatabase(db: NoticeDatabase): Promise<NoticeIndex> {
    const parts = await db.transaction('r', db.lookups, () => db.lookups.toArray());
    return NoticeIndex.fromParts(parts);
  }

  /** Every notice naming this listing's item or shop, then every brand hit (the verdict keeps its brand's). */
  hitsFor(listing: LookupListing): readonly NoticeHit[] {
    if (this.#parts.length === 0) return this.#brandHits;
    let found: NoticeHit[] | null = null;
    let seen: number[] | null = null;
    for (const key of listingLookupKeys(listing)) {
      // An entry's keys are all item keys or all shop keys, so the key that found it says the match.
      const match = keyMatch(key);
      for (const loaded of this.#parts) {
        const { keys, part, offset } = loaded;
        for (let k = lowerBound(keys, key); k < keys.length && keys[k] === key; k++) {
          const entry = offset + (part.keyEntries[k] as number);
          seen ??= [];
          if (seen.includes(entry)) continue;
          seen.push(entry);
          (found ??= []).push((this.#hits[entry] ??= this.#hit(loaded, entry - offset, match)));
        }
      }
    }
    return found === null ? this.#brandHits : [...found, ...this.#brandHits];
  }

  #hit({ part }: LoadedPart, entry: number, match: 'item' | 'shop'): NoticeHit {
    const notice = part.notices[part.entryNotice[entry] as number] as NoticeSummary;
    return Object.freeze(namedHit(notice, match, actionOf(part.entryAction[entry] as number), dateOf(part.entryDate[entry] as number)));
  }
}

/** The first position whose key is not below `key`. */
function lowerBound(keys: readonly string[], key: string): number {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((keys[mid] as string) < key) low = mid + 1;
    else high = mid;
  }
  return low;
}
