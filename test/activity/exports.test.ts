/**
 * Exports against golden files: the same records always give the same bytes. Set UPDATE_GOLDEN=1 to
 * rewrite them after a deliberate format change (and review the diff).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { safeCell } from '../../lib/activity/csv-cells';
import { historyCsv, historyJson, HISTORY_CSV_COLUMNS } from '../../lib/activity/history-export';
import { evidenceZip, ippUrlBatches, reportsCsv } from '../../lib/activity/reports-export';
import { DAY, historyRecord, NOW, reportRecord } from './history-records';

const GOLDEN = join(import.meta.dirname, 'golden');

function expectGolden(name: string, text: string) {
  const path = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN) writeFileSync(path, text);
  if (!existsSync(path)) throw new Error(`no golden file ${name}: run with UPDATE_GOLDEN=1 and review it`);
  expect(text).toBe(readFileSync(path, 'utf8'));
}

const HOSTILE = '<img src=x onerror=alert(1)>';
const history = [
  historyRecord({ itemId: '700000000001', title: `${HOSTILE}GUCCI 高仿 马衔扣 女包`, shop: '=HYPERLINK("http://evil.example","x")', shopId: '40001', lastSeen: NOW }),
  historyRecord({ itemId: '700000000002', title: '+LV "原单", 老花\n托特包', shop: '@老花工厂', risk: 'medium', brand: 'louis-vuitton', platform: 'tmall', lastSeen: NOW - DAY }),
  historyRecord({ itemId: '700000000003', title: '-Chanel\t复刻', shop: null, brand: null, platform: 'tmall-global', price: null, lastSeen: NOW - 2 * DAY }),
];

// A 1×1 transparent PNG.
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const reports = [
  reportRecord(1, { itemId: '700000000001', title: `${HOSTILE}GUCCI 高仿 马衔扣 女包`, shopId: '40001' }, { screenshot: PNG, screenshotNote: null }),
  reportRecord(2, { itemId: '700000000002', title: '=1+1 老花', platform: 'tmall', lastSeen: NOW - DAY }, { status: 'submitted' }),
];

describe('CSV cells', () => {
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])('guards %j against formulas', (text) => {
    expect(safeCell(text)).toBe(`'${text}`);
  });
  it('leaves other cells alone', () => {
    expect(safeCell('GUCCI 高仿')).toBe('GUCCI 高仿');
    expect(safeCell(-5)).toBe("'-5");
    expect(safeCell(268)).toBe('268');
    expect(safeCell(null)).toBe('');
  });
});

describe('history exports', () => {
  it('CSV matches the golden file, guarded and parseable', async () => {
    const progress: number[] = [];
    const csv = await historyCsv(history, (done) => progress.push(done));
    expectGolden('history.csv', csv);
    expect(progress.at(-1)).toBe(3);
    const parsed = Papa.parse<string[]>(csv.trimEnd(), { newline: '\r\n' }).data;
    expect(parsed[0]).toEqual([...HISTORY_CSV_COLUMNS]);
    expect(parsed).toHaveLength(4);
    expect(parsed[1]![3]).toBe('\'=HYPERLINK("http://evil.example","x")');
    expect(parsed[2]![2]).toBe('\'+LV "原单", 老花\n托特包');
    expect(parsed[3]![1]).toBe('https://detail.tmall.hk/item.htm?id=700000000003');
  });

  it('JSON matches the golden file and round-trips', () => {
    const json = historyJson(history, NOW);
    expectGolden('history.json', json);
    expect(JSON.parse(json).records).toEqual(history);
  });

  it('reports progress chunk by chunk on a large set', async () => {
    const many = Array.from({ length: 2500 }, (_, i) => historyRecord({ itemId: String(600000000000 + i), title: `t${i}` }));
    const progress: number[] = [];
    const csv = await historyCsv(many, (done) => progress.push(done));
    expect(progress).toEqual([1000, 2000, 2500, 2500]);
    expect(csv.trimEnd().split('\r\n')).toHaveLength(2501);
  });
});

describe('report exports', () => {
  it('CSV matches the golden file', async () => {
    expectGolden('reports.csv', await reportsCsv(reports));
  });

  it('IPP batches: one URL a line, each listing once, at most 300 a batch', () => {
    const many = Array.from({ length: 650 }, (_, i) => reportRecord(i, { itemId: String(600000000000 + (i % 640)), title: 't' }));
    const batches = ippUrlBatches(many);
    expect(batches.map((b) => b.split('\n').length)).toEqual([300, 300, 40]);
    expect(batches[0]!.split('\n')[0]).toBe('https://item.taobao.com/item.htm?id=600000000000');
    expect(ippUrlBatches(reports)).toEqual(['https://item.taobao.com/item.htm?id=700000000001\nhttps://detail.tmall.com/item.htm?id=700000000002']);
    expect(ippUrlBatches([])).toEqual([]);
  });

  it('evidence zip: a folder per report, its evidence files, the chain, manifest and SHA256SUMS that match', async () => {
    const zip = await evidenceZip(reports, [], NOW);
    const files = unzipSync(zip);
    expect(Object.keys(files).filter((name) => !name.endsWith('/')).sort()).toEqual([
      'SHA256SUMS',
      'chain.json',
      'manifest.json',
      'report-1-700000000001/listing.json',
      'report-1-700000000001/report.json',
      'report-1-700000000001/screenshot.png',
      'report-2-700000000002/listing.json',
      'report-2-700000000002/report.json',
    ]);
    expectGolden('evidence-manifest.json', strFromU8(files['manifest.json']!));
    expectGolden('evidence-SHA256SUMS', strFromU8(files['SHA256SUMS']!));
    expectGolden('evidence-report-1.json', strFromU8(files['report-1-700000000001/report.json']!));
    // Every line of SHA256SUMS is the real hash of the file it names.
    for (const line of strFromU8(files['SHA256SUMS']!).trimEnd().split('\n')) {
      const [hash, path] = line.split('  ') as [string, string];
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', files[path]! as Uint8Array<ArrayBuffer>));
      expect([...digest].map((b) => b.toString(16).padStart(2, '0')).join('')).toBe(hash);
    }
    expect(files['report-1-700000000001/screenshot.png']!.slice(1, 4)).toEqual(new Uint8Array([0x50, 0x4e, 0x47]));
    const report = JSON.parse(strFromU8(files['report-1-700000000001/report.json']!));
    expect(report).toMatchObject({ reportId: 1, url: 'https://item.taobao.com/item.htm?id=700000000001', noticeIds: ['example-2016-luxury'], evidenceSha256: 'a'.repeat(64) });
    // The same reports at the same time give the same bytes.
    expect(await evidenceZip(reports, [], NOW)).toEqual(zip);
  });
});
