import type { Platform } from '../listing';
import { isItemId } from './item-id';

/** The platform a host belongs to: Tmall Global on tmall.hk, Tmall on tmall.com, else Taobao. */
export function platformOfHost(hostname: string): Platform {
  const host = hostname.toLowerCase();
  if (host === 'tmall.hk' || host.endsWith('.tmall.hk')) return 'tmall-global';
  if (host === 'tmall.com' || host.endsWith('.tmall.com')) return 'tmall';
  return 'taobao';
}

const LISTING_HOST: Record<Platform, string> = {
  taobao: 'https://item.taobao.com/item.htm',
  tmall: 'https://detail.tmall.com/item.htm',
  'tmall-global': 'https://detail.tmall.hk/item.htm',
};

/**
 * The canonical link to a listing, rebuilt from a validated id so no tracking parameters, redirects or
 * page-supplied schemes ever reach a link we show.
 */
export function listingUrl(itemId: string, platform: Platform): string {
  if (!isItemId(itemId)) throw new Error(`not an item id: ${JSON.stringify(itemId)}`);
  return `${LISTING_HOST[platform]}?id=${itemId}`;
}
