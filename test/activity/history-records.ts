/** Made-up history and report records with a fixed clock, for the popup's lib and component tests. */
import type { HistoryRecord, ReportRecord } from '../../lib/activity/activity-db';
import type { Platform } from '../../lib/listing';
import type { Risk } from '../../lib/verdict';

/** 2026-03-15T12:00:00Z */
export const NOW = Date.UTC(2026, 2, 15, 12);
export const DAY = 86_400_000;

export interface RecordSpec {
  itemId: string;
  title: string;
  shop?: string | null;
  shopId?: string | null;
  risk?: Risk;
  brand?: string | null;
  platform?: Platform;
  price?: number | null;
  lastSeen?: number;
  firstSeen?: number;
}

export function historyRecord(spec: RecordSpec): HistoryRecord {
  const platform = spec.platform ?? 'taobao';
  const risk = spec.risk ?? 'high';
  const brand = spec.brand === undefined ? 'gucci' : spec.brand;
  const lastSeen = spec.lastSeen ?? NOW;
  return {
    itemId: spec.itemId,
    listing: {
      itemId: spec.itemId,
      url: `https://item.taobao.com/item.htm?id=${spec.itemId}`,
      title: spec.title,
      price: spec.price === null ? null : { min: spec.price ?? 268, max: spec.price ?? 268, currency: 'CNY' },
      shop: { name: spec.shop === undefined ? '精品小店' : spec.shop, id: spec.shopId ?? null, platform, tier: 'store' },
      sales: '300+',
      location: '广东 广州',
      image: null,
      isAd: false,
    },
    verdict: {
      itemId: spec.itemId,
      risk,
      brand,
      score: risk === 'high' ? 90 : 55,
      reasons: [{ code: 'counterfeit-term', text: { en: 'The title says “高仿” (high-grade copy).', zh_CN: '标题含“高仿”。' } }],
    },
    risk,
    brand,
    platform,
    pageUrl: 'https://s.taobao.com/search?q=gucci',
    firstSeen: spec.firstSeen ?? lastSeen,
    lastSeen,
    timesSeen: 1,
  };
}

export function reportRecord(id: number, spec: RecordSpec, extra: Partial<ReportRecord> = {}): ReportRecord {
  const history = historyRecord(spec);
  return {
    id,
    itemId: history.itemId,
    listing: history.listing,
    verdict: { ...history.verdict, reasons: [...history.verdict.reasons, { code: 'notice-shop', noticeId: 'example-2016-luxury', text: { en: 'Named by a notice.', zh_CN: '被公告点名。' } }] },
    pageUrl: history.pageUrl,
    createdAt: history.lastSeen,
    status: 'draft',
    noticeIds: ['example-2016-luxury'],
    cardMarkup: `<a href="https://item.taobao.com/item.htm?id=${history.itemId}">${history.listing.title}</a>`,
    screenshot: null,
    screenshotNote: 'no screenshot was taken',
    evidenceSha256: 'a'.repeat(64),
    ...extra,
  };
}

/** `count` records spread over 60 days, with a mix of risks, brands and platforms. */
export function manyRecords(count: number): HistoryRecord[] {
  const brands = ['gucci', 'louis-vuitton', 'chanel', 'hermes', 'prada', null];
  const platforms: Platform[] = ['taobao', 'tmall', 'tmall-global'];
  return Array.from({ length: count }, (_, i) =>
    historyRecord({
      itemId: String(600000000000 + i),
      title: `${i % 7 === 0 ? 'ＧＵＣＣＩ' : 'Gucci'} 高仿 马衔扣 女士单肩包 款${i}`,
      shop: i % 3 === 0 ? `精品小店${i % 50}` : `Luxury Outlet ${i % 40}`,
      risk: i % 4 === 0 ? 'medium' : 'high',
      brand: brands[i % brands.length]!,
      platform: platforms[i % platforms.length]!,
      lastSeen: NOW - (i % 60) * DAY - i,
    }),
  );
}
