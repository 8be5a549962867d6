/**
 * Messages between the extension's own pages (popup, options) and the background. Pages read the
 * databases themselves (same origin, liveQuery); every change goes through the background, the one
 * writer. The background takes these only from extension pages (checked on the sender's URL), and
 * validates each payload: a page is ours, but a bug there must not corrupt the user's data.
 *
 * Content-script messages are in protocol.ts; the two maps share no names.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ReportStatus, TrustKind } from '../activity/activity-db';
import type { Listing } from '../listing';
import type { FeedEffect } from '../notices/feed-effect';
import { MAX_REPORTED_PROBLEMS, type FeedProblem } from '../notices/notice-feed';
import type { Verdict } from '../verdict';

/** A failure the page shows as it is: a sentence, plus the per-row or per-path problems if any. */
export interface PageFailure {
  ok: false;
  message: string;
  /** Notice feeds: line/field/reason, the first 50. */
  problems: FeedProblem[];
  /** How many problems there were in all (problems holds at most 50). */
  problemCount: number;
}

export type PageResult<T> = ({ ok: true } & T) | PageFailure;

export function pageFailure(message: string, problems: readonly FeedProblem[] = [], problemCount = problems.length): PageFailure {
  return { ok: false, message, problems: [...problems], problemCount };
}

/** A failure whose problems are `path: reason` (rule packs, backups): the first 50 kept, all counted. */
export function pathProblemsFailure(message: string, problems: readonly { path: string; reason: string }[]): PageFailure {
  const shown = problems.slice(0, MAX_REPORTED_PROBLEMS).map((p) => ({ line: null, field: p.path, reason: p.reason }));
  return pageFailure(message, shown, problems.length);
}

/** The public part of the installation's Ed25519 key (lib/evidence/installation-key.ts). */
export interface InstallationPublicKey {
  /** The raw 32-byte public key, base64: what `cli evidence verify --key` takes. */
  publicKey: string;
  /** Its short name, as the CLI prints it: the first 16 hex digits of its SHA-256. */
  fingerprint: string;
  createdAt: number;
}

export interface NoticeImportDone {
  feedKey: string;
  noticeCount: number;
  entryCount: number;
  replacedEntries: number;
  /** The publisher marked the feed as example data. */
  example: boolean;
  /** What it changes: FeedEffect, and how many history listings now get another verdict (null: not known). */
  effect: FeedEffect & { historyChanged: number | null };
}

/** The feed is example data and the request did not allow it: nothing was imported. */
export interface ExampleRefused {
  exampleRefused: true;
  feedTitle: string | null;
}

/** Sent by the background while a feed imports; pages match it by importId. */
export interface NoticeImportProgress {
  importId: string;
  phase: 'parsing' | 'writing' | 'indexing' | 'done';
  done: number;
  total: number;
}

export interface RulePackSummary {
  /** The pack's own id; importing a pack with the same id replaces it. */
  id: string;
  version: string;
  brandCount: number;
  source: { kind: 'file'; name: string } | { kind: 'url'; url: string };
  importedAt: number;
}

/** What the notice index holds and how fast it came up, for the options page and the benchmark. */
export interface NoticeTimings {
  feedCount: number;
  noticeCount: number;
  entryCount: number;
  /** From the worker's start to the index being ready, in ms; null while it loads. */
  indexReadyMs: number | null;
  /** From the worker's start to the first lookup answered, in ms; null before the first. */
  firstLookupMs: number | null;
}

export interface LookupMeasure {
  listings: number;
  runs: number;
  medianMicros: number;
  p95Micros: number;
}

export type DataKind = 'history' | 'reports' | 'trusted' | 'settings';

export interface PageProtocolMap {
  // Activity (lib/activity): history, trust, reports.
  /** Undo a trust ("not counterfeit") by its key (TrustRecord.key). */
  untrust(data: { key: string }): void;
  /**
   * "Not counterfeit" from the popup's history: the background reads the listing from its own history
   * record (by item id), so nothing the page sent is trusted as a listing.
   */
  trustHistoryItem(data: { itemId: string; kind: TrustKind }): { key: string };
  /** Deletes history entries; `undoToken` brings them back with undoDeleteHistory while the background runs. */
  deleteHistory(data: { itemIds: string[] }): { deleted: number; undoToken: string | null };
  undoDeleteHistory(data: { undoToken: string }): { restored: number };
  /**
   * Moves reports along the case desk (each change dated and logged in the evidence chain); a batch
   * id marks the reports batched together, a complaint id comes with a submission.
   */
  setReportStatus(data: { ids: number[]; status: ReportStatus; batchId?: string; complaintId?: string }): { updated: number };
  /** A report's case details; a changed complaint id, reason or brand is logged in the evidence chain. */
  updateReportCase(data: { id: number; complaintId?: string | null; reason?: string | null; notes?: string }): { updated: boolean };
  /** Deletes reports; `undoToken` brings them back with undoDeleteReports while the background runs. */
  deleteReports(data: { ids: number[] }): { deleted: number; undoToken: string | null };
  /**
   * A report without a screenshot, captured later: the background opens the listing's page, waits
   * until the page has judged it, and adds a capture (screenshot and crop) to the report.
   */
  captureReport(data: { id: number }): PageResult<{ capture: number; screenshot: boolean }>;
  undoDeleteReports(data: { undoToken: string }): { restored: number };
  /** Clears the named kinds of data (all of them when the list holds every kind). */
  clearData(data: { kinds: DataKind[] }): void;
  /** A piece of backup text, sent in order before restoreBackup: one message carries at most 64 MiB. */
  backupChunk(data: { uploadId: string; index: number; text: string }): void;
  /** Replaces the user's data with a backup (JSON text as exported, or the chunks sent under uploadId), all or nothing. */
  restoreBackup(data: { json: string } | { uploadId: string }): PageResult<{ counts: Record<DataKind, number> }>;

  // Rectification notices (lib/notices).
  /**
   * A piece of a feed file chosen on the options page, base64 of its bytes, sent in order before
   * importNoticeFile: one large message would hold the page's main thread for a third of a second.
   */
  noticeFileChunk(data: { importId: string; index: number; base64: string }): void;
  /** Imports the file whose chunks were sent under this importId (JSON or CSV, UTF-8 or GBK), or `base64` whole. */
  importNoticeFile(data: { importId: string; fileName: string; base64?: string; allowExample?: boolean }): PageResult<NoticeImportDone | ExampleRefused>;
  /** Subscribes (first download now, then on the refresh alarm). */
  subscribeNoticeFeed(data: { importId: string; url: string; allowExample?: boolean }): PageResult<NoticeImportDone | { notModified: true } | ExampleRefused>;
  /** Unsubscribes a URL feed, or deletes a file feed; either way its data goes. */
  removeNoticeFeed(data: { feedKey: string }): void;
  /** Downloads every subscription now instead of waiting for the alarm. */
  refreshNoticeFeeds(): { refreshed: number; failed: number };

  // Rule packs (lib/rules), kept in storage.local beside the built-in one.
  importRulePack(data: { fileName: string; text: string }): PageResult<{ pack: RulePackSummary }>;
  subscribeRulePack(data: { url: string }): PageResult<{ pack: RulePackSummary }>;
  removeRulePack(data: { id: string }): void;
  listRulePacks(): { builtin: RulePackSummary; imported: RulePackSummary[]; brands: { id: string; name: { en: string; zh_CN: string } }[] };

  /**
   * The installation's signing key (made now if there is none yet), for the options to show: its
   * public part, base64, and its fingerprint; null where the browser has no Ed25519 (exports unsigned).
   */
  installationKey(): InstallationPublicKey | null;

  /** The notice index's size and start-up timings. */
  noticeStatus(): NoticeTimings;
  /** Times a batch lookup (≤ 100 listings) against the live index, `runs` samples (the benchmark). */
  measureNoticeLookup(data: { listings: Listing[]; runs: number }): { timings: NoticeTimings; lookup: LookupMeasure };

  /** background → pages: progress of a notice import (file or subscription). */
  noticeImportProgress(data: NoticeImportProgress): void;
}

/** Requests pages send the background (noticeImportProgress goes the other way). */
export type PageRequest = Exclude<keyof PageProtocolMap, 'noticeImportProgress'>;

/** Requests that carry data: each must have a schema (page-schemas.ts), or the build fails. */
export type PageRequestWithData = { [K in PageRequest]: Parameters<PageProtocolMap[K]> extends [] ? never : K }[PageRequest];

export const { sendMessage: sendPageMessage, onMessage: onPageMessage } = defineExtensionMessaging<PageProtocolMap>();

/** What the popup asks a Taobao tab's content script for (in protocol.ts's map, as currentListing). */
export interface CurrentListing {
  listing: Listing;
  verdict: Verdict;
}
