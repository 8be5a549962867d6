import type { FoundListing } from './found-listing';

export function extractMobileItemPage(_doc: Document, _url: URL): FoundListing[] {
  return [];
}
