/**
 * Puts a badge on a listing element: a `<cr-badge>` host with its own shadow root, holding the
 * stylesheet and the Preact tree. The host is the only node the page sees.
 */
import { render } from 'preact';
import { ITEM_MARK, OWN_UI_MARK } from '../../lib/extract/listing-watcher';
import { isItemId } from '../../lib/page/item-id';
import { Badge } from './badge';
import type { BadgeOptions } from './badge-options';
import { shownLevel } from './badge-options';
import { BADGE_CSS, HOST_STYLE } from './badge-styles';

export const BADGE_TAG = 'cr-badge';
export const RISK_MARK = 'data-cr-risk';

export interface BadgeHandle {
  /** The host element (for tests and for the caller's bookkeeping). */
  readonly host: HTMLElement;
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

function markHost(host: HTMLElement, options: BadgeOptions): void {
  host.setAttribute(RISK_MARK, options.verdict.risk);
  host.setAttribute(ITEM_MARK, options.verdict.itemId);
  // A host with nothing to show stays in place (an update may give it a level) but draws nothing.
  const visible = shownLevel(options.verdict.risk, options.showLowMark ?? false) !== null;
  host.style.setProperty('display', visible ? 'block' : 'none', 'important');
}

/** Mounts a badge as the first child of `anchor` (a search card or the item page's title block). */
export function mountBadge(anchor: Element, options: BadgeOptions): BadgeHandle {
  assertItemId(options.verdict.itemId);
  const doc = anchor.ownerDocument;
  const host = doc.createElement(BADGE_TAG);
  // Marked before it is inserted, so the listing watcher's observer never counts it as page content.
  host.setAttribute(OWN_UI_MARK, '');
  host.style.cssText = HOST_STYLE;
  markHost(host, options);

  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = BADGE_CSS;
  const container = doc.createElement('div');
  shadow.append(style, container);

  const guard = (event: Event) => {
    event.stopPropagation();
    if (PREVENTED_EVENTS.has(event.type) && !startsOnOwnLink(event, host)) event.preventDefault();
  };
  for (const type of STOPPED_EVENTS) host.addEventListener(type, guard);

  let current = options;
  render(<Badge options={current} />, container);
  anchor.prepend(host);

  let removed = false;
  return {
    host,
    update(next) {
      if (removed) return;
      const merged = { ...current, ...next };
      assertItemId(merged.verdict.itemId);
      current = merged;
      markHost(host, current);
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
