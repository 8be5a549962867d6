/**
 * The user's own activity: listings seen at risk, reports made, and what the user chose to trust.
 * A database of its own, apart from the notices feeds: feeds are replaceable downloads, this is the
 * user's work, exported and cleared on its own terms. Only the background opens it (one writer);
 * pages read it through liveQuery.
 */
import type { ImageBox } from '../evidence/listing-frame';
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { EvidenceEntry } from '../evidence/evidence-chain';
import type { InstallationKeyRecord } from '../evidence/installation-key';
import type { Listing, Platform } from '../listing';
import type { PhotoRow } from '../photos/photo-index';
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

/**
 * A report's case: draft → batched (in a batch of URLs ready to paste) → submitted to the platform →
 * its outcome (removed, rejected, appealed) or withdrawn by the brand.
 */
export type ReportStatus = 'draft' | 'batched' | 'submitted' | 'removed' | 'rejected' | 'appealed' | 'withdrawn';

export const REPORT_STATUSES: readonly ReportStatus[] = ['draft', 'batched', 'submitted', 'removed', 'rejected', 'appealed', 'withdrawn'];

export interface StatusChange {
  status: ReportStatus;
  /** null: the change predates the desk (version 1 did not record when a report was submitted). */
  at: number | null;
}

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
  /** The listing's box on the screenshot, when the page could say where it was (the crop file is made from it). */
  frame?: ImageBox | null;
  /** SHA-256 (hex) over the evidence fields, so an exported report can be checked later. */
  evidenceSha256: string;
  // The case desk (version 2). Optional because records restored from an older backup lack them;
  // read them through caseOf() (lib/evidence/case-desk.ts), which fills the defaults.
  /** The brand the complaint is for (the verdict's, unless the user chose another). */
  brand?: string | null;
  /** The complaint reason chosen for the platform (e.g. "counterfeit", "trademark"). */
  reason?: string | null;
  /** The platform's complaint or case id, once submitted. */
  complaintId?: string | null;
  notes?: string;
  /** Every status the report has had, oldest first (the first is its draft). */
  statusChanges?: StatusChange[];
  /** The batch of URLs it was put in (all reports of one batch share it). */
  batchId?: string | null;
  /** Captures added when the listing was reported again (lib/evidence/report-captures.ts), oldest first. */
  captures?: ReportCapture[];
}

/** A later capture of a reported listing (it was reported again): what the page showed then. */
export interface ReportCapture {
  at: number;
  listing: Listing;
  verdict: Verdict;
  pageUrl: string;
  /** PNG data URL, or null with the reason it could not be taken. */
  screenshot: string | null;
  screenshotNote: string | null;
  /** The listing's box on the screenshot, as on ReportRecord. */
  frame?: ImageBox | null;
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
  /** The tamper-evident log (lib/evidence/evidence-chain.ts): appended to, never changed. */
  evidence!: EntityTable<EvidenceEntry, 'seq'>;
  /** The installation's Ed25519 key pair (lib/evidence/installation-key.ts), which signs exports. */
  keys!: EntityTable<InstallationKeyRecord, 'id'>;
  /** One main-photo hash per listing (lib/photos/photo-store.ts), keyed by platform and item id. */
  photos!: Table<PhotoRow, [Platform, string]>;

  constructor(options?: ConstructorParameters<typeof Dexie>[1]) {
    super(ACTIVITY_DB_NAME, options);
    this.version(1).stores({
      history: 'itemId, lastSeen, risk, brand, platform',
      reports: '++id, itemId, createdAt, status',
      trusted: 'key, kind, createdAt',
    });
    // The case desk and the evidence log. Today's reports keep their status (draft or submitted) and
    // get the desk's fields; when a version-1 report was submitted is not known, so that change has no date.
    this.version(2)
      .stores({
        reports: '++id, itemId, createdAt, status, brand, batchId',
        evidence: 'seq, reportId, kind, at',
        keys: 'id',
      })
      .upgrade((tx) =>
        tx
          .table<ReportRecord, number>('reports')
          .toCollection()
          .modify((report) => {
            report.brand ??= report.verdict.brand;
            report.reason ??= null;
            report.complaintId ??= null;
            report.notes ??= '';
            report.batchId ??= null;
            report.statusChanges ??= [{ status: 'draft', at: report.createdAt }, ...(report.status === 'draft' ? [] : [{ status: report.status, at: null }])];
          }),
      );
    // Reused photos (issue 14): a new table; every other table is kept as it is.
    this.version(3).stores({
      photos: '[platform+itemId], lastSeen, shopKey',
    });
  }
}
