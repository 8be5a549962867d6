/**
 * Which listing a report is about, from where the user pointed: the card under the last context-menu
 * click or pointer, or the page's only listing (an item page). The card's markup is kept as text for
 * the record.
 */
import { MAX_CARD_MARKUP } from '../activity/reports';
import type { Listing } from '../listing';
import type { ListingEvidence } from '../messaging/protocol';

export function cardMarkup(element: Element): string {
  const text = new XMLSerializer().serializeToString(element);
  // Bounded here as in the report record: a hostile page must not be able to fill the report store.
  return text.length > MAX_CARD_MARKUP ? text.slice(0, MAX_CARD_MARKUP) : text;
}

/** Finds the listing an element shows (ListingBadges.listingAt): from our own marks, not the DOM's. */
export interface ListingLookup {
  listingAt(target: Element | null): { listing: Listing; element: Element } | null;
}

export function evidenceAt(target: Element | null, listings: ListingLookup): ListingEvidence | null {
  const found = listings.listingAt(target);
  return found ? { listing: found.listing, cardMarkup: cardMarkup(found.element) } : null;
}
