import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../lib/cli/run-cli';
import { utf8LineBatches, type Utf8LineBatch } from '../../lib/cli/utf8-lines';
import { MAX_TITLE_LENGTH } from '../../lib/extract/make-listing';
import { assessListingIn, BUILTIN_PACKS, compileRules } from '../../lib/rules';

/** Runs `cli assess` on raw bytes, delivered in chunks of `chunkSize` bytes. */
async function assessBytes(bytes: Uint8Array, chunkSize = 64 * 1024): Promise<{ code: number; stdout: string; stderr: string }> {
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += chunkSize) chunks.push(Buffer.from(bytes.subarray(at, at + chunkSize)));
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const code = await runCli(['assess'], { stdin: Readable.from(chunks), stdout, stderr });
  return { code, stdout: out, stderr: err };
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

async function batchesOf(text: string, chunkSize: number, maxLineBytes?: number): Promise<Utf8LineBatch[]> {
  const bytes = utf8(text);
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += chunkSize) chunks.push(Buffer.from(bytes.subarray(at, at + chunkSize)));
  const batches: Utf8LineBatch[] = [];
  for await (const batch of utf8LineBatches(Readable.from(chunks), maxLineBytes)) batches.push(batch);
  return batches;
}
const joinBytes = (...parts: Uint8Array[]): Uint8Array => Uint8Array.from(parts.flatMap((part) => [...part]));
const RULES = compileRules(BUILTIN_PACKS);

describe('cli assess: invalid UTF-8', () => {
  it('reports a line that is not UTF-8 by its number and still judges the others', async () => {
    const input = joinBytes(
      utf8('{"title":"古驰 原单 女包"}\n'),
      utf8('{"title":"古驰'),
      new Uint8Array([0xe5, 0x28]), // a three-byte sequence broken off by "("
      utf8(' 女包"}\r\n'),
      utf8('{"title":"LV5 锂电池"}'),
    );
    for (const chunkSize of [3, 64 * 1024]) {
      const { code, stdout, stderr } = await assessBytes(input, chunkSize);
      expect(code).toBe(1);
      expect(stdout.trim().split('\n').map((l) => (JSON.parse(l) as { brand: string | null }).brand)).toEqual(['gucci', null]);
      expect(stderr).toBe('line 2: is not UTF-8 text (byte 17 of the line); save the file as UTF-8\n1 of 3 lines could not be assessed\n');
    }
  });

  it('reads lines split anywhere across chunks, CRLF and a leading BOM included', async () => {
    const text = '\uFEFF{"a":"古驰"}\r\n\n{"b":"😀"}';
    const expected = [
      { number: 1, text: '{"a":"古驰"}' },
      { number: 2, text: '' },
      { number: 3, text: '{"b":"😀"}' },
    ];
    // Byte by byte, every line spans chunks; in one chunk, they are one block.
    for (const chunkSize of [1, 1000]) {
      const batches = await batchesOf(text, chunkSize);
      expect(batches.flatMap((batch) => batch.lines)).toEqual(expected);
      expect(batches.at(-1)?.bytesRead).toBe(3 + 14 + 2 + 1 + 12 + 1);
    }
  });
});

describe('cli assess: line length', () => {
  it('skips a line longer than the cap without holding it, and reads on', async () => {
    const text = `{"title":"ok"}\n${'x'.repeat(40)}\n{"title":"also ok"}`;
    for (const chunkSize of [7, 1000]) {
      const batches = await batchesOf(text, chunkSize, 20);
      expect(batches.flatMap((batch) => batch.lines)).toEqual([
        { number: 1, text: '{"title":"ok"}' },
        { number: 2, text: null, reason: 'is longer than 20 bytes; a listing line is far shorter' },
        { number: 3, text: '{"title":"also ok"}' },
      ]);
      expect(batches.at(-1)?.bytesRead).toBe(76);
    }
  });
});

describe('cli assess: titles are capped as the extension caps them', () => {
  it('judges only the first MAX_TITLE_LENGTH characters, as the badge would', async () => {
    const hidden = `${'款'.repeat(MAX_TITLE_LENGTH)}古驰 高仿 原单 女包`;
    const { stdout } = await assessBytes(utf8(`${JSON.stringify({ title: hidden })}\n`));
    expect(JSON.parse(stdout)).toMatchObject({ risk: 'none', brand: null });
  });

  it('gives a 100,000-character title the verdict of its capped start', async () => {
    const title = `古驰 高仿 原单 女包 ${'a'.repeat(100_000)}`;
    const { code, stdout } = await assessBytes(utf8(`${JSON.stringify({ itemId: '1', title, price: { min: 99, max: 99 } })}\n`));
    expect(code).toBe(0);
    const expected = assessListingIn('en', { itemId: '1', title: title.slice(0, MAX_TITLE_LENGTH), price: { min: 99, max: 99 } }, RULES, [], 'balanced');
    expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(expected.risk).toBe('high');
  });

  it('judges a 100,000-digit title by its capped start (a size pattern once backtracked over the whole run)', async () => {
    // Uncapped, the size reading (scoring.ts, /\d+(\.\d+)?\s*(ml|g)/) takes time growing faster than
    // the square of a digit run: 68 s for this title before the cap.
    // With a price, as the floor check reads sizes (a 7 ml sample is not a full bottle).
    const title = `迪奥口红 ${'9'.repeat(100_000)}`;
    const price = { min: 10, max: 10 };
    const { code, stdout } = await assessBytes(utf8(`${JSON.stringify({ title, price })}\n`));
    expect(code).toBe(0);
    const expected = assessListingIn('en', { title: title.slice(0, MAX_TITLE_LENGTH), price }, RULES, [], 'balanced');
    expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify(expected)));
  });
});
