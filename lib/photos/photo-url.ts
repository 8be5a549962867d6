/**
 * Which image to hash for a listing: the full-size original behind a CDN thumbnail URL (the
 * `_220x220q75.jpg_.webp` style suffix removed, by the extractors' own cleanImageUrl), and only from
 * the image CDN hosts Taobao and Tmall pages already load, so the background never fetches anything
 * else on a page's say-so.
 */
import { cleanImageUrl } from '../extract/field-text';

/** Host suffixes of the image CDNs listing pages use; the manifest's host permissions name the same. */
export const PHOTO_CDN_HOSTS = ['alicdn.com', 'taobaocdn.com', 'tbcdn.cn'] as const;

/** Match patterns for those hosts, for the manifest's host_permissions. */
export const PHOTO_CDN_MATCHES = PHOTO_CDN_HOSTS.map((host) => `https://*.${host}/*`);

export function isPhotoCdnHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return PHOTO_CDN_HOSTS.some((suffix) => host === suffix || host.endsWith(`.${suffix}`));
}

/** The full-size https URL of a listing's image, or null when there is none or it is not on a photo CDN. */
export function fullSizePhotoUrl(raw: string | null | undefined): string | null {
  const url = cleanImageUrl(raw);
  if (url === null) return null;
  return isPhotoCdnHost(new URL(url).hostname) ? url : null;
}
