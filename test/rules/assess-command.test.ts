import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../lib/cli/run-cli';
import { cli as cliRun } from '../cli/cli-harness';

async function run(args: string[], input: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  stdin.end(input);
  const code = await runCli(['assess', ...args], { stdin, stdout, stderr });
  return { code, stdout: out, stderr: err };
}

const line = (value: unknown): string => `${JSON.stringify(value)}\n`;

describe('cli assess', () => {
  it('writes one verdict per listing, in order; only the title is required', async () => {
    const input =
      line({ itemId: '1', title: '高仿 LV 老花 neverfull 托特包', price: { min: 380, max: 380, currency: 'CNY' }, shop: { name: '小美精品店' } }) +
      line({ title: 'LV5 锂电池 18650' }) +
      line({ itemId: '3', title: 'GUCCI古驰 酒神包', price: { min: 19800, max: 19800 }, shop: { name: 'GUCCI古驰官方旗舰店' } });
    const { code, stdout, stderr } = await run([], input);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const verdicts = stdout.trim().split('\n').map((text) => JSON.parse(text) as { itemId: string; risk: string; brand: string | null });
    expect(verdicts.map((v) => [v.itemId, v.risk, v.brand])).toEqual([
      ['1', 'high', 'louis_vuitton'],
      ['', 'none', null],
      ['3', 'low', 'gucci'],
    ]);
  });

  it('reports bad lines by number and field, runs the others, and exits 1', async () => {
    const input = `${line({ title: '古驰 女包' })}not json\n\n${line({ price: { min: 5, max: 1 } })}${line({ title: '香奈儿 链条包', shop: { tier: 'boutique' } })}${line({ title: '迪奥 口红' })}`;
    const { code, stdout, stderr } = await run([], input);
    expect(code).toBe(1);
    expect(stdout.trim().split('\n')).toHaveLength(2);
    expect(stderr.split('\n')).toEqual([
      expect.stringMatching(/^line 2: not JSON: /),
      'line 4: title: is required',
      'line 4: price.max: min must not exceed max',
      'line 5: shop.tier: is not a known shop tier',
      '3 of 6 lines could not be assessed',
      '',
    ]);
  });

  it('merges a brand team pack given with --rules', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'assess-'));
    const pack = join(dir, 'team.json');
    await writeFile(pack, JSON.stringify({ format: 'counterfeit-radar.rules', formatVersion: 1, id: 'team', version: '1', lexicons: { counterfeit: ['同厂出品'] } }));
    const input = line({ title: '古驰 女包 同厂出品' });
    expect(JSON.parse((await run([], input)).stdout)).toMatchObject({ risk: 'low' });
    expect(JSON.parse((await run(['--rules', pack], input)).stdout)).toMatchObject({ risk: 'high' });
  });

  it('refuses a bad rules file with every problem listed, before reading listings', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'assess-'));
    const pack = join(dir, 'bad.json');
    await writeFile(pack, JSON.stringify({ format: 'counterfeit-radar.rules', formatVersion: 1, id: 'team', version: '', brands: [{ id: 'x', floors: [{ category: 'bag', price: -1 }] }] }));
    const { code, stdout, stderr } = await run(['--rules', pack], line({ title: '古驰' }));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('version: must not be empty');
    expect(stderr).toContain('brands[0].floors[0].price: must be above 0');
    expect(stderr).toContain('brands[0].floors[0].source: ');
  });

  it.each([
    [['--rules', '/nonexistent/pack.json'], 'cannot read rules file /nonexistent/pack.json: no such file'],
    [['--sensitivity', 'paranoid'], '--sensitivity must be one of relaxed, balanced, strict'],
    [['--colour'], "Unknown option '--colour'"],
  ])('usage errors exit 2: %j', async (args, message) => {
    const { code, stderr } = await run(args, '');
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });

  it('applies --sensitivity', async () => {
    const input = line({ title: '古驰 女包', price: { min: 268, max: 268 } });
    expect(JSON.parse((await run(['--sensitivity', 'relaxed'], input)).stdout)).toMatchObject({ risk: 'medium', score: 65 });
    expect(JSON.parse((await run(['--sensitivity', 'strict'], input)).stdout)).toMatchObject({ risk: 'high', score: 65 });
  });
});

describe('cli assess --notices', () => {
  const feed = new URL('../fixtures/notices/example-feed.json', import.meta.url).pathname;
  const csv = new URL('../fixtures/notices/example-feed.csv', import.meta.url).pathname;

  it.each([feed, csv])('applies a feed so a named shop or item is high (%s)', async (path) => {
    const lines = [
      JSON.stringify({ title: '女士 手提包 真皮', shop: { name: 'ｅｘａｍｐｌｅ 示例 原单小铺' } }),
      JSON.stringify({ itemId: '900000000001', title: '纯棉T恤 男' }),
      JSON.stringify({ itemId: '712345678901', title: '纯棉T恤 男', shop: { name: '苏州棉品' } }),
    ].join('\n');
    const result = await cliRun(['assess', '--notices', path], lines);
    expect(result.stderr).toBe('');
    const verdicts = result.stdout.trim().split('\n').map((l) => JSON.parse(l) as { risk: string; reasons: { code: string; noticeId?: string }[] });
    expect(verdicts.map((v) => v.risk)).toEqual(['high', 'high', 'none']);
    expect(verdicts[0]!.reasons[0]).toMatchObject({ code: 'notice-shop' });
    expect(verdicts[1]!.reasons[0]).toMatchObject({ code: 'notice-item' });
  });

  it('refuses a broken feed before reading any input', async () => {
    const broken = new URL('../fixtures/notices/malformed', import.meta.url).pathname;
    const { readdirSync } = await import('node:fs');
    const first = readdirSync(broken).find((f) => f.endsWith('.json'))!;
    const result = await cliRun(['assess', '--notices', `${broken}/${first}`], '{"title":"x"}');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/notices file/);
  });
});
