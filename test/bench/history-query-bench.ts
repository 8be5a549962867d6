/**
 * `npx tsx test/bench/history-query-bench.ts`: how fast the popup finds things in a full history
 * (10,000 records, the HISTORY_LIMIT). Prints the median of 20 runs for: indexing a snapshot (once
 * per database change), a page with no filter, a search, search + filters, the summary numbers, and
 * the history CSV export. Numbers, not assertions: timings depend on the machine.
 */
import { HISTORY_LIMIT } from '../../lib/activity/history';
import { historyCsv } from '../../lib/activity/history-export';
import { indexHistory, queryHistory } from '../../lib/activity/history-query';
import { countByBrand, countByRisk, flagsPerDay } from '../../lib/activity/history-summary';
import { manyRecords, NOW } from '../activity/history-records';

const records = manyRecords(HISTORY_LIMIT);
const names = new Map([
  ['gucci', ['Gucci', '古驰']],
  ['louis-vuitton', ['Louis Vuitton', '路易威登']],
  ['chanel', ['Chanel', '香奈儿']],
]);

async function median(label: string, run: () => unknown, runs = 20): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(`${label.padEnd(44)} ${times[Math.floor(runs / 2)]!.toFixed(2).padStart(8)} ms`);
}

const index = indexHistory(records, names);
console.log(`${records.length} history records`);
await median('index a snapshot (fold search text, sort)', () => indexHistory(records, names));
await median('page 1, no filter', () => queryHistory(index, {}));
await median('search "古驰 单肩包"', () => queryHistory(index, { text: '古驰 单肩包' }));
await median('search "ＬＵＸＵＲＹ outlet 1" + high + tmall', () => queryHistory(index, { text: 'ＬＵＸＵＲＹ outlet 1', risks: ['high'], platforms: ['tmall'] }));
await median('search with no match', () => queryHistory(index, { text: 'hermes birkin' }));
await median('summary (risk, brand, 30 days)', () => [countByRisk(records), countByBrand(records), flagsPerDay(records, NOW)]);
await median('history CSV export (all records)', () => historyCsv(records), 5);
