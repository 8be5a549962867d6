/**
 * Fictional notice feeds of any size, and search pages of listings to look up against them, shared
 * by the notice benchmarks (Node and Chromium). Every shop, item and notice here is invented.
 */
import type { Listing } from '../../lib/listing';
import type { NoticeEntry } from '../../lib/notices/notice-feed';

const PER_NOTICE = 1000;
const KINDS: NoticeEntry['kind'][] = ['item', 'item', 'item', 'item', 'item', 'shop', 'shop', 'shop', 'shop', 'seller'];

function entry(i: number): NoticeEntry {
  const kind = KINDS[i % KINDS.length] as NoticeEntry['kind'];
  return kind === 'item'
    ? { kind, itemId: String(900_000_000_000 + i), shopId: null, shopName: null, brand: 'gucci', action: 'removed', date: '2026-01-10' }
    : { kind, itemId: null, shopId: String(900_000_000 + i), shopName: `示例店铺${i}（虚构）`, brand: null, action: 'closed', date: null };
}

export function jsonFeed(count: number): string {
  const notices = [];
  for (let start = 0; start < count; start += PER_NOTICE) {
    const entries = [];
    for (let i = start; i < Math.min(start + PER_NOTICE, count); i++) {
      const { itemId, shopId, shopName, brand, action, date, kind } = entry(i);
      entries.push({ kind, ...(itemId && { itemId }), ...(shopId && { shopId }), ...(shopName && { shopName }), ...(brand && { brand }), ...(action && { action }), ...(date && { date }) });
    }
    // A few notices put brands under special rules; most only name shops and items.
    const brands = start % (25 * PER_NOTICE) === 0 ? ['gucci', 'prada'] : [];
    notices.push({ id: `bench-${start}`, title: `EXAMPLE bench notice ${start} (fictional)`, publisher: 'Example (fictional)', published: '2026-01-15', ...(brands.length > 0 && { brands }), entries });
  }
  return JSON.stringify({ format: 'counterfeit-radar.notices', version: 1, feed: { id: 'bench' }, notices });
}

export function csvFeed(entries: number): string {
  const rows = ['notice_id,notice_title,publisher,published,kind,item_id,shop_id,shop_name,brand,action,date'];
  for (let i = 0; i < entries; i++) {
    const e = entry(i);
    const notice = `bench-${i - (i % PER_NOTICE)}`;
    const first = i % PER_NOTICE === 0;
    rows.push([notice, first ? `EXAMPLE bench notice (fictional)` : '', first ? 'Example (fictional)' : '', first ? '2026-01-15' : '', e.kind, e.itemId ?? '', e.shopId ?? '', e.shopName ?? '', e.brand ?? '', e.action ?? '', e.date ?? ''].join(','));
  }
  return `${rows.join('\n')}\n`;
}

/** A search page: most listings named by nothing, a few by item or shop, shops repeating. */
export function searchPage(size: number, round: number, entries: number): Listing[] {
  return Array.from({ length: size }, (_, i): Listing => {
    const n = round * size + i;
    const hit = i % 20 === 0;
    const itemId = hit ? String(900_000_000_000 + ((n * 10) % entries)) : String(700_000_000_000 + n);
    const shopNumber = hit ? (n * 10 + 5) % entries : n % 37;
    return {
      itemId,
      url: `https://item.taobao.com/item.htm?id=${itemId}`,
      title: '古驰 女包',
      price: null,
      shop: { name: hit ? `示例店铺${shopNumber}（虚构）` : `某某店${shopNumber}`, id: i % 3 === 0 ? String(800_000_000 + shopNumber) : null, platform: 'taobao', tier: 'store' },
      sales: null,
      location: null,
      image: null,
      isAd: false,
    };
  });
}

