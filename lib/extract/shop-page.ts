import type { FoundListing } from './found-listing';

export function extractShopPage(_doc: Document, _url: URL): FoundListing[] {
  return [];
}
