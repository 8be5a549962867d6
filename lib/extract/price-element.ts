/**
 * The element showing an item page's price, where the badge is repeated: a shopper deciding looks at
 * the price, not at the title above it. The same selectors the price is read with, the sticky bar
 * (which repeats the price) excluded, and only an element that holds a price.
 */
import { pageKind } from '../page/page-kind';
import { parsePrice } from './field-text';
import { readFirst } from './selector';
import { ITEM_PAGE, MOBILE_ITEM_PAGE } from './selectors';

export function itemPriceElement(doc: Document, href: string): Element | null {
  const kind = pageKind(href);
  const withPrice = (element: Element) => (parsePrice(element.textContent) ? element : null);
  if (kind === 'item') return readFirst(doc, ITEM_PAGE.price, withPrice, ITEM_PAGE.stickyBar);
  if (kind === 'mobile-item') return readFirst(doc, MOBILE_ITEM_PAGE.price, withPrice);
  return null;
}
