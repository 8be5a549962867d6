/**
 * Item ids from every URL shape Taobao and Tmall use (see shared/taobao-pages.md). An id is 5 or more
 * digits; anything else is not an id, whatever the parameter is called.
 */

const ITEM_ID = /^\d{5,}$/;
const ID_PARAMS = ['id', 'itemId', 'item_id'] as const;
/** world.taobao.com/item/N.htm */
const WORLD_PATH = /^\/item\/(\d{5,})\.htm$/;
/** a.m.taobao.com/iN.htm and similar short mobile paths. */
const MOBILE_PATH = /\/i(\d{5,})\.htm$/;

/** True for a string that can be an item id. */
export function isItemId(value: string | null | undefined): value is string {
  return value != null && ITEM_ID.test(value);
}

/** Parses a URL that may be protocol-relative (`//item.taobao.com/…`), as search cards link. */
export function parsePageUrl(href: string, base = 'https://s.taobao.com/'): URL | null {
  try {
    return new URL(href, base);
  } catch {
    return null;
  }
}

/** The item id in an item URL, or null when the URL carries none (ad redirects, short links). */
export function parseItemId(href: string | URL): string | null {
  const url = typeof href === 'string' ? parsePageUrl(href) : href;
  if (!url) return null;
  for (const name of ID_PARAMS) {
    const value = url.searchParams.get(name);
    if (isItemId(value)) return value;
  }
  const path = WORLD_PATH.exec(url.pathname) ?? MOBILE_PATH.exec(url.pathname);
  return path?.[1] ?? null;
}

/** Search cards carry `id="item_id_N"`; ad cards have no other trace of the id. */
export function itemIdFromCardId(elementId: string): string | null {
  const match = /^item_id_(\d{5,})$/.exec(elementId);
  return match?.[1] ?? null;
}
