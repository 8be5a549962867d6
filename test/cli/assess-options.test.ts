import { PassThrough, Readable } from 'node:stream';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { fastAssessable } from '../../lib/cli/fast-listing';
import { runCli } from '../../lib/cli/run-cli';
import { assessableListingSchema } from '../../lib/rules/assessable-listing';
import { cli } from './cli-harness';

const LINE = JSON.stringify({ itemId: '700000000001', title: '古驰 GG 马衔扣 女包 原单 1:1 超A货', price: { min: 299, max: 299 }, shop: { name: '莆田精品店' } });

describe('cli assess --lang and --format', () => {
  it('writes reasons in English by default, in Chinese with --lang zh_CN, and both with --lang both', async () => {
    const en = JSON.parse((await cli(['assess'], LINE)).stdout) as { brandName: unknown; reasons: { text: unknown }[] };
    expect(typeof en.brandName).toBe('string');
    expect(en.reasons.every((r) => typeof r.text === 'string' && /[a-z]/i.test(r.text))).toBe(true);
    const zh = JSON.parse((await cli(['assess', '--lang', 'zh_CN'], LINE)).stdout) as { brandName: string; reasons: { text: string }[] };
    expect(zh.brandName).toBe('古驰');
    expect(zh.reasons.some((r) => /[\u4e00-\u9fff]/.test(r.text))).toBe(true);
    const both = JSON.parse((await cli(['assess', '--lang', 'both'], LINE)).stdout) as { reasons: { text: { en: string; zh_CN: string } }[] };
    expect(both.reasons[0]?.text).toEqual({ en: expect.any(String), zh_CN: expect.any(String) });
  });

  it('writes CSV with a header, one row per listing, and formula-looking cells neutralised', async () => {
    const hostile = JSON.stringify({ itemId: '=HYPERLINK("x")', title: '普通 T恤' });
    const { code, stdout } = await cli(['assess', '--format', 'csv'], `${LINE}\n${hostile}\n`);
    expect(code).toBe(0);
    const rows = stdout.split('\r\n');
    expect(rows[0]).toBe('item_id,risk,score,brand,brand_name,reason_codes,reasons');
    expect(rows[1]).toMatch(/^700000000001,high,\d+,gucci,Gucci,/);
    expect(rows[2]).toMatch(/^"'=HYPERLINK\(""x""\)",none,0,,,,$/);
  });

  it('refuses an unknown --lang or --format with the usage', async () => {
    const { code, stderr } = await cli(['assess', '--lang', 'fr'], LINE);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--lang must be one of en, zh_CN, both/);
    expect((await cli(['assess', '--format', 'xml'], LINE)).stderr).toMatch(/--format must be one of jsonl, csv/);
  });
});

describe('cli assess: the fast path for well-formed lines', () => {
  const cases: unknown[] = [
    { title: 'x' },
    { title: 'x', price: { min: 1, max: 2 }, shop: { name: 'a', platform: 'tmall', tier: null } },
    { title: 'x', price: null, shop: null, isAd: false, sales: null, extra: [1, 2] },
    { title: 1 },
    { title: 'x', price: { min: 3, max: 2 } },
    { title: 'x', price: { min: -1, max: 2 } },
    { title: 'x', price: { min: 1, max: 2, currency: 'USD' } },
    { title: 'x', shop: { platform: 'jd' } },
    { title: 'x', shop: { tier: 'mall' } },
    { title: 'x', isAd: 'yes' },
    { title: 'x', itemId: 5 },
    [{ title: 'x' }],
    null,
    'x',
  ];
  it.each(cases.map((c) => [JSON.stringify(c), c]))('accepts %s only if the schema does', (_label, json) => {
    const accepted = fastAssessable(json) !== null;
    const valid = v.safeParse(assessableListingSchema, json).success;
    if (accepted) expect(valid).toBe(true);
    // Everything these cases test is something the fast path decides itself.
    expect(accepted).toBe(valid);
  });
});

describe('cli assess: progress on a terminal', () => {
  async function run(args: string[], tty: boolean) {
    const stdout = new PassThrough();
    const stderr = Object.assign(new PassThrough(), { isTTY: tty });
    stdout.resume();
    const err: string[] = [];
    stderr.on('data', (chunk: Buffer) => err.push(chunk.toString('utf8')));
    // Enough verdicts to pass several flushes and the progress line's quarter-second interval.
    const lines = Array.from({ length: 6000 }, (_, i) => JSON.stringify({ itemId: String(700000000000 + i), title: `古驰 女包 原单 ${i}` })).join('\n');
    const input = Readable.from((async function* () {
      for (let at = 0; at < lines.length; at += 20_000) {
        yield lines.slice(at, at + 20_000);
        await new Promise((resolve) => setTimeout(resolve, 60));
      }
    })());
    const code = await runCli(['assess', ...args], { stdin: input, stdout, stderr });
    return { code, stderr: err.join('') };
  }

  it('shows listings done and the rate on a terminal, and nothing with --quiet or in a pipe', async () => {
    const shown = await run([], true);
    expect(shown.code).toBe(0);
    expect(shown.stderr).toMatch(/\r[\d,]+ listings, [\d,]+\/s/);
    expect(shown.stderr.endsWith('\n')).toBe(true);
    expect((await run(['--quiet'], true)).stderr).toBe('');
    expect((await run([], false)).stderr).toBe('');
  });
});
