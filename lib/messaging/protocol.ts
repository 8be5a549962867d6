/**
 * Every message between the extension's parts, in one place, named by direction. Payloads are
 * validated by the receiver with the schemas beside this file: the sender's types are a promise, the
 * schema is the check.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { TrustKind } from '../activity/activity-db';
import type { Listing, Price } from '../listing';
import type { PageFrame } from '../evidence/listing-frame';
import type { PageKind } from '../page/page-kind';
import type { PhotoSummary } from './photo-summary-schema';
import type { Verdict } from '../verdict';

export interface AssessAnswer {
  verdicts: Verdict[];
  /** Item ids the user trusts (by item or shop): no badge. */
  trusted: string[];
  /** Item ids reported before: their badge says so. */
  reported: string[];
}

export interface ReportAnswer {
  reportId: number;
  /** The complaint text, for the content script to put on the clipboard (it has the user's click). */
  complaint: string;
  /** Whether this report, or the capture just added to it, has a screenshot. */
  screenshot: boolean;
  /** The capture's number when the listing was reported before and this click added a capture to its report; null otherwise. */
  capture: number | null;
}

/** What the content script knows of the listing a report is about. */
export interface ListingEvidence {
  listing: Listing;
  /** The listing's card as markup text, for the record; never rendered. */
  cardMarkup: string;
}

/**
 * What a change in the background can alter on an open page: verdicts (rules, sensitivity, notices,
 * trust, reports: ask again) or only how badges look (role, low marks: draw again).
 */
export type ChangeScope = 'verdicts' | 'display';

/** What a tab's content script tells the background after each batch, for the toolbar icon. */
export interface PageStatus {
  checked: number;
  high: number;
  medium: number;
  /** The page is of a supported kind, settled, and shows no listings we can read. */
  layoutUnrecognised: boolean;
}

/** A flagged listing as the popup lists it. */
export interface FlaggedListing {
  itemId: string;
  risk: 'high' | 'medium';
  title: string;
  price: Price | null;
  shopName: string | null;
}

/** What the popup shows under "This page". */
export interface PageSummary {
  page: PageKind;
  /** Listings with a verdict. */
  checked: number;
  /** Listings still waiting for one. */
  pending: number;
  /** High first, then medium, in page order. */
  flagged: FlaggedListing[];
  layoutUnrecognised: boolean;
  /** The site the page belongs to (taobao.com, tmall.com, tmall.hk), which the pause switch names. */
  site: string | null;
  /** The user paused the extension on this site. */
  paused: boolean;
}

export interface ProtocolMap {
  /** content → background: assess one batch of newly found listings (≤ MAX_BATCH). */
  assessListings(data: { listings: Listing[] }): AssessAnswer;
  /** content → background: "not counterfeit", for this item or its whole shop. */
  trustListing(data: { kind: TrustKind; listing: Listing }): { key: string };
  /** content → background: the user pressed Undo right after trusting on the page. */
  untrustListing(data: { kind: TrustKind; listing: Listing }): void;
  /** content → background: brand staff report a listing from its badge. */
  reportListing(data: ListingEvidence): ReportAnswer;
  /**
   * content → background: a listing's details opened; what its photo says (other shops using it).
   * Asked when the panel opens, not with the verdict: the photo is hashed after the verdict is given.
   */
  photoSignals(data: { listing: Listing }): PhotoSummary;
  /** background → content: the listing a context-menu click or the shortcut was about, if any. */
  listingForReport(): ListingEvidence | null;
  /**
   * background → content: a screenshot for a report is about to be taken. Hide our badges and say
   * where the listing's card is (null: not on the page or not in view); `captureTaken` shows them again.
   */
  frameForCapture(data: { itemId: string }): PageFrame | null;
  captureTaken(): void;
  /** background → content: a report made from the menu or shortcut is recorded; copy and mark it. */
  reportRecorded(data: { itemId: string; complaint: string }): void;
  /** popup → content: on an item page, its listing and the verdict the badge shows; else null. */
  currentListing(): { listing: Listing; verdict: Verdict } | null;
  /** background → content: something changed that alters this page's verdicts or badges. */
  pageChanged(data: { scope: ChangeScope }): void;
  /** content → background: the page's counts after a batch (the toolbar icon shows them). */
  pageStatus(data: PageStatus): void;
  /** popup → content: what this page holds, for "This page". */
  pageSummary(): PageSummary;
  /** popup → content: scroll to the listing's card and open its details; false when it is gone. */
  revealListing(data: { itemId: string }): boolean;
  /** popup → content: the page's structure without text or URLs, for a layout bug report. */
  layoutSnapshot(): string;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
