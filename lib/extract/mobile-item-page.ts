import type { FoundListing } from './found-listing';

// Mobile item pages: the extractor follows the fixture structure (test/fixtures/pages/README.md).
export function extractMobileItemPage(): FoundListing[] {
  return [];
}
