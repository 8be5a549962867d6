/**
 * Puts a badge on a listing element: a `<cr-badge>` host with its own closed shadow root, holding the
 * stylesheet and the Preact tree. The host is the only node the page sees: it carries no verdict data
 * (no risk, no item id), `host.shadowRoot` is null to the page, and the root is kept here privately.
 */
import { render } from 'preact';
import { isItemId } from '../../lib/page/item-id';
import { Badge } from './badge';
import type { BadgeOptions } from './badge-options';
import { shownLevel } from './badge-options';
import { BADGE_CSS, HOST_STYLE, HOST_STYLE_BEFORE } from './badge-styles';

export const BADGE_TAG = 'cr-badge';

/**
 * Our hosts, known by identity rather than by an attribute: a page could copy an attribute onto its
 * own new cards to hide them from the listing watcher, or strip it to make us rescan forever.
 */
const badgeHosts = new WeakSet<Element>();

/** Whether `element` is a badge host this script made (the watcher ignores those). */
export function isBadgeHost(element: Element): boolean {
  return badgeHosts.has(element);
}

/**
 * Where the host goes. "over": the anchor's first child, out of flow over its top-left corner, so a
 * search card neither moves nor grows. "before": in flow just before the anchor, so an item page's
 * title stays readable with the badge above it (or beside it, in a row layout); the body, when a page
 * has no title element, gets it as its first child. "after": in flow just after the anchor (an item
 * page's price, where the badge is repeated).
 */
export type BadgePlacement = 'over' | 'before' | 'after';

export interface BadgeHandle {
  /** The host element (for tests and for the caller's bookkeeping). */
  readonly host: HTMLElement;
  /** The closed shadow root: only whoever mounted the badge holds it (unit tests read it here). */
  readonly shadowRoot: ShadowRoot;
  /** Re-renders with these options changed (say `{ reported: true }` or a new verdict). */
  update(next: Partial<BadgeOptions>): void;
  /** Unmounts the tree (its timers and listeners go with it) and removes the host. Idempotent. */
  remove(): void;
}

/**
 * Events from inside the badge stop at the host, so the card's own handlers (navigation, tracking,
 * hover previews) never see them. Only the events that would activate the card's link also have
 * their default prevented; a key or pointer event keeps its default, so focus and typing still work.
 */
const STOPPED_EVENTS = [
  'click',
  'auxclick',
  'dblclick',
  'contextmenu',
  'mousedown',
  'mouseup',
  'pointerdown',
  'pointerup',
  'touchstart',
  'touchend',
  'keydown',
  'keyup',
  'dragstart',
] as const;
const PREVENTED_EVENTS: ReadonlySet<string> = new Set(['click', 'auxclick', 'dblclick', 'dragstart']);

/**
 * The panel's own links (report page, notice source) must still open. A click on a link is activated
 * by that innermost link, never by the card's `<a>` around the badge, so leaving it its default is safe.
 */
function startsOnOwnLink(event: Event, host: Element): boolean {
  for (const node of event.composedPath()) {
    if (node === host) return false;
    const element = node as Element;
    if (element.nodeType === 1 && element.localName === 'a' && element.hasAttribute('href')) return true;
  }
  return false;
}

function assertItemId(itemId: string): void {
  if (!isItemId(itemId)) throw new Error(`mountBadge: verdict.itemId must be 5 or more digits, got ${JSON.stringify(itemId)}`);
}

function showHost(host: HTMLElement, options: BadgeOptions): void {
  // A host with nothing to show stays in place (an update may give it a level) but draws nothing.
  const visible = shownLevel(options.verdict.risk, options.showLowMark ?? false) !== null;
  host.style.setProperty('display', visible ? 'block' : 'none', 'important');
}

/** One parsed stylesheet per document, adopted by every badge's shadow root. */
const sharedSheets = new WeakMap<Document, CSSStyleSheet | null>();

/**
 * The badge's stylesheet as a constructed sheet shared by all badges of the page: 60 shadow roots then
 * cost one parse and one set of rule data instead of 60 <style> elements. Null where the browser will
 * not adopt it (Firefox refuses a sheet made by a content script, whose objects are wrapped apart from
 * the page's); each root then gets its own <style>, as isolated, just slower.
 */
function sharedSheet(doc: Document, probe: ShadowRoot): CSSStyleSheet | null {
  if (sharedSheets.has(doc)) return sharedSheets.get(doc) ?? null;
  let sheet: CSSStyleSheet | null = null;
  try {
    const View = doc.defaultView as (Window & { CSSStyleSheet: typeof CSSStyleSheet }) | null;
    if (View && 'adoptedStyleSheets' in probe) {
      const made = new View.CSSStyleSheet();
      made.replaceSync(BADGE_CSS);
      probe.adoptedStyleSheets = [made];
      if (probe.adoptedStyleSheets.length === 1) sheet = made;
    }
  } catch {
    sheet = null;
  }
  sharedSheets.set(doc, sheet);
  return sheet;
}

/**
 * A new host for something of ours on a listing (a badge, a "checking…" mark), styled for its placement.
 * Known before it is inserted, so the listing watcher's observer never counts it as page content.
 */
export function newBadgeHost(doc: Document, placement: BadgePlacement): HTMLElement {
  const host = doc.createElement(BADGE_TAG);
  badgeHosts.add(host);
  host.style.cssText = placement === 'over' ? HOST_STYLE : HOST_STYLE_BEFORE;
  return host;
}

/** Puts a host on its anchor: "over" as its first child, "before" / "after" beside it (see BadgePlacement). */
export function placeHost(host: HTMLElement, anchor: Element, placement: BadgePlacement): void {
  const doc = anchor.ownerDocument;
  const beside = placement !== 'over' && anchor !== doc.body && anchor !== doc.documentElement && anchor.parentElement !== null;
  if (beside && placement === 'before') anchor.before(host);
  else if (beside) anchor.after(host);
  else anchor.prepend(host);
}

/** Mounts a badge on `anchor`: a search card ("over", the default) or an item page's title ("before"). */
export function mountBadge(anchor: Element, options: BadgeOptions, placement: BadgePlacement = 'over'): BadgeHandle {
  assertItemId(options.verdict.itemId);
  const doc = anchor.ownerDocument;
  const host = newBadgeHost(doc, placement);
  showHost(host, options);

  // Closed: the page's scripts can neither read the verdict in it nor reach its buttons.
  const shadow = host.attachShadow({ mode: 'closed' });
  const sheet = sharedSheet(doc, shadow);
  if (sheet) {
    shadow.adoptedStyleSheets = [sheet];
  } else {
    const style = doc.createElement('style');
    style.textContent = BADGE_CSS;
    shadow.append(style);
  }
  const container = doc.createElement('div');
  shadow.append(container);

  const guard = (event: Event) => {
    event.stopPropagation();
    if (PREVENTED_EVENTS.has(event.type) && !startsOnOwnLink(event, host)) event.preventDefault();
  };
  for (const type of STOPPED_EVENTS) host.addEventListener(type, guard);

  let current = options;
  render(<Badge options={current} />, container);
  placeHost(host, anchor, placement);

  let removed = false;
  return {
    host,
    shadowRoot: shadow,
    update(next) {
      if (removed) return;
      const merged = { ...current, ...next };
      assertItemId(merged.verdict.itemId);
      current = merged;
      showHost(host, current);
      render(<Badge options={current} />, container);
    },
    remove() {
      if (removed) return;
      removed = true;
      render(null, container);
      for (const type of STOPPED_EVENTS) host.removeEventListener(type, guard);
      host.remove();
    },
  };
}
