/**
 * `npm run bench:notices-node [-- entries]`: what the notice code costs in Node for a feed of
 * 100,000 entries (by default): reading it as JSON and as CSV, building the rows and the lookup part,
 * rebuilding the index from a stored part (a structured clone stands in for the IndexedDB read), and a
 * page lookup of 60 and 100 listings (median of many runs). The database itself is measured in
 * Chromium, where users run it; fake-indexeddb is far slower than any browser and says nothing here.
 */
import { performance } from 'node:perf_hooks';
import { feedRecords } from '../../lib/notices/feed-records';
import type { Listing } from '../../lib/listing';
import { csvFeed, jsonFeed, searchPage as page } from './bench-feed';
import { splitKeys } from '../../lib/notices/lookup-part';
import { fileFeedKey } from '../../lib/notices/notice-db';
import { NoticeIndex } from '../../lib/notices/notice-index';
import { parseNoticeFile } from '../../lib/notices/parse-notice-file';

function time<T>(run: () => T): [T, number] {
  const start = performance.now();
  const result = run();
  return [result, performance.now() - start];
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

const encoder = new TextEncoder();
const ENTRIES = Number(process.argv[2] ?? 100_000);
const jsonBytes = encoder.encode(jsonFeed(ENTRIES));
const csvBytes = encoder.encode(csvFeed(ENTRIES));
const [feed, parseJsonMs] = time(() => parseNoticeFile(jsonBytes, { name: 'bench.json' }));
const [, parseCsvMs] = time(() => parseNoticeFile(csvBytes, { name: 'bench.csv' }));
const [records, recordsMs] = time(() => feedRecords(feed, fileFeedKey(feed.id)));
const [stored, cloneMs] = time(() => structuredClone(records.part));
const [index, buildMs] = time(() => NoticeIndex.fromParts([stored]));

const results: string[] = [];
for (const size of [60, 100]) {
  const pages = Array.from({ length: 200 }, (_, round) => page(size, round, ENTRIES));
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
