/** Every selector alternative with a name that says where it lives, for the checks that count matches. */
import type { Selector } from './selector';
import { BLOCKED_PAGE, ITEM_PAGE, MOBILE_ITEM_PAGE, SEARCH_CARD, SEARCH_CLASSIC_CARD, SHOP_GRID, SHOP_SHELF } from './selectors';

export interface NamedSelector {
  name: string;
  selector: Selector;
}

const GROUPS: Record<string, Record<string, readonly Selector[]>> = { ITEM_PAGE, MOBILE_ITEM_PAGE, SEARCH_CARD, SEARCH_CLASSIC_CARD, SHOP_GRID, SHOP_SHELF, BLOCKED_PAGE: { any: BLOCKED_PAGE } };

export function selectorRegistry(): NamedSelector[] {
  return Object.entries(GROUPS).flatMap(([group, fields]) =>
    Object.entries(fields).flatMap(([field, list]) => list.map((selector, i) => ({ name: `${group}.${field}[${i}] ${selector.label}`, selector }))),
  );
}
