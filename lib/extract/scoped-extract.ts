/**
 * Extraction limited to some subtrees of a search page: the cards that were added or changed, not the
 * whole document, so a 10,000-card page costs per scan what its new cards cost.
 *
 * The search extractor reads its document only through `querySelectorAll` / `querySelector` (cards,
 * their fields, inline scripts), so it is handed a root that answers those over the chosen subtrees,
 * each subtree's own top element included. Only search pages are read this way: an item or shop page
 * takes page-wide facts (the header's shop, the embedded data) that no subtree holds, and is small.
 * test/extract/scoped-extract.test.ts checks, on every search fixture, that reading all cards as
 * scopes finds what the whole-page extraction finds.
 */
import { extractPage } from './extract-page';
import type { FoundListing } from './found-listing';
import { queryAll, type Selector } from './selector';
import { SEARCH_CARD } from './selectors';
import { pageKind } from '../page/page-kind';

/** Sibling elements after a card searched with it: the HTML parser moves a nested shop link there. */
const SPLIT_SIBLINGS = 4;

/** The subset of ParentNode the extractors use, answered over several subtrees in the given order. */
class ScopedRoot {
  constructor(private readonly roots: readonly Element[]) {}

  querySelectorAll(css: string): Element[] {
    const found: Element[] = [];
    for (const root of this.roots) {
      if (root.matches(css)) found.push(root);
      for (const element of root.querySelectorAll(css)) found.push(element);
    }
    return found;
  }

  querySelector(css: string): Element | null {
    for (const root of this.roots) {
      if (root.matches(css)) return root;
      const inside = root.querySelector(css);
      if (inside) return inside;
    }
    return null;
  }
}

function matchesAny(element: Element, selectors: readonly Selector[]): boolean {
  return selectors.some((s) => element.matches(s.css) && (s.accept?.(element) ?? true));
}

/** Search results are the pages read by scope. */
export function isScopedKind(href: string): boolean {
  return pageKind(href) === 'search';
}

/** The card `element` is in (or is), if any. */
export function cardScopeOf(element: Element): Element | null {
  for (let node: Element | null = element; node; node = node.parentElement) if (matchesAny(node, SEARCH_CARD.card)) return node;
  return null;
}

/**
 * Every card of the page, in document order. A page without today's cards (a classic search page of
 * rendered .m-itemlist items and g_page_config data, or a verification page) is one scope: the whole
 * document, which extractPage reads as it reads any page (and calls blocked when it shows a
 * verification layer and no listing).
 */
export function scopesOfCards(doc: Document): Element[] {
  const cards = queryAll(doc, SEARCH_CARD.card);
  return cards.length > 0 ? cards : [doc.documentElement];
}

/** A card and the few non-card siblings after it that may hold its split-off fields. */
function withSplitSiblings(scope: Element): Element[] {
  if (!matchesAny(scope, SEARCH_CARD.card)) return [scope];
  const scopes = [scope];
  let sibling = scope.nextElementSibling;
  for (let i = 0; sibling && i < SPLIT_SIBLINGS; i++, sibling = sibling.nextElementSibling) {
    if (matchesAny(sibling, SEARCH_CARD.card) || queryAll(sibling, SEARCH_CARD.card).length > 0) break;
    scopes.push(sibling);
  }
  return scopes;
}

/** Scopes without the ones inside another scope (read once, by the outer one). */
function outermost(scopes: readonly Element[]): Element[] {
  const chosen = new Set(scopes);
  return scopes.filter((scope) => {
    for (let node = scope.parentElement; node; node = node.parentElement) if (chosen.has(node)) return false;
    return true;
  });
}

/** The listings shown inside `scopes` (search pages; other kinds are read whole). */
export function extractScoped(doc: Document, href: string, scopes: readonly Element[]): FoundListing[] {
  if (!isScopedKind(href)) return extractPage(doc, href).found;
  if (scopes.length === 0) return [];
  // Duck-typed: see the file comment for why the search extractor can be given this root.
  return extractPage(new ScopedRoot(outermost(scopes.flatMap(withSplitSiblings))) as unknown as Document, href).found;
}
