/**
 * Shops that share a photo, for the case desk: the reported and flagged listings are linked when
 * their photos count as the same one (the threshold photoSignals uses, either photo or its mirror
 * image), and each connected group that spans two or more shops is a cluster — one complaint batch
 * for a ring of sellers instead of one listing at a time. Linking is transitive on purpose: a seller
 * who crops one copy and watermarks another still ties the shops together.
 */
import type { Platform } from '../listing';
import { PhotoIndex, photoRowKey, type PhotoRow } from './photo-index';

/** A reported or flagged listing, as the desk knows it. */
export interface CaseListing {
  platform: Platform;
  itemId: string;
  /** trustKeys(listing).shop; null when the page showed no shop. */
  shopKey: string | null;
  reported: boolean;
}

export interface PhotoCluster {
  /** The distinct shops, in the order their listings first appear. */
  shopKeys: string[];
  /** Its listings, shop by shop. */
  listings: CaseListing[];
  /** How many of its listings are reported. */
  reported: number;
}

/** Union–find over listing positions, smaller root kept so groups come out in input order. */
function rootOf(parent: Int32Array, at: number): number {
  let root = at;
  while (parent[root] !== root) root = parent[root] as number;
  while (parent[at] !== root) {
    const next = parent[at] as number;
    parent[at] = root;
    at = next;
  }
  return root;
}

/**
 * The clusters among these listings, given the photo rows the background stored (rows for other
 * listings are ignored; a listing without a row joins no cluster). Largest first: most shops, then
 * most listings.
 */
export function photoClusters(listings: readonly CaseListing[], photos: readonly PhotoRow[]): PhotoCluster[] {
  const byKey = new Map<string, number>();
  const unique: CaseListing[] = [];
  for (const listing of listings) {
    const key = photoRowKey(listing);
    const at = byKey.get(key);
    if (at === undefined) {
      byKey.set(key, unique.length);
      unique.push(listing);
    } else if (listing.reported && !(unique[at] as CaseListing).reported) unique[at] = { ...(unique[at] as CaseListing), reported: true };
  }
  const rows = photos.filter((row) => byKey.has(photoRowKey(row)));
  if (rows.length < 2) return [];
  const index = PhotoIndex.fromRows(rows, rows.length);
  const parent = Int32Array.from(unique, (_, i) => i);
  for (const row of index.rows()) {
    const own = byKey.get(photoRowKey(row)) as number;
    for (const { row: match } of index.lookup(row.mirrored ? [row.hash, row.mirrored] : [row.hash])) {
      const a = rootOf(parent, own);
      const b = rootOf(parent, byKey.get(photoRowKey(match)) as number);
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
  }
  const groups = new Map<number, CaseListing[]>();
  unique.forEach((listing, i) => {
    if (!index.get(listing)) return;
    const root = rootOf(parent, i);
    const group = groups.get(root) ?? [];
    groups.set(root, group);
    group.push(listing);
  });
  const clusters: PhotoCluster[] = [];
  for (const group of groups.values()) {
    const shopKeys = [...new Set(group.flatMap((listing) => (listing.shopKey === null ? [] : [listing.shopKey])))];
    if (shopKeys.length < 2) continue;
    const shopOrder = (listing: CaseListing) => (listing.shopKey === null ? shopKeys.length : shopKeys.indexOf(listing.shopKey));
    clusters.push({ shopKeys, listings: [...group].sort((a, b) => shopOrder(a) - shopOrder(b)), reported: group.filter((listing) => listing.reported).length });
  }
  return clusters.sort((a, b) => b.shopKeys.length - a.shopKeys.length || b.listings.length - a.listings.length);
}
