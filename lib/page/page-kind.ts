import { isTaobaoHost } from './hosts';
import { parseItemId, parsePageUrl } from './item-id';

/**
 * What kind of Taobao/Tmall page a URL is. The URL alone decides, except "blocked": a verification
 * page can also sit behind a normal URL, which `showsVerificationLayer` (extract-page.ts) catches from the DOM.
 */
export type PageKind = 'item' | 'mobile-item' | 'search' | 'shop' | 'blocked' | 'other';

const PC_ITEM_HOSTS = new Set(['item.taobao.com', 'detail.tmall.com', 'detail.tmall.hk', 'chaoshi.tmall.com']);
const MOBILE_ITEM_HOSTS = new Set(['main.m.taobao.com', 'h5.m.taobao.com', 'detail.m.tmall.com', 'a.m.taobao.com']);
/** Tmall subdomains that are services, not shops (<name>.tmall.com is a shop). */
const TMALL_SERVICE_HOSTS = new Set([
  'www', 'detail', 'list', 'chaoshi', 'login', 'cart', 'buy', 'pages', 'vip', 'fw', 'err', 'consumerservice',
  'jubao', 'rights', 'm', 'detail.m', 'pages.m', 'mdskip', 'ald', 'suggest', 'tmall', 'www.m',
]);

function isSearch(host: string, path: string): boolean {
  return (
    (host === 's.taobao.com' && (path === '/search' || path.startsWith('/search/') || path === '/list')) ||
    (host === 'list.tmall.com' && path === '/search_product.htm')
  );
}

function isShop(host: string, path: string): boolean {
  if (/^shop\d+\.taobao\.com$/.test(host)) return true;
  if (host === 'store.taobao.com') return path.startsWith('/shop/');
  const tmallShop = /^(.+)\.(tmall\.com|tmall\.hk)$/.exec(host);
  return tmallShop?.[1] != null && !TMALL_SERVICE_HOSTS.has(tmallShop[1]) && !tmallShop[1].includes('.');
}

/** Verification and throttling pages: `/_____tmd_____/punish?x5secdata=…`. */
export function isBlockedUrl(url: URL): boolean {
  return url.pathname.includes('_____tmd_____') || url.pathname.includes('/punish') || url.searchParams.has('x5secdata');
}

export function pageKind(href: string | URL): PageKind {
  const url = typeof href === 'string' ? parsePageUrl(href) : href;
  if (!url || !/^https?:$/.test(url.protocol)) return 'other';
  const host = url.hostname.toLowerCase();
  if (!isTaobaoHost(host)) return 'other';
  if (isBlockedUrl(url)) return 'blocked';
  const path = url.pathname;
  if (PC_ITEM_HOSTS.has(host) && /item\.htm$/.test(path) && parseItemId(url)) return 'item';
  if (host === 'world.taobao.com' && parseItemId(url)) return 'item';
  if (MOBILE_ITEM_HOSTS.has(host) && parseItemId(url)) return 'mobile-item';
  if (isSearch(host, path)) return 'search';
  if (isShop(host, path)) return 'shop';
  return 'other';
}
