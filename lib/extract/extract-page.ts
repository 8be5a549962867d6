/**
 * The one entry point from a page to its listings: decides the page kind, refuses blocked pages, and
 * hands the document to the extractor for that kind. Used by the content script and the CLI alike.
 */
import { pageKind, type PageKind } from '../page/page-kind';
import type { FoundListing } from './found-listing';
import { extractItemPage } from './item-page';
import { extractMobileItemPage } from './mobile-item-page';
import { extractSearchPage } from './search-page';
import { queryAll } from './selector';
import { BLOCKED_PAGE } from './selectors';
import { extractShopPage } from './shop-page';

export interface PageListings {
  page: PageKind;
  found: FoundListing[];
}

/**
 * Whether a verification layer is what the visitor sees. Normal pages keep hidden login and punish
 * iframes left by refused background requests (`display:none`), so presence alone says nothing.
 */
export function showsVerificationLayer(doc: Document): boolean {
  return queryAll(doc, BLOCKED_PAGE).some((element) => isShown(element));
}

function isShown(element: Element): boolean {
  const view = element.ownerDocument.defaultView;
  for (let node: Element | null = element; node; node = node.parentElement) {
    if (node.hasAttribute('hidden')) return false;
    const style = view?.getComputedStyle(node);
    if (style && (style.display === 'none' || style.visibility === 'hidden')) return false;
  }
  return true;
}

const EXTRACTORS: Partial<Record<PageKind, (doc: Document, url: URL) => FoundListing[]>> = {
  item: extractItemPage,
  'mobile-item': extractMobileItemPage,
  search: extractSearchPage,
  shop: extractShopPage,
};

/**
 * A page is blocked when its URL is the verification page, or when it shows a verification layer and
 * has no listing data; listings readable under a layer (the item is rendered behind a login dialog)
 * are real, and are extracted.
 */
export function extractPage(doc: Document, href: string): PageListings {
  const kind = pageKind(href);
  if (kind === 'blocked') return { page: 'blocked', found: [] };
  const extractor = EXTRACTORS[kind];
  const found = extractor ? extractor(doc, new URL(href)) : [];
  if (found.length === 0 && showsVerificationLayer(doc)) return { page: 'blocked', found: [] };
  return { page: kind, found };
}
