import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturePages } from '../extract/fixture-pages';
import { cli } from './cli-harness';

const scratch = mkdtempSync(join(tmpdir(), 'cr-cli-'));

describe('cli extract', () => {
  it.each(fixturePages().map((p) => [p.name, p] as const))('prints the page kind and every listing of %s', async (_name, page) => {
    const result = await cli(['extract', '--url', page.url, page.file]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ page: page.expected.page, listings: page.expected.listings });
  });

  it('fails with a message on stderr for a missing file', async () => {
    const result = await cli(['extract', '--url', 'https://s.taobao.com/search?q=gucci', join(scratch, 'nope.html')]);
    expect(result.code).not.toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/cannot read .*nope\.html: no such file/);
  });

  it('refuses a file that is not HTML', async () => {
    const file = join(scratch, 'image.html');
    writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
    const result = await cli(['extract', '--url', 'https://s.taobao.com/search?q=gucci', file]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/not an HTML page/);
  });

  it('refuses a text file that is not a page', async () => {
    const file = join(scratch, 'notes.html');
    writeFileSync(file, 'just some notes, no markup at all');
    const result = await cli(['extract', '--url', 'https://s.taobao.com/search?q=gucci', file]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/does not look like an HTML page/);
  });

  it('needs --url and exactly one file', async () => {
    expect((await cli(['extract', join(scratch, 'x.html')])).stderr).toMatch(/usage: extract --url/);
    expect((await cli(['extract', '--url', 'not a url', join(scratch, 'x.html')])).stderr).toMatch(/--url is not a URL/);
  });

  it('decodes a GBK page that declares its charset', async () => {
    const file = join(scratch, 'gbk.html');
    // "古驰" in GBK is B9 C5 B3 DB; an old Taobao item page declared charset=gbk.
    const head = Buffer.from('<!DOCTYPE html><html><head><meta charset="gbk"><title>x</title></head><body><div id="J_Title"><h3 class="tb-main-title">', 'latin1');
    const tail = Buffer.from(' GG</h3></div></body></html>', 'latin1');
    writeFileSync(file, Buffer.concat([head, Buffer.from([0xb9, 0xc5, 0xb3, 0xdb]), tail]));
    const result = await cli(['extract', '--url', 'https://item.taobao.com/item.htm?id=712345678901', file]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).listings[0].title).toBe('古驰 GG');
  });

  it('names an unknown command and lists the known ones', async () => {
    const result = await cli(['frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown command "frobnicate"[\s\S]*cli extract --url/);
  });
});
