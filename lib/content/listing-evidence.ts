/**
 * Which listing a report is about, from where the user pointed: the card under the last context-menu
 * click or pointer, or the page's only listing (an item page). The card's markup is kept as text for
 * the record.
 */
import { MAX_CARD_MARKUP } from '../activity/reports';
import type { Listing } from '../listing';
import { ITEM_MARK } from '../extract/listing-watcher';
import type { ListingEvidence } from '../messaging/protocol';


export function cardMarkup(element: Element): string {
  const text = new XMLSerializer().serializeToString(element);
  // Bounded here as in the report record: a hostile page must not be able to fill the report store.
  return text.length > MAX_CARD_MARKUP ? text.slice(0, MAX_CARD_MARKUP) : text;
}

export function evidenceAt(
  target: Element | null,
  listings: ReadonlyMap<string, { listing: Listing; elements: readonly Element[] }>,
): ListingEvidence | null {
  const marked = target?.closest(`[${ITEM_MARK}]`);
  const itemId = marked?.getAttribute(ITEM_MARK);
  const known = itemId ? listings.get(itemId) : undefined;
  if (known && marked) return { listing: known.listing, cardMarkup: cardMarkup(marked) };
  // An item page has one listing: the menu anywhere on it means that one.
  if (listings.size === 1) {
    const [only] = listings.values();
    const element = only?.elements[0];
    if (only && element) return { listing: only.listing, cardMarkup: cardMarkup(element) };
  }
  return null;
}
