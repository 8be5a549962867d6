/**
 * Where the details panel goes when it is shown in the top layer (fixed, viewport coordinates):
 * below the badge if it fits, else above it, else below anyway; kept inside the viewport sideways.
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

/** Space kept between the panel and the badge, and between the panel and the viewport's edge. */
const GAP = 4;
const EDGE = 8;

export function placePanel(badge: Box, panel: Size, viewport: Size): { top: number; left: number } {
  const below = badge.bottom + GAP;
  const above = badge.top - GAP - panel.height;
  const top = below + panel.height <= viewport.height - EDGE || above < EDGE ? below : above;
  const rightmost = viewport.width - EDGE - panel.width;
  const left = Math.max(EDGE, Math.min(badge.left, rightmost));
  return { top, left };
}
