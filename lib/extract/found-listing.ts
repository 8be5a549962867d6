import type { Listing } from '../listing';
import { cleanImageUrl } from './field-text';

/**
 * A listing and the elements that show it: the content script marks them and anchors badges there.
 * A search page can show one item twice (ad shell and normal card); a page that only holds the listing
 * as data (pre-2023 search JSON) shows it in no element we can name.
 */
export interface FoundListing {
  listing: Listing;
  elements: Element[];
}

/** Visible text of an element, preferring its `title` attribute (Taobao puts the full text there). */
export function elementText(element: Element | null): string | null {
  if (!element) return null;
  const title = element.getAttribute('title')?.trim();
  return title || element.textContent;
}

const IMAGE_ATTRIBUTES = ['data-src', 'data-ks-lazyload', 'data-lazyload', 'src'] as const;

/**
 * The full-size image URL of an `<img>` (or the first one inside `element`). Lazy loading hides the
 * real URL in a data attribute and leaves a placeholder in `src`, so the first usable one wins.
 */
export function imageUrl(element: Element | null): string | null {
  if (!element) return null;
  const img = element.tagName === 'IMG' ? element : element.querySelector('img');
  if (!img) return null;
  for (const name of IMAGE_ATTRIBUTES) {
    const url = cleanImageUrl(img.getAttribute(name));
    if (url) return url;
  }
  return null;
}
