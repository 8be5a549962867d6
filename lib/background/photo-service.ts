/**
 * Reused photos in the background: each assessed listing's full-size image is hashed in the photo
 * queue's own time (never holding up a verdict) and recorded in the photo store; a listing's details
 * ask for what its photo says (photoSignals) when they open. A download that fails or is refused
 * records nothing and changes nothing else.
 */
import type { ActivityDatabase } from '../activity/activity-db';
import { trustKeys } from '../activity/trust';
import type { Listing } from '../listing';
import type { PhotoHashes } from '../photos/photo-hash';
import { photoRowKey, type PhotoRow } from '../photos/photo-index';
import type { PhotoQueue } from '../photos/photo-queue';
import { photoSignals, type PhotoSignalContext } from '../photos/photo-signals';
import type { PhotoStore } from '../photos/photo-store';
import { fullSizePhotoUrl } from '../photos/photo-url';
import type { PhotoSummary } from '../messaging/photo-summary-schema';
import type { LookupListing } from '../notices/lookup-keys';
import type { NoticeHit } from '../verdict';

/** A listing hashed this recently is not downloaded again (its row's lastSeen is left as it is). */
export const PHOTO_FRESH_MS = 24 * 60 * 60 * 1000;
/** How long a details panel waits for its listing's photo to be hashed before answering without it. */
export const PHOTO_WAIT_MS = 10_000;

export interface PhotoServiceDeps {
  store: PhotoStore;
  queue: PhotoQueue;
  activity: ActivityDatabase;
  noticeHits: (listing: LookupListing) => readonly NoticeHit[];
  now: () => number;
  wait: (ms: number) => Promise<void>;
}

/** The row's listing as the notice index looks it up: its item id and the shop its key names. */
function lookupListingOf(row: PhotoRow): LookupListing {
  const shopKey = row.shopKey ?? '';
  if (shopKey.startsWith('shop-id:')) return { itemId: row.itemId, shop: { id: shopKey.slice('shop-id:'.length) } };
  if (shopKey.startsWith('shop-name:')) return { itemId: row.itemId, shop: { name: shopKey.slice('shop-name:'.length) } };
  return { itemId: row.itemId };
}

export class PhotoService {
  /** Listings being hashed now, by photoRowKey. */
  readonly #pending = new Map<string, Promise<void>>();

  constructor(private readonly deps: PhotoServiceDeps) {}

  /** Starts hashing the photos of these assessed listings (those on a photo CDN, not hashed recently). */
  note(listings: readonly Listing[]): void {
    for (const listing of listings) {
      const url = fullSizePhotoUrl(listing.image);
      const key = photoRowKey({ platform: listing.shop.platform, itemId: listing.itemId });
      if (url === null || this.#pending.has(key)) continue;
      const work = this.#hash(listing, url)
        .catch((error: unknown) => console.warn('Counterfeit Radar: could not record a photo', error))
        .finally(() => this.#pending.delete(key));
      this.#pending.set(key, work);
    }
  }

  /** Resolves once every photo noted so far is hashed and recorded (or given up). */
  async settled(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all(this.#pending.values());
    await this.deps.store.settled();
  }

  /** The listing's photo hashes when it has been hashed, else null. */
  async hashesOf(listing: Pick<Listing, 'itemId' | 'shop'>): Promise<PhotoHashes | null> {
    const row = (await this.deps.store.index()).get({ platform: listing.shop.platform, itemId: listing.itemId });
    return row ? { hash: row.hash, mirrored: row.mirrored ?? row.hash } : null;
  }

  /** What the listing's photo says, once it is hashed (waiting a while if it is being hashed now); null when it has none. */
  async summaryFor(listing: Listing): Promise<PhotoSummary | null> {
    const pending = this.#pending.get(photoRowKey({ platform: listing.shop.platform, itemId: listing.itemId }));
    if (pending) await Promise.race([pending, this.deps.wait(PHOTO_WAIT_MS)]);
    const hashes = await this.hashesOf(listing);
    if (!hashes) return null;
    const index = await this.deps.store.index();
    const signals = photoSignals(listing, hashes, index, await this.#context(index.lookup([hashes.hash, hashes.mirrored]).map((m) => m.row)));
    return {
      otherShops: signals.otherShops.length,
      flaggedShops: signals.flaggedShops,
      reportedShops: signals.reportedShops,
      namedShops: signals.namedShops,
    };
  }

  /** Which of the matched listings' shops are flagged, reported or named, from the history, reports and notices. */
  async #context(rows: readonly PhotoRow[]): Promise<PhotoSignalContext> {
    const { activity, noticeHits } = this.deps;
    const withShop = rows.filter((row) => row.shopKey !== null);
    const itemIds = [...new Set(withShop.map((row) => row.itemId))];
    const [seen, reportedIds] = await Promise.all([
      activity.history.bulkGet(itemIds),
      // The index's keys only: report records carry screenshots.
      activity.reports.where('itemId').anyOf(itemIds).uniqueKeys().then((ids) => new Set(ids.map(String))),
    ]);
    const flaggedShops = new Set<string>();
    const namedShops = new Set<string>();
    const reportedShops = new Set<string>();
    // The history holds flagged listings only, so it says which are flagged.
    for (const record of seen) if (record && (record.risk === 'high' || record.risk === 'medium')) flaggedShops.add(trustKeys(record.listing).shop ?? '');
    for (const row of withShop) {
      const shopKey = row.shopKey as string;
      if (reportedIds.has(row.itemId)) reportedShops.add(shopKey);
      if (noticeHits(lookupListingOf(row)).some((hit) => hit.match !== 'brand')) namedShops.add(shopKey);
    }
    return { flaggedShops, reportedShops, namedShops };
  }

  async #hash(listing: Listing, url: string): Promise<void> {
    const { store, queue, now } = this.deps;
    const shopKey = trustKeys(listing).shop;
    const known = (await store.index()).get({ platform: listing.shop.platform, itemId: listing.itemId });
    if (known && known.shopKey === shopKey && now() - known.lastSeen < PHOTO_FRESH_MS) return;
    const hashes = await queue.hashes(url);
    if (!hashes) return;
    const at = now();
    await store.record({ hash: hashes.hash, mirrored: hashes.mirrored, itemId: listing.itemId, shopKey, platform: listing.shop.platform, firstSeen: at, lastSeen: at });
  }
}
