/**
 * Where a reported listing is, for the screenshot's crop: its card on a search or shop page; on an
 * item page the header that holds both its title and its price (what a reviewer needs to see), when
 * that fits on the screen, else the title.
 */
import type { PageFrame } from '../evidence/listing-frame';

/** The smallest element holding both, or null when they share nothing below the body. */
function commonAncestor(a: Element, b: Element): Element | null {
  for (let node: Element | null = a; node; node = node.parentElement) {
    if (node === a.ownerDocument.body || node === a.ownerDocument.documentElement) return null;
    if (node.contains(b)) return node;
  }
  return null;
}

/** The element the crop frames: `anchor` itself, or on an item page the header around it and `price`. */
export function framedElement(anchor: Element, price: Element | null, viewportHeight: number): Element {
  if (!price) return anchor;
  const header = commonAncestor(anchor, price);
  return header && header.getBoundingClientRect().height <= viewportHeight ? header : anchor;
}

/** The element's box in the viewport, or null when none of it is on screen (the crop would show something else). */
export function pageFrameOf(element: Element, view: { innerWidth: number; innerHeight: number }): PageFrame | null {
  const r = element.getBoundingClientRect();
  const onScreen = r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 && r.left < view.innerWidth && r.top < view.innerHeight;
  return onScreen ? { box: { x: r.left, y: r.top, width: r.width, height: r.height }, viewportWidth: view.innerWidth } : null;
}
