/**
 * What the service worker does for the other parts, as one object with its dependencies passed in:
 * the entrypoint wires it to the browser, tests wire it to fakes. Everything that arrives is checked,
 * and verdicts are always the background's own (a report never trusts a verdict sent by a page).
 */
import * as v from 'valibot';
import type { ActivityDatabase, TrustKind } from '../activity/activity-db';
import { recordSightings } from '../activity/history';
import { complaintText, fileReport, finishPendingReports, type ReportSteps } from '../activity/reports';
import { trust, trustKeys, untrust } from '../activity/trust';
import type { Listing } from '../listing';
import { logReportCreated } from '../evidence/evidence-log';
import { addCapture } from '../evidence/report-captures';
import { listingSchema } from '../messaging/listing-schema';
import { pageFailure, type PageResult } from '../messaging/page-protocol';
import type { AssessAnswer, ListingEvidence, ReportAnswer } from '../messaging/protocol';
import { taobaoPageUrl } from '../page/hosts';
import { listingUrl } from '../page/platform';
import { IPP_URL } from '../page/ipp-url';
import { officialShops } from '../rule-packs/official-shops';
import { assessListing, type CompiledRules } from '../rules';
import type { Settings } from '../settings/settings';
import type { NoticeHit } from '../verdict';
import { frameInImage, pngSize, type PageFrame } from '../evidence/listing-frame';
import { pngBytes } from '../evidence/png-data-url';
import { ActivityMarks } from './activity-marks';
import { assessBatch, checkedOrThrow, InvalidBatchError } from './assess-batch';

export { IPP_URL };

/** The tab a report came from, when a screenshot of it may be taken. */
export interface CaptureTab {
  windowId: number;
  /** Null when the content script cannot be asked where the listing is (the screenshot has no crop). */
  tabId: number | null;
}

/** A listing's page opened for a capture: its tab, and the listing as read there (unchecked). */
export interface OpenedForCapture {
  tab: CaptureTab;
  listing: unknown;
}

export interface BackgroundDeps {
  activity: ActivityDatabase;
  /** The rules in force now (they change when the user adds a pack or mutes a brand). */
  rules: () => CompiledRules;
  /** Resolves once the rules and the notice index have been loaded at worker start. */
  ready?: () => Promise<void>;
  noticeHits: (listing: Listing) => readonly NoticeHit[];
  settings: () => Promise<Settings>;
  now: () => number;
  uiLanguage: () => 'en' | 'zh_CN';
  /** A PNG data URL of the visible tab, or throws when the browser refuses (no activeTab). */
  captureVisibleTab: (windowId: number) => Promise<string>;
  /**
   * Asks the tab's content script to hide our badges and say where the listing's card is, just
   * before the capture (null when it cannot: no such card, or not in view); `unframe` shows the badges
   * again. Without them the screenshot is taken as the page is, with no crop.
   */
  frameListing?: (tabId: number, itemId: string) => Promise<PageFrame | null>;
  unframe?: (tabId: number) => void;
  /** A screenshot may be taken of a tab the extension opened (the optional permission is granted). */
  screenshotAllowed?: () => Promise<boolean>;
  /**
   * Opens `url` in a new active tab and waits until its content script has judged listing `itemId`:
   * the tab, with the listing as the page shows it now, or null when the page never got that far.
   */
  openForCapture?: (url: string, itemId: string) => Promise<OpenedForCapture | null>;
  /** Brings the tab already open on `url`'s site to the front, or opens `url` in a new one. */
  showTab: (url: string) => Promise<void>;
  /** After a batch is answered: its checked listings (their photos are hashed from here, in their own time). */
  onAssessed?: (listings: readonly Listing[]) => void;
}

/** The page a message came from, as the browser (not the page) reports it; only Taobao/Tmall pages. */
export function senderPage(senderUrl: string | undefined): string {
  const url = taobaoPageUrl(senderUrl);
  if (!url) throw new InvalidBatchError('messages are only taken from Taobao and Tmall pages');
  return url.href;
}

const checkedListing = (raw: unknown): Listing => checkedOrThrow(listingSchema, raw, 'a listing');

export class BackgroundService {
  #writes: Promise<void> = Promise.resolve();
  /** Reports being filed, by item id: a second click on a listing waits for the first to be stored. */
  readonly #filing = new Map<string, Promise<unknown>>();
  /** Trusted and reported, in memory; call marks.forget() after changing those tables elsewhere. */
  readonly marks: ActivityMarks;

  constructor(private readonly deps: BackgroundDeps) {
    this.marks = new ActivityMarks(deps.activity);
  }

  /** Resolves once every history write started so far is done. */
  settled(): Promise<void> {
    return this.#writes;
  }

  /** Listings sent by an extension page (the benchmark), checked like a content script's. */
  checkedListings(raw: readonly unknown[]): Listing[] {
    return raw.map(checkedListing);
  }

  async assess(listings: unknown, senderUrl: string | undefined): Promise<AssessAnswer> {
    const pageUrl = senderPage(senderUrl);
    await this.deps.ready?.();
    const { noticeHits, activity } = this.deps;
    const rules = this.deps.rules();
    const { sensitivity } = await this.deps.settings();
    const assessed = assessBatch(listings, { rules, noticeHits, sensitivity, officialShops: (brand) => officialShops(rules, brand) });
    const checked = assessed.map((a) => a.listing);
    const { trusted, reported } = await this.marks.of(checked);
    // The page waits for this answer to show its badges; the history write (a read-write
    // transaction, tens of milliseconds on a busy machine) follows it, one write at a time.
    const sightings = assessed.map((a) => ({ ...a, pageUrl }));
    const now = this.deps.now();
    this.#writes = this.#writes
      .then(async () => {
        await recordSightings(activity, sightings, now);
      })
      .catch((error: unknown) => console.error('Counterfeit Radar: could not record the history', error));
    this.deps.onAssessed?.(checked);
    return { verdicts: assessed.map((a) => a.verdict), trusted, reported };
  }

  /** The listing a page's details ask about, checked like every listing a page sends. */
  checkedPageListing(listing: unknown, senderUrl: string | undefined): Listing {
    senderPage(senderUrl);
    return checkedListing(listing);
  }

  async trust(kind: unknown, listing: unknown, senderUrl: string | undefined): Promise<{ key: string }> {
    senderPage(senderUrl);
    if (kind !== 'item' && kind !== 'shop') throw new InvalidBatchError('trust kind must be "item" or "shop"');
    const record = await trust(this.deps.activity, kind as TrustKind, checkedListing(listing), this.deps.now());
    await this.marks.noteTrusted(record.key);
    return { key: record.key };
  }

  /**
   * Undo of a trust just made on the page (its Undo button): the key is the background's own, derived
   * from the checked listing, so a page can only undo a trust of the listing it shows.
   */
  async untrustListing(kind: unknown, listing: unknown, senderUrl: string | undefined): Promise<void> {
    senderPage(senderUrl);
    if (kind !== 'item' && kind !== 'shop') throw new InvalidBatchError('trust kind must be "item" or "shop"');
    const keys = trustKeys(checkedListing(listing));
    const key = kind === 'item' ? keys.item : keys.shop;
    if (key === null) return;
    await untrust(this.deps.activity, key);
    this.marks.forget();
  }

  /** "Not counterfeit" from the popup: the listing comes from the background's own history record. */
  async trustFromHistory(itemId: string, kind: TrustKind): Promise<{ key: string }> {
    const seen = await this.deps.activity.history.get(itemId);
    if (!seen) throw new InvalidBatchError(`no listing ${itemId} in the history`);
    const record = await trust(this.deps.activity, kind, seen.listing, this.deps.now());
    await this.marks.noteTrusted(record.key);
    return { key: record.key };
  }

  /**
   * Records a report, or a capture added to the listing's report when it has one from before the
   * repeat window, and shows the IP protection platform's tab (the open one, else a new one).
   * `tab` is the reporting tab when a screenshot may be taken; the badge's button has no activeTab
   * grant, so its reports say why they have none.
   */
  async report(
    evidence: ListingEvidence,
    senderUrl: string | undefined,
    tab: CaptureTab | null,
    /** Runs after the record is stored and before the IPP tab takes focus (a page can copy only while focused). */
    beforeOpening?: (answer: ReportAnswer) => Promise<void>,
  ): Promise<ReportAnswer> {
    const pageUrl = senderPage(senderUrl);
    const listing = checkedListing(evidence.listing);
    const cardMarkup = typeof evidence.cardMarkup === 'string' ? evidence.cardMarkup : '';
    const steps = await this.reportSteps(tab, listing.itemId);
    const { report, capture } = await this.oneAtATime(listing.itemId, async () => {
      const filed = await fileReport(this.deps.activity, { listing, pageUrl, cardMarkup }, steps);
      const id = filed.record.id as number;
      if (filed.again) return { report: filed.record, capture: await this.addCapture(id, listing, pageUrl, steps) };
      // A repeated click returns the report already made (and already in the evidence log).
      if (!filed.repeated) await logReportCreated(this.deps.activity, { ...filed.record, id });
      return { report: filed.record, capture: null };
    });
    await this.marks.noteReported(listing.itemId);
    const answer: ReportAnswer = {
      reportId: report.id ?? 0,
      complaint: complaintText(report, this.deps.uiLanguage()),
      screenshot: capture ? capture.screenshot : report.screenshot !== null,
      capture: capture?.n ?? null,
    };
    await beforeOpening?.(answer).catch(() => undefined);
    await this.deps.showTab(IPP_URL);
    return answer;
  }

  /**
   * The desk's "capture from the listing's page", for a report the browser could not screenshot: the
   * listing's page is opened from its id (never a URL the page gave), and what it shows now is added
   * as a capture, with the fields read there (the stored ones if the page reads differently).
   */
  async captureReport(reportId: number): Promise<PageResult<{ capture: number; screenshot: boolean }>> {
    const report = await this.deps.activity.reports.get(reportId);
    if (!report) return pageFailure(`there is no report ${reportId}`);
    const { screenshotAllowed, openForCapture } = this.deps;
    if (!openForCapture || !(await screenshotAllowed?.())) return pageFailure(CAPTURE_NEEDS_PERMISSION);
    const pageUrl = listingUrl(report.itemId, report.listing.shop.platform);
    const opened = await openForCapture(pageUrl, report.itemId);
    if (!opened) return pageFailure(`the listing's page did not show the listing; nothing was added (it may be removed, or the page asks for a login)`);
    const read = v.safeParse(listingSchema, opened.listing);
    const listing = read.success && read.output.itemId === report.itemId ? read.output : report.listing;
    const steps = await this.reportSteps(opened.tab, report.itemId);
    const added = await this.oneAtATime(report.itemId, () => this.addCapture(reportId, listing, pageUrl, steps));
    if (!added) return pageFailure(`report ${reportId} was deleted while its page loaded; nothing was added`);
    return { ok: true, capture: added.n, screenshot: added.screenshot };
  }

  /** What the page shows now, with the settled verdict and a screenshot if one may be taken, added to the report. */
  private async addCapture(reportId: number, listing: Listing, pageUrl: string, steps: ReportSteps): Promise<{ n: number; screenshot: boolean } | null> {
    const at = steps.now();
    const verdict = await steps.settledVerdict(listing);
    const shot = await steps.screenshot();
    const added = await addCapture(this.deps.activity, reportId, { at, listing, verdict, pageUrl, screenshot: shot.screenshot, screenshotNote: shot.screenshotNote, ...(shot.screenshot && shot.frame ? { frame: shot.frame } : {}) });
    return added ? { n: added.n, screenshot: shot.screenshot !== null } : null;
  }

  /** Runs `file` after any report of the same listing still being filed, so a double click adds one capture, not two. */
  private async oneAtATime<T>(itemId: string, file: () => Promise<T>): Promise<T> {
    const before = this.#filing.get(itemId) ?? Promise.resolve();
    const run = before.then(file, file);
    const settled = run.catch(() => undefined);
    this.#filing.set(itemId, settled);
    void settled.then(() => {
      if (this.#filing.get(itemId) === settled) this.#filing.delete(itemId);
    });
    return run;
  }

  /** At worker start: finishes the reports a stopped worker left pending. */
  async finishPendingReports(): Promise<number> {
    return finishPendingReports(this.deps.activity, await this.reportSteps(null, null));
  }

  private async reportSteps(tab: CaptureTab | null, itemId: string | null): Promise<ReportSteps> {
    const { sensitivity } = await this.deps.settings();
    const { rules, noticeHits } = this.deps;
    return {
      verdictNow: (listing) => assessListing(listing, rules(), noticeHits(listing), sensitivity),
      settledVerdict: async (listing) => {
        await this.deps.ready?.();
        return assessListing(listing, rules(), noticeHits(listing), (await this.deps.settings()).sensitivity);
      },
      screenshot: async () => {
        if (tab === null) return { screenshot: null, screenshotNote: BADGE_SCREENSHOT_NOTE };
        const { tabId } = tab;
        const { frameListing, unframe } = this.deps;
        const framing = tabId !== null && itemId !== null && frameListing ? frameListing(tabId, itemId).catch(() => null) : Promise.resolve(null);
        try {
          const frame = await framing;
          const screenshot = await this.deps.captureVisibleTab(tab.windowId);
          const size = pngSize(pngBytes(screenshot) ?? new Uint8Array());
          return { screenshot, screenshotNote: null, frame: frame && size ? frameInImage(frame, size) : null };
        } catch (error) {
          return { screenshot: null, screenshotNote: `The browser refused the screenshot: ${(error as Error).message}` };
        } finally {
          if (tabId !== null && itemId !== null) unframe?.(tabId);
        }
      },
      now: this.deps.now,
    };
  }
}

const CAPTURE_NEEDS_PERMISSION = 'a screenshot needs the screenshot permission: turn it on in the options (Reports), then capture again';

const BADGE_SCREENSHOT_NOTE = 'Reported from the badge: the browser allows a screenshot only from the context menu, the keyboard shortcut, or with the screenshot permission granted in the options.';
