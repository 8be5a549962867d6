/**
 * The content script's model of the page: every listing found, its verdict once the background has
 * answered, and the badges shown for it. Decides which listings get a badge (medium and high; low only
 * when the user asked for marks; never a trusted one) and keeps the badges in step with settings,
 * trust and reports. Rendering is the badge component's job, passed in as `mount`.
 */
import { complaintText } from '../activity/reports';
import { trustKeys } from '../activity/trust';
import type { FoundListing } from '../extract/found-listing';
import type { Listing } from '../listing';
import type { AssessAnswer, FlaggedListing, PageStatus, ReportAnswer } from '../messaging/protocol';
import type { Settings } from '../settings/settings';
import type { Verdict } from '../verdict';
import type { PendingMarks } from './checking-marks';
import { DEFAULT_RETRY, requestVerdicts, type RetryPolicy } from './request-verdicts';

/**
 * User-timing marks, in development builds only (`wxt dev`, unit tests): a batch's verdicts arrived,
 * and every badge for them is mounted. A store build leaves no trace in the page's timeline, which
 * the page can read: it would learn when we judged its listings.
 */
export const VERDICTS_MARK = 'counterfeit-radar:verdicts';
export const BADGES_MARK = 'counterfeit-radar:badges';

function developmentMark(name: string): void {
  if (import.meta.env.DEV) performance.mark(name);
}

export interface BadgeState {
  listing: Listing;
  verdict: Verdict;
  reported: boolean;
  settings: Settings;
  /** Just trusted by the user on this page: the badge offers Undo until `UNDO_MS` have passed. */
  undo: { kind: 'item' | 'shop'; run: () => void } | null;
  /** Just reported: whether the complaint text reached the clipboard, said on the badge for `COPY_NOTE_MS`. */
  complaintCopy: ComplaintCopy | null;
}

export type ComplaintCopy = 'copied' | 'failed';

/** How long "Trusted — Undo" stays on the page after a trust. */
export const UNDO_MS = 8000;
/** How long the badge says the complaint was copied (or was not): long enough to read on coming back to the tab. */
export const COPY_NOTE_MS = 15_000;

export interface BadgeActions {
  trust(kind: 'item' | 'shop'): Promise<void>;
  report(): Promise<void>;
}

export interface BadgeHandle {
  update(state: BadgeState): void;
  remove(): void;
}

export type MountBadge = (anchor: Element, state: BadgeState, actions: BadgeActions) => BadgeHandle;

/** Where a report's complaint text goes: the clipboard, in the reader's language. */
export interface ComplaintClipboard {
  language: 'en' | 'zh_CN';
  copy(text: string): Promise<void>;
}

export interface BackgroundLink {
  assess(listings: Listing[]): Promise<AssessAnswer>;
  trust(kind: 'item' | 'shop', listing: Listing): Promise<unknown>;
  untrust(kind: 'item' | 'shop', listing: Listing): Promise<unknown>;
  report(listing: Listing, anchor: Element): Promise<ReportAnswer>;
}

interface Entry {
  listing: Listing;
  elements: Element[];
  verdict: Verdict | null;
  reported: boolean;
  trusted: boolean;
  badges: Map<Element, BadgeHandle>;
  /** The Undo the badge offers right after the user trusted this listing here. */
  undo: BadgeState['undo'];
  /** What became of the last report's complaint copy, while the badge says so. */
  copyNote: { outcome: ComplaintCopy } | null;
}

/** A card split by the HTML parser leaves empty clones of its link: a badge goes on one with content. */
function anchorsOf(elements: readonly Element[]): Element[] {
  const withContent = elements.filter((el) => (el.textContent ?? '').trim() !== '');
  return withContent.length > 0 ? withContent : elements.slice(0, 1);
}

export class ListingBadges {
  private readonly entries = new Map<string, Entry>();
  /** Each listing element's item id, where the page can neither read nor forge it. */
  private readonly owners = new WeakMap<Element, string>();
  private pendingCount = 0;

  constructor(
    private readonly mount: MountBadge,
    private readonly background: BackgroundLink,
    private settings: Settings,
    private readonly clipboard: ComplaintClipboard,
    /** Called after verdicts arrive or a batch gives up (the toolbar count follows). */
    private readonly onChange: () => void = () => undefined,
    /** How failed batches are asked again (tests pass no waiting). */
    private readonly retry: RetryPolicy = DEFAULT_RETRY,
    /** The "Checking…" / "Not checked" marks of listings still without a verdict (checking-marks.ts). */
    private readonly marks: PendingMarks | null = null,
  ) {}

  /** How many listings are known (an item page has one). */
  get size(): number {
    return this.entries.size;
  }

  /**
   * The listing shown by `target` or its nearest listing ancestor (the card under the pointer), with
   * that element; on a page with one listing (an item page), that one wherever the target is.
   */
  listingAt(target: Element | null): { listing: Listing; element: Element } | null {
    for (let node = target; node; node = node.parentElement) {
      const itemId = this.owners.get(node);
      const entry = itemId === undefined ? undefined : this.entries.get(itemId);
      if (entry) return { listing: entry.listing, element: node };
    }
    if (this.entries.size !== 1) return null;
    const [only] = this.entries.values();
    const element = only?.elements[0];
    return only && element ? { listing: only.listing, element } : null;
  }

  /** The listing and its verdict once the background has answered (for the popup's current tab). */
  assessed(itemId: string): { listing: Listing; verdict: Verdict } | null {
    const entry = this.entries.get(itemId);
    return entry?.verdict ? { listing: entry.listing, verdict: entry.verdict } : null;
  }

  /**
   * Notes newly found listings and asks for the verdicts of the ones not seen before. Each batch is
   * shown as soon as its answer arrives; a batch that fails is asked again with backoff (retry.ts's
   * delays) and, if it still fails, rejects the returned promise after the others have been shown
   * (AggregateError of the failures).
   */
  async add(found: readonly FoundListing[]): Promise<void> {
    const fresh: Listing[] = [];
    for (const { listing, elements } of found) {
      for (const element of elements) this.owners.set(element, listing.itemId);
      const entry = this.entries.get(listing.itemId);
      if (entry) {
        entry.elements.push(...elements.filter((el) => !entry.elements.includes(el)));
        this.render(entry);
      } else {
        this.entries.set(listing.itemId, { listing, elements: [...elements], verdict: null, reported: false, trusted: false, badges: new Map(), undo: null, copyNote: null });
        fresh.push(listing);
      }
    }
    await this.ask(fresh);
  }

  /**
   * Asks again for every listing's verdict (the background changed something: rules, notices, trust,
   * reports). Badges stay as they are until the new answers arrive, then change in place.
   */
  reassessAll(): Promise<void> {
    return this.ask([...this.entries.values()].map((entry) => entry.listing));
  }

  /** Removes every badge and forgets every listing (the user paused the extension on this site). */
  clear(): void {
    for (const entry of this.entries.values()) {
      for (const handle of entry.badges.values()) handle.remove();
    }
    this.marks?.clear();
    this.entries.clear();
    this.pendingCount = 0;
  }

  /** Listings waiting for a verdict. */
  get pending(): number {
    return this.pendingCount;
  }

  /** What the toolbar icon shows for this page. */
  status(layoutUnrecognised: boolean): PageStatus {
    let checked = 0;
    let high = 0;
    let medium = 0;
    for (const entry of this.entries.values()) {
      if (!entry.verdict) continue;
      checked++;
      if (entry.trusted) continue;
      if (entry.verdict.risk === 'high') high++;
      else if (entry.verdict.risk === 'medium') medium++;
    }
    return { checked, high, medium, layoutUnrecognised };
  }

  /** The flagged listings, high first, then medium, each in page order (the popup's list). */
  flagged(): FlaggedListing[] {
    const rows: FlaggedListing[] = [];
    for (const risk of ['high', 'medium'] as const) {
      for (const entry of this.entries.values()) {
        if (entry.trusted || entry.verdict?.risk !== risk) continue;
        rows.push({ itemId: entry.listing.itemId, risk, title: entry.listing.title, price: entry.listing.price, shopName: entry.listing.shop.name });
      }
    }
    return rows;
  }

  /** The element that shows a listing (its card, or an item page's title), for the popup to reveal. */
  elementOf(itemId: string): Element | null {
    const entry = this.entries.get(itemId);
    return entry ? (anchorsOf(entry.elements)[0] ?? null) : null;
  }

  private async ask(listings: readonly Listing[]): Promise<void> {
    if (listings.length === 0) return;
    this.pendingCount += listings.length;
    // Only a listing with no verdict yet is "checking": on a re-ask its badge stays until the answer.
    const unjudged = listings.map((l) => this.entries.get(l.itemId)).filter((entry): entry is Entry => entry !== undefined && entry.verdict === null);
    this.marks?.waiting(unjudged.flatMap((entry) => anchorsOf(entry.elements)));
    const answered = new Set<string>();
    const trusted = new Set<string>();
    const reported = new Set<string>();
    const { failures } = await requestVerdicts(
      listings,
      async (batch) => {
        const answer = await this.background.assess(batch);
        for (const id of answer.trusted) trusted.add(id);
        for (const id of answer.reported) reported.add(id);
        return answer;
      },
      (verdicts, batch) => {
        developmentMark(VERDICTS_MARK);
        this.pendingCount -= batch.length;
        for (const listing of batch) {
          const entry = this.entries.get(listing.itemId);
          if (!entry) continue;
          answered.add(listing.itemId);
          this.marks?.answered(anchorsOf(entry.elements));
          entry.verdict = verdicts.get(listing.itemId) ?? null;
          entry.trusted = trusted.has(listing.itemId);
          // Undone elsewhere (the popup) while the Undo was still offered: the offer goes too.
          if (!entry.trusted) entry.undo = null;
          entry.reported = reported.has(listing.itemId);
          this.render(entry);
        }
        developmentMark(BADGES_MARK);
        this.onChange();
      },
      this.retry,
    );
    if (failures.length > 0) {
      const unanswered = unjudged.filter((entry) => !answered.has(entry.listing.itemId) && this.entries.get(entry.listing.itemId) === entry);
      this.marks?.gaveUp(unanswered.flatMap((entry) => anchorsOf(entry.elements)));
      this.pendingCount -= failures.reduce<number>((n, failure) => n + ((failure as { batchSize?: number }).batchSize ?? 0), 0);
      this.onChange();
      throw new AggregateError(failures, `${failures.length} of the batches failed`);
    }
  }

  setSettings(settings: Settings): void {
    this.settings = settings;
    for (const entry of this.entries.values()) this.render(entry);
  }

  /**
   * A report made from the menu or the shortcut is recorded; `copied` is the page's copy of its
   * complaint, which the badge confirms (or says failed) once it settles.
   */
  markReported(itemId: string, copied?: Promise<void>): void {
    const entry = this.entries.get(itemId);
    if (!entry) return;
    entry.reported = true;
    this.render(entry);
    if (copied) void this.noteCopy(entry, copied);
  }

  /** The badge says whether the complaint reached the clipboard, for a while. */
  private async noteCopy(entry: Entry, copied: Promise<void>): Promise<void> {
    const outcome = await copied.then(
      (): ComplaintCopy => 'copied',
      (): ComplaintCopy => 'failed',
    );
    const note = { outcome };
    entry.copyNote = note;
    this.render(entry);
    setTimeout(() => {
      if (entry.copyNote !== note) return;
      entry.copyNote = null;
      this.render(entry);
    }, COPY_NOTE_MS);
  }

  private shows(entry: Entry): boolean {
    const risk = entry.verdict?.risk;
    if (!risk || (entry.trusted && !entry.undo)) return false;
    return risk === 'high' || risk === 'medium' || (risk === 'low' && this.settings.showLowMarks);
  }

  private render(entry: Entry): void {
    if (!this.shows(entry) || !entry.verdict) {
      for (const handle of entry.badges.values()) handle.remove();
      entry.badges.clear();
      return;
    }
    const state: BadgeState = {
      listing: entry.listing,
      verdict: entry.verdict,
      reported: entry.reported,
      settings: this.settings,
      undo: entry.undo,
      complaintCopy: entry.copyNote?.outcome ?? null,
    };
    for (const anchor of anchorsOf(entry.elements)) {
      const handle = entry.badges.get(anchor);
      if (handle) handle.update(state);
      else entry.badges.set(anchor, this.mount(anchor, state, this.actionsFor(entry, anchor)));
    }
  }

  private actionsFor(entry: Entry, anchor: Element): BadgeActions {
    return {
      trust: async (kind) => {
        await this.background.trust(kind, entry.listing);
        // Trusting a shop clears every listing of that shop on the page; the one the user clicked
        // says "Trusted — Undo" for a while, and Undo brings them all back.
        const shopKey = trustKeys(entry.listing).shop;
        const affected = [...this.entries.values()].filter((other) => other === entry || (kind === 'shop' && shopKey !== null && trustKeys(other.listing).shop === shopKey));
        for (const other of affected) other.trusted = true;
        const offer = {
          kind,
          run: () => {
            if (entry.undo !== offer) return;
            entry.undo = null;
            void this.background.untrust(kind, entry.listing).then(() => {
              for (const other of affected) other.trusted = false;
              for (const other of affected) this.render(other);
            });
          },
        };
        entry.undo = offer;
        setTimeout(() => {
          if (entry.undo !== offer) return;
          entry.undo = null;
          this.render(entry);
        }, UNDO_MS);
        for (const other of affected) this.render(other);
      },
      report: async () => {
        // Copied first, still inside the click: the background then opens the IP platform in a new
        // tab, which takes the focus, and Chrome refuses to write the clipboard of an unfocused page.
        // The text is the background's complaintText over the same listing and verdict.
        // The badge says at once whether the copy worked, whatever the background still has to do.
        const copied = entry.verdict ? this.clipboard.copy(complaintText({ listing: entry.listing, verdict: entry.verdict }, this.clipboard.language)) : null;
        const noted = copied ? this.noteCopy(entry, copied) : Promise.resolve();
        await this.background.report(entry.listing, anchor);
        entry.reported = true;
        this.render(entry);
        await noted;
      },
    };
  }
}
