/**
 * The user's own activity: listings seen at risk, reports made, and what the user chose to trust.
 * A database of its own, apart from the notices feeds: feeds are replaceable downloads, this is the
 * user's work, exported and cleared on its own terms. Only the background opens it (one writer);
 * pages read it through liveQuery.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { Listing } from '../listing';
import type { Risk, Verdict } from '../verdict';

export const ACTIVITY_DB_NAME = 'counterfeit-radar-activity';

export interface HistoryRecord {
  itemId: string;
  listing: Listing;
  verdict: Verdict;
  risk: Risk;
  /** Copied out of verdict/listing so they can be indexed. */
  brand: string | null;
  platform: Listing['shop']['platform'];
  /** Page the listing was last seen on (search, shop or item page). */
  pageUrl: string;
  firstSeen: number;
  lastSeen: number;
  timesSeen: number;
}

export type ReportStatus = 'draft' | 'submitted';

export interface ReportRecord {
  id?: number;
  itemId: string;
  listing: Listing;
  verdict: Verdict;
  pageUrl: string;
  createdAt: number;
  status: ReportStatus;
  /** Notice ids the verdict cited. */
  noticeIds: string[];
  /** The listing's card as markup text, kept as evidence and never rendered. */
  cardMarkup: string;
  /** PNG data URL, or null with the reason it could not be taken. */
  screenshot: string | null;
  screenshotNote: string | null;
  /** SHA-256 (hex) over the evidence fields, so an exported report can be checked later. */
  evidenceSha256: string;
}

export type TrustKind = 'item' | 'shop';

export interface TrustRecord {
  kind: TrustKind;
  /** "item:<id>", or for a shop "shop-id:<id>" or "shop-name:<normalised name>" (see trust.ts). */
  key: string;
  label: string;
  createdAt: number;
}

export class ActivityDatabase extends Dexie {
  history!: EntityTable<HistoryRecord, 'itemId'>;
  reports!: EntityTable<ReportRecord, 'id'>;
  trusted!: EntityTable<TrustRecord, 'key'>;

  constructor(options?: ConstructorParameters<typeof Dexie>[1]) {
    super(ACTIVITY_DB_NAME, options);
    this.version(1).stores({
      history: 'itemId, lastSeen, risk, brand, platform',
      reports: '++id, itemId, createdAt, status',
      trusted: 'key, kind, createdAt',
    });
  }
}
