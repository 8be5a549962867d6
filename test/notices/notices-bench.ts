/**
 * `npx tsx test/notices/notices-bench.ts [entries]`: what the notice code costs in Node for a feed of
 * 100,000 entries (by default): reading it as JSON and as CSV, building the rows and the lookup part,
 * rebuilding the index from a stored part (a structured clone stands in for the IndexedDB read), and a
 * page lookup of 60 and 100 listings (median of many runs). The database itself is measured in
 * Chromium, where users run it; fake-indexeddb is far slower than any browser and says nothing here.
 */
import { performance } from 'node:perf_hooks';
import { feedRecords } from '../../lib/notices/feed-records';
import type { Listing } from '../../lib/listing';
import { splitKeys } from '../../lib/notices/lookup-part';
import { fileFeedKey } from '../../lib/notices/notice-db';
import type { NoticeEntry } from '../../lib/notices/notice-feed';
import { NoticeIndex } from '../../lib/notices/notice-index';
import { parseNoticeFile } from '../../lib/notices/parse-notice-file';

const ENTRIES = Number(process.argv[2] ?? 100_000);
const PER_NOTICE = 1000;
const KINDS: NoticeEntry['kind'][] = ['item', 'item', 'item', 'item', 'item', 'shop', 'shop', 'shop', 'shop', 'seller'];

function entry(i: number): NoticeEntry {
  const kind = KINDS[i % KINDS.length] as NoticeEntry['kind'];
  return kind === 'item'
    ? { kind, itemId: String(900_000_000_000 + i), shopId: null, shopName: null, brand: 'gucci', action: 'removed', date: '2026-01-10' }
    : { kind, itemId: null, shopId: String(900_000_000 + i), shopName: `示例店铺${i}（虚构）`, brand: null, action: 'closed', date: null };
}

function jsonFeed(): string {
  const notices = [];
  for (let start = 0; start < ENTRIES; start += PER_NOTICE) {
    const entries = [];
    for (let i = start; i < Math.min(start + PER_NOTICE, ENTRIES); i++) {
      const { itemId, shopId, shopName, brand, action, date, kind } = entry(i);
      entries.push({ kind, ...(itemId && { itemId }), ...(shopId && { shopId }), ...(shopName && { shopName }), ...(brand && { brand }), ...(action && { action }), ...(date && { date }) });
    }
    // A few notices put brands under special rules; most only name shops and items.
    const brands = start % (25 * PER_NOTICE) === 0 ? ['gucci', 'prada'] : [];
    notices.push({ id: `bench-${start}`, title: `EXAMPLE bench notice ${start} (fictional)`, publisher: 'Example (fictional)', published: '2026-01-15', ...(brands.length > 0 && { brands }), entries });
  }
  return JSON.stringify({ format: 'counterfeit-radar.notices', version: 1, feed: { id: 'bench' }, notices });
}

function csvFeed(): string {
  const rows = ['notice_id,notice_title,publisher,published,kind,item_id,shop_id,shop_name,brand,action,date'];
  for (let i = 0; i < ENTRIES; i++) {
    const e = entry(i);
    const notice = `bench-${i - (i % PER_NOTICE)}`;
    const first = i % PER_NOTICE === 0;
    rows.push([notice, first ? `EXAMPLE bench notice (fictional)` : '', first ? 'Example (fictional)' : '', first ? '2026-01-15' : '', e.kind, e.itemId ?? '', e.shopId ?? '', e.shopName ?? '', e.brand ?? '', e.action ?? '', e.date ?? ''].join(','));
  }
  return `${rows.join('\n')}\n`;
}

function time<T>(run: () => T): [T, number] {
  const start = performance.now();
  const result = run();
  return [result, performance.now() - start];
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** A search page: most listings named by nothing, a few by item or shop, shops repeating. */
function page(size: number, round: number): Listing[] {
  return Array.from({ length: size }, (_, i): Listing => {
    const n = round * size + i;
    const hit = i % 20 === 0;
    const itemId = hit ? String(900_000_000_000 + ((n * 10) % ENTRIES)) : String(700_000_000_000 + n);
    const shopNumber = hit ? (n * 10 + 5) % ENTRIES : n % 37;
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

const encoder = new TextEncoder();
const jsonBytes = encoder.encode(jsonFeed());
const csvBytes = encoder.encode(csvFeed());
const [feed, parseJsonMs] = time(() => parseNoticeFile(jsonBytes, { name: 'bench.json' }));
const [, parseCsvMs] = time(() => parseNoticeFile(csvBytes, { name: 'bench.csv' }));
const [records, recordsMs] = time(() => feedRecords(feed, fileFeedKey(feed.id)));
const [stored, cloneMs] = time(() => structuredClone(records.part));
const [index, buildMs] = time(() => NoticeIndex.fromParts([stored]));

const results: string[] = [];
for (const size of [60, 100]) {
  const pages = Array.from({ length: 200 }, (_, round) => page(size, round));
  let hits = 0;
  for (const listings of pages) for (const l of listings) hits += index.hitsFor(l).length; // warm up
  const samples: number[] = [];
  for (let run = 0; run < 2000; run++) {
    const listings = pages[run % pages.length] as Listing[];
    const start = performance.now();
    for (const l of listings) hits += index.hitsFor(l).length;
    samples.push(performance.now() - start);
  }
  results.push(`lookup, ${size} listings against ${index.entryCount} entries: median ${(median(samples) * 1000).toFixed(1)} µs (p95 ${(samples.sort((a, b) => a - b)[Math.floor(samples.length * 0.95)]! * 1000).toFixed(1)} µs, ${hits} hits seen)`);
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
console.log(`notices bench, Node ${process.version}, ${ENTRIES} entries in ${feed.notices.length} notices`);
console.log(`read JSON feed (${mb(jsonBytes.byteLength)}): ${parseJsonMs.toFixed(0)} ms`);
console.log(`read CSV feed (${mb(csvBytes.byteLength)}): ${parseCsvMs.toFixed(0)} ms`);
console.log(`rows + lookup part for the import: ${recordsMs.toFixed(0)} ms (${splitKeys(records.part).length} keys)`);
console.log(`worker start: structured clone of the stored part ${cloneMs.toFixed(0)} ms + index build ${buildMs.toFixed(0)} ms`);
for (const line of results) console.log(line);
