/**
 * Noticing a redesign: a page of a kind that should show listings, on which none were found once it
 * settled. Then the extension says "This page's layout is not recognised" instead of silently showing
 * nothing, and offers a structural snapshot for a bug report.
 */
import type { PageKind } from '../page/page-kind';

/** Containers that hold results once a page has rendered them (any generation). */
const RESULT_CONTAINERS: Partial<Record<PageKind, string>> = {
  search: '#content_items_wrapper, .search-content-col, [class*="contentInner--"], #mainsrp-itemlist, .m-itemlist',
  shop: '[class*="shopProductShelfArea--"], .J_TItems, #J_ShopSearchResult',
};

/**
 * Whether a settled page of this kind should have yielded listings and did not. Item pages always
 * show one item; search and shop pages only when their result container is there (a search with no
 * results, or a shop front of banners, has none).
 */
export function layoutUnrecognised(doc: Document, kind: PageKind, listingsFound: number): boolean {
  if (listingsFound > 0) return false;
  if (kind === 'item' || kind === 'mobile-item') return doc.body !== null && doc.body.childElementCount > 0;
  const containers = RESULT_CONTAINERS[kind];
  return containers !== undefined && doc.querySelector(containers) !== null;
}

export interface SnapshotLimits {
  /** Elements written at most; the rest are counted. */
  maxElements: number;
  maxDepth: number;
}

const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'PATH']);
/** Class names and ids as structure only: hashed class names are kept, anything else is cut. */
const NAME = /^[A-Za-z_][\w-]{0,63}$/;

/**
 * The page's structure, safe to paste into a public bug report: tag names, ids and class names only —
 * no text, no attribute values, no URLs beyond the host — one element a line, indented by depth.
 */
export function structuralSnapshot(doc: Document, kind: PageKind, limits: SnapshotLimits = { maxElements: 3000, maxDepth: 40 }): string {
  const lines = [`host: ${doc.location?.hostname ?? 'unknown'}`, `page kind: ${kind}`];
  let written = 0;
  let skipped = 0;
  const walk = (element: Element, depth: number): void => {
    if (SKIPPED.has(element.tagName.toUpperCase())) return;
    if (written >= limits.maxElements || depth > limits.maxDepth) {
      skipped++;
      for (const child of element.children) walk(child, depth + 1);
      return;
    }
    written++;
    const id = NAME.test(element.id) ? `#${element.id}` : element.id ? '#…' : '';
    const classes = [...element.classList].map((name) => (NAME.test(name) ? `.${name}` : '.…')).join('');
    lines.push(`${'  '.repeat(depth)}${element.tagName.toLowerCase()}${id}${classes}`);
    for (const child of element.children) walk(child, depth + 1);
  };
  if (doc.body) walk(doc.body, 0);
  if (skipped > 0) lines.push(`… ${skipped} more elements`);
  return lines.join('\n');
}
