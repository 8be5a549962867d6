/**
 * Where the details panel goes when it is shown in the top layer (fixed, viewport coordinates), and
 * how tall it may be: below the badge if it fits, else above it, else on the side with more room,
 * cut to that room (its body scrolls, its actions stay in view). Kept inside the viewport sideways.
 */

export interface Box {
  top: number;
  left: number;
  bottom: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface Placement {
  top: number;
  left: number;
  /** The most the panel may be tall here; its body scrolls past that. */
  maxHeight: number;
}

/** Space kept between the panel and the badge, and between the panel and the viewport's edge. */
const GAP = 4;
const EDGE = 8;
/** Below this the panel would show too little; it then overlaps the badge rather than shrink more. */
export const MIN_PANEL_HEIGHT = 160;

export function placePanel(badge: Box, panel: Size, viewport: Size): Placement {
  const roomBelow = viewport.height - EDGE - (badge.bottom + GAP);
  const roomAbove = badge.top - GAP - EDGE;
  const fitsBelow = panel.height <= roomBelow;
  const below = fitsBelow || (panel.height > roomAbove && roomBelow >= roomAbove);
  const room = Math.max(below ? roomBelow : roomAbove, Math.min(MIN_PANEL_HEIGHT, viewport.height - 2 * EDGE));
  const height = Math.min(panel.height, room);
  const wanted = below ? badge.bottom + GAP : badge.top - GAP - height;
  // A badge half scrolled out of view: the panel still stays wholly inside the viewport.
  const top = Math.max(EDGE, Math.min(wanted, viewport.height - EDGE - height));
  const rightmost = viewport.width - EDGE - panel.width;
  const left = Math.max(EDGE, Math.min(badge.left, rightmost));
  return { top, left, maxHeight: room };
}
