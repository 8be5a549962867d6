import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturePages } from '../extract/fixture-pages';
import { cli } from './cli-harness';

const pages = fixturePages();
const search = pages.find((p) => p.name === 'search-2025')!;
const item = pages.find((p) => p.name === 'pc-item-taobao-unprefixed')!;
let folder: string;

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'cr-scan-'));
  mkdirSync(join(folder, 'week 2', 'items'), { recursive: true });
  writeFileSync(join(folder, 'search.html'), readFileSync(search.file));
  // A page saved by Chrome names its address in its first lines.
  const itemHtml = readFileSync(item.file, 'utf8').replace('<html', `<!-- saved from url=(0048)${item.url} -->\n<html`);
  writeFileSync(join(folder, 'week 2', 'items', 'gucci.htm'), itemHtml);
  writeFileSync(join(folder, 'week 2', 'notes.txt'), 'not a page');
  writeFileSync(join(folder, 'week 2', 'orphan.html'), '<html><body><div>no address here</div></body></html>');
  writeFileSync(join(folder, 'urls.tsv'), `# page\turl\nsearch.html\t${search.url}\n`);
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('cli scan', () => {
  it('writes one record per listing of every saved page in the folder tree, with the page it came from', async () => {
    const { code, stdout, stderr } = await cli(['scan', folder, '--urls', join(folder, 'urls.tsv')]);
    const records = stdout.trim().split('\n').map((line) => JSON.parse(line) as { page: string; pageKind: string; listing: { itemId: string }; verdict: { risk: string; reasons: { text: unknown }[] } });
    const fromSearch = records.filter((r) => r.page === 'search.html');
    const fromItem = records.filter((r) => r.page === 'week 2/items/gucci.htm');
    expect(fromSearch.map((r) => r.listing.itemId)).toEqual(search.expected.listings.map((l) => l.itemId));
    expect(fromItem.map((r) => [r.pageKind, r.listing.itemId])).toEqual([['item', item.expected.listings[0]!.itemId]]);
    expect(records.every((r) => r.verdict.reasons.every((reason) => typeof reason.text === 'string'))).toBe(true);
    // The page without an address is named, the others still run, and the exit code says so.
    expect(stderr).toContain('week 2/orphan.html: no address');
    expect(stderr).toContain(`${records.length} listings from 2 of 3 pages`);
    expect(code).toBe(1);
  });

  it('writes CSV with the page columns first', async () => {
    const { stdout } = await cli(['scan', folder, '--urls', join(folder, 'urls.tsv'), '--format', 'csv']);
    const [header, first] = stdout.split('\r\n');
    expect(header).toBe('page,page_url,page_kind,title,price_min,price_max,shop_name,platform,item_id,risk,score,brand,brand_name,reason_codes,reasons');
    expect(first).toMatch(/^search\.html,https:\/\/s\.taobao\.com\//);
  });

  it('refuses a missing folder and a malformed --urls file', async () => {
    expect((await cli(['scan', join(folder, 'nope')])).stderr).toMatch(/no such folder/);
    writeFileSync(join(folder, 'bad.tsv'), 'search.html only-one-field\n');
    expect((await cli(['scan', folder, '--urls', join(folder, 'bad.tsv')])).stderr).toMatch(/bad\.tsv, line 1: expected/);
  });
});
