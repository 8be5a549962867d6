/**
 * Which listings show a "Checking…" mark, and when. A listing whose first verdict is in flight (the
 * first request and its retries) gets the mark only after `delayMs`, so a quick answer never makes
 * it flicker, and only once its card comes into view, so a 10,000-card page with a slow background
 * mounts marks for the few cards on screen, not for all of them. The mark goes when the verdict
 * arrives. When the retries give up it turns into "Not checked": a card with no mark would read as
 * "checked, nothing suspicious", which is what a shopper would take it for and is not true.
 * Rendering is passed in (`mount`); the DOM's IntersectionObserver fits `observeVisible`.
 */

export type MarkState = 'checking' | 'unchecked';

export interface MarkHandle {
  update(state: MarkState): void;
  remove(): void;
}

export type MountMark = (anchor: Element, state: MarkState) => MarkHandle;

/** Watches elements and says when one comes into view (an IntersectionObserver fits). */
export interface VisibilityWatch {
  observe(element: Element): void;
  unobserve(element: Element): void;
}

export type ObserveVisible = (onVisible: (element: Element) => void) => VisibilityWatch;

/** Long enough that an answer from a running background (a few ms to ~100 ms) never shows the mark. */
export const CHECKING_DELAY_MS = 300;

/** What ListingBadges tells the marks about the anchors of its listings. */
export interface PendingMarks {
  /** These anchors' listings have no verdict yet, and one is being asked for. */
  waiting(anchors: readonly Element[]): void;
  /** Their verdict arrived: any mark goes. */
  answered(anchors: readonly Element[]): void;
  /** Every retry failed: the mark (or, once in view, a new one) says "Not checked". */
  gaveUp(anchors: readonly Element[]): void;
  clear(): void;
}

interface Mark {
  state: MarkState;
  handle: MarkHandle | null;
  watched: boolean;
}

export class CheckingMarks implements PendingMarks {
  private readonly marks = new Map<Element, Mark>();
  private readonly visibility: VisibilityWatch;

  constructor(
    private readonly mount: MountMark,
    observeVisible: ObserveVisible,
    /** setTimeout's shape; the content script passes its context's timer. */
    private readonly later: (run: () => void, ms: number) => void,
    private readonly delayMs = CHECKING_DELAY_MS,
  ) {
    this.visibility = observeVisible((element) => this.show(element));
  }

  /** How many marks are on the page now (tests, and a check that the cost stays with the visible cards). */
  get mounted(): number {
    let n = 0;
    for (const mark of this.marks.values()) if (mark.handle) n++;
    return n;
  }

  waiting(anchors: readonly Element[]): void {
    const fresh: Element[] = [];
    for (const anchor of anchors) {
      const mark = this.marks.get(anchor);
      if (mark) {
        // Asked again after giving up (the background said something changed): checking once more.
        mark.state = 'checking';
        mark.handle?.update('checking');
      } else {
        this.marks.set(anchor, { state: 'checking', handle: null, watched: false });
        fresh.push(anchor);
      }
    }
    // One timer per batch of anchors, not one per card.
    if (fresh.length > 0) this.later(() => fresh.forEach((anchor) => this.watch(anchor)), this.delayMs);
  }

  answered(anchors: readonly Element[]): void {
    for (const anchor of anchors) {
      const mark = this.marks.get(anchor);
      if (!mark) continue;
      if (mark.watched) this.visibility.unobserve(anchor);
      mark.handle?.remove();
      this.marks.delete(anchor);
    }
  }

  gaveUp(anchors: readonly Element[]): void {
    for (const anchor of anchors) {
      const mark = this.marks.get(anchor) ?? { state: 'unchecked', handle: null, watched: false };
      this.marks.set(anchor, mark);
      mark.state = 'unchecked';
      if (mark.handle) mark.handle.update('unchecked');
      // A lasting state, not a flicker: no delay before it shows.
      else this.watch(anchor);
    }
  }

  clear(): void {
    for (const [anchor, mark] of this.marks) {
      if (mark.watched) this.visibility.unobserve(anchor);
      mark.handle?.remove();
    }
    this.marks.clear();
  }

  private watch(anchor: Element): void {
    const mark = this.marks.get(anchor);
    if (!mark || mark.watched || mark.handle) return;
    mark.watched = true;
    this.visibility.observe(anchor);
  }

  private show(anchor: Element): void {
    const mark = this.marks.get(anchor);
    if (!mark || mark.handle) return;
    // Once shown it stays until the verdict comes: no more visibility callbacks for this card.
    this.visibility.unobserve(anchor);
    mark.watched = false;
    mark.handle = this.mount(anchor, mark.state);
  }
}
