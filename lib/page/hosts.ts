/**
 * Match patterns for every Taobao and Tmall host the extension runs on. The manifest's host
 * permissions and the content script's `matches` both come from here, so the two cannot drift.
 * `*.tmall.com` covers chaoshi.tmall.com and shop hosts; `*.tmall.hk` is Tmall Global.
 */
export const TAOBAO_HOST_PATTERNS = [
  '*://*.taobao.com/*',
  '*://*.tmall.com/*',
  '*://*.tmall.hk/*',
] as const;

const TAOBAO_HOST = /(^|\.)(taobao\.com|tmall\.com|tmall\.hk)$/i;

/** True for taobao.com, tmall.com, tmall.hk and their subdomains. */
export function isTaobaoHost(hostname: string): boolean {
  return TAOBAO_HOST.test(hostname);
}

/** `text` as a URL when it is an absolute http(s) address on a Taobao/Tmall host, else null. */
export function taobaoPageUrl(text: string | null | undefined): URL | null {
  if (!text || !URL.canParse(text)) return null;
  const url = new URL(text);
  return (url.protocol === 'https:' || url.protocol === 'http:') && isTaobaoHost(url.hostname) ? url : null;
}

/** The sites a user can pause the extension on: one per platform domain. */
export const SITES = ['taobao.com', 'tmall.com', 'tmall.hk'] as const;
export type Site = (typeof SITES)[number];

/** The site a Taobao/Tmall host belongs to ("s.taobao.com" → "taobao.com"), else null. */
export function siteOf(hostname: string): Site | null {
  const host = hostname.toLowerCase();
  return SITES.find((site) => host === site || host.endsWith(`.${site}`)) ?? null;
}
