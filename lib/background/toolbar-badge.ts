/**
 * The toolbar icon's badge for one tab, as uBlock Origin shows its count: the number of high and
 * medium listings, coloured by the worst; nothing on a page with none; a neutral mark when the page's
 * layout is not recognised (so silence is not mistaken for "all clear").
 */
import type { PageStatus } from '../messaging/protocol';

export interface ToolbarBadge {
  text: string;
  color: string;
}

const HIGH = '#c62828';
const MEDIUM = '#ef6c00';
const NEUTRAL = '#757575';

export function toolbarBadge(status: PageStatus | null): ToolbarBadge {
  if (status === null) return { text: '', color: NEUTRAL };
  const flagged = status.high + status.medium;
  if (flagged > 0) return { text: flagged > 999 ? '999+' : String(flagged), color: status.high > 0 ? HIGH : MEDIUM };
  if (status.layoutUnrecognised) return { text: '?', color: NEUTRAL };
  return { text: '', color: NEUTRAL };
}
