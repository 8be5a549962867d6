/**
 * The one entry point from a page to its listings: decides the page kind, refuses blocked pages, and
 * hands the document to the extractor for that kind. Used by the content script and the CLI alike.
 */
import { pageKind, type PageKind } from '../page/page-kind';
import type { FoundListing } from './found-listing';
import { extractItemPage } from './item-page';
import { extractMobileItemPage } from './mobile-item-page';
import { extractSearchPage } from './search-page';
import { queryFirst } from './selector';
import { BLOCKED_PAGE } from './selectors';
import { extractShopPage } from './shop-page';

export interface PageListings {
  page: PageKind;
  found: FoundListing[];
}

/** A verification layer can sit over any page, at any URL: then nothing on it is trusted. */
export function isBlockedDocument(doc: Document): boolean {
  return queryFirst(doc, BLOCKED_PAGE) !== null;
}

const EXTRACTORS: Partial<Record<PageKind, (doc: Document, url: URL) => FoundListing[]>> = {
  item: extractItemPage,
  'mobile-item': extractMobileItemPage,
  search: extractSearchPage,
  shop: extractShopPage,
};

export function extractPage(doc: Document, href: string): PageListings {
  const kind = pageKind(href);
  if (kind === 'blocked' || isBlockedDocument(doc)) return { page: 'blocked', found: [] };
  const extractor = EXTRACTORS[kind];
  return { page: kind, found: extractor ? extractor(doc, new URL(href)) : [] };
}
