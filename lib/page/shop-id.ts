import { parsePageUrl } from './item-id';

/**
 * The numeric shop id in a shop link: `//shop123456.taobao.com`, or a `shopId=` / `shop_id=` query.
 * Opaque forms (`store.taobao.com/shop/view_shop.htm?appUid=…`, `<name>.tmall.com`) carry none.
 */
export function shopIdFromUrl(href: string | null | undefined): string | null {
  if (!href) return null;
  const url = parsePageUrl(href);
  if (!url) return null;
  const host = /^shop(\d+)\.taobao\.com$/i.exec(url.hostname)?.[1];
  if (host) return host;
  for (const name of ['shopId', 'shop_id']) {
    const value = url.searchParams.get(name);
    if (value && /^\d+$/.test(value)) return value;
  }
  return null;
}
