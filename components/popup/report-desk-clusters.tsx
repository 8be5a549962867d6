/**
 * The desk's shared-photo clusters: reported and flagged listings whose photos are near-identical,
 * grouped when they span several shops (lib/photos/photo-clusters.ts), so a ring of sellers becomes
 * one batch. A cluster's reports can be selected at once (the desk then batches them as it batches
 * any selection) and all its listings' URLs copied, the flagged ones not reported yet included.
 */
import { Fragment, type ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import type { HistoryRecord, ReportRecord } from '../../lib/activity/activity-db';
import { trustKeys } from '../../lib/activity/trust';
import type { Listing, Platform } from '../../lib/listing';
import { listingUrl } from '../../lib/page/platform';
import { photoClusters, type CaseListing, type PhotoCluster } from '../../lib/photos/photo-clusters';
import { photoRowKey, type PhotoRow } from '../../lib/photos/photo-index';
import { useLiveQuery } from '../shared/use-live-query';
import type { PopupDeps } from './popup-deps';

/** Clusters shown before "Show all": the desk's list stays in view. */
const FIRST_CLUSTERS = 5;

interface ReportDeskClustersProps {
  reports: readonly ReportRecord[];
  /** The history, once read (it holds the flagged listings). */
  history: readonly HistoryRecord[] | undefined;
  deps: PopupDeps;
  /** Selects these reports on the desk. */
  onSelect: (reportIds: number[]) => void;
}

interface DeskListing {
  listing: Listing;
  reportIds: number[];
}

/** Every reported or flagged listing once, by photo row key, with the reports made of it. */
function deskListings(reports: readonly ReportRecord[], history: readonly HistoryRecord[]): Map<string, DeskListing> {
  const byKey = new Map<string, DeskListing>();
  for (const report of reports) {
    if (report.id === undefined) continue;
    const key = photoRowKey({ platform: report.listing.shop.platform, itemId: report.itemId });
    const known = byKey.get(key);
    if (known) known.reportIds.push(report.id);
    else byKey.set(key, { listing: report.listing, reportIds: [report.id] });
  }
  for (const record of history) {
    if (record.risk !== 'high' && record.risk !== 'medium') continue;
    const key = photoRowKey({ platform: record.platform, itemId: record.itemId });
    if (!byKey.has(key)) byKey.set(key, { listing: record.listing, reportIds: [] });
  }
  return byKey;
}

/** The cluster's shops, then (when some listing showed none) its shop-less listings as one more row. */
function shopsOf(cluster: PhotoCluster): (string | null)[] {
  return cluster.listings.some((listing) => listing.shopKey === null) ? [...cluster.shopKeys, null] : cluster.shopKeys;
}

export function ReportDeskClusters({ reports, history, deps, onSelect }: ReportDeskClustersProps) {
  const { t, db } = deps;
  const [showAll, setShowAll] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const listings = useMemo(() => deskListings(reports, history ?? []), [reports, history]);
  const keys = useMemo(() => [...listings.values()].map(({ listing }) => [listing.shop.platform, listing.itemId] as [Platform, string]), [listings]);
  const photos = useLiveQuery(() => db.photos.bulkGet(keys), [db, keys]);
  const clusters = useMemo(() => {
    if (!photos) return [];
    const cases: CaseListing[] = [...listings.values()].map(({ listing, reportIds }) => ({ platform: listing.shop.platform, itemId: listing.itemId, shopKey: trustKeys(listing).shop, reported: reportIds.length > 0 }));
    return photoClusters(cases, photos.filter((row): row is PhotoRow => row !== undefined));
  }, [listings, photos]);

  if (clusters.length === 0) return null;
  const shown = showAll ? clusters : clusters.slice(0, FIRST_CLUSTERS);
  const entry = (listing: CaseListing) => listings.get(photoRowKey(listing)) as DeskListing;
  const copy = async (cluster: PhotoCluster) => {
    const urls = cluster.listings.map((listing) => listingUrl(listing.itemId, listing.platform));
    try {
      await deps.copyText(urls.join('\n'));
      setNote(t('popupCopied', [String(urls.length)], urls.length));
    } catch {
      setNote(t('popupCopyFailed'));
    }
  };
  return (
    <section class="photo-clusters" aria-labelledby="photo-clusters-heading" data-testid="photo-clusters">
      <h2 id="photo-clusters-heading" class="section-heading">
        {t('popupPhotoClusters')}
      </h2>
      <p class="muted">{t('popupPhotoClustersNote')}</p>
      <ol class="batches">
        {shown.map((cluster) => {
          const reportIds = cluster.listings.flatMap((listing) => entry(listing).reportIds);
          return (
            <li key={cluster.listings.map(photoRowKey).join(' ')} data-testid="photo-cluster">
              <span>{t('popupPhotoClusterSummary', [String(cluster.shopKeys.length), String(cluster.listings.length), String(cluster.reported)])}</span>
              <ul class="cluster-shops">
                {shopsOf(cluster).map((shopKey) => (
                  <ClusterShop key={shopKey ?? ''} name={entry(cluster.listings.find((l) => l.shopKey === shopKey) as CaseListing).listing.shop.name ?? t('popupShopUnknown')}>
                    {cluster.listings
                      .filter((l) => l.shopKey === shopKey)
                      .map((l, i) => (
                        <Fragment key={l.itemId}>
                          {i > 0 && ' · '}
                          <a href={listingUrl(l.itemId, l.platform)} target="_blank" rel="noopener noreferrer" dir="auto">
                            {entry(l).listing.title}
                          </a>
                          {l.reported && ` (${t('popupPhotoClusterReported')})`}
                        </Fragment>
                      ))}
                  </ClusterShop>
                ))}
              </ul>
              <button type="button" class="action" disabled={reportIds.length === 0} onClick={() => onSelect(reportIds)}>
                {t('popupPhotoClusterSelect', [String(reportIds.length)], reportIds.length)}
              </button>
              <button type="button" class="action" onClick={() => void copy(cluster)}>
                {t('popupPhotoClusterCopy', [String(cluster.listings.length)], cluster.listings.length)}
              </button>
            </li>
          );
        })}
      </ol>
      {clusters.length > shown.length && (
        <button type="button" class="action" onClick={() => setShowAll(true)}>
          {t('popupPhotoClustersAll', [String(clusters.length)])}
        </button>
      )}
      {note && (
        <p role="status" class="note">
          {note}
        </p>
      )}
    </section>
  );
}

function ClusterShop({ name, children }: { name: string; children: ComponentChildren }) {
  return (
    <li>
      <span dir="auto">{name}</span>
      {': '}
      {children}
    </li>
  );
}
