import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { MAX_PACK_BYTES, RulePackService } from '../../lib/background/rule-pack-service';
import { DEFAULT_SETTINGS } from '../../lib/settings/settings';

beforeEach(() => fakeBrowser.reset());

const PACK_URL = 'https://packs.example.com/acme.json';

function make(fetchImpl: typeof fetch) {
  return new RulePackService({ settings: async () => DEFAULT_SETTINGS, fetch: fetchImpl, now: () => 1_780_000_000_000, downloadTimeoutMs: 30 });
}

describe('pack downloads are capped in size and time', () => {
  it('stops reading a pack body without Content-Length at the cap and stores nothing', async () => {
    const chunk = new Uint8Array(1024 * 1024).fill(0x20);
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    }, { highWaterMark: 0 });
    const packs = make(async () => new Response(body));
    expect(await packs.subscribe(PACK_URL)).toMatchObject({ ok: false, message: `${PACK_URL}: the pack is larger than ${MAX_PACK_BYTES} bytes, the most accepted; the download was stopped there` });
    expect(pulled).toBeLessThanOrEqual(MAX_PACK_BYTES + chunk.byteLength);
    expect((await packs.list()).imported).toEqual([]);
  });

  it('gives up on a pack server that never answers', async () => {
    const packs = make(() => new Promise<Response>(() => undefined));
    expect(await packs.subscribe(PACK_URL)).toMatchObject({ ok: false, message: `${PACK_URL}: the pack did not finish downloading within 30 ms` });
  });

  it('refuses a pack whose matcher tables would be too large, naming it, and stores nothing', async () => {
    let seed = 11;
    const next = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const aliases = new Set<string>();
    while (aliases.size < 80_000) aliases.add(Array.from({ length: 6 }, () => String.fromCharCode(0x4e00 + Math.floor(next() * 6000))).join(''));
    const text = JSON.stringify({ format: 'counterfeit-radar.rules', formatVersion: 2, id: 'huge-team', version: '1', brands: [{ id: 'huge', names: { en: 'Huge', zh_CN: '巨大' }, aliases: [...aliases] }] });
    const packs = make(async () => new Response(text));
    const answer = await packs.subscribe(PACK_URL);
    expect(answer).toMatchObject({ ok: false, message: `${PACK_URL}: invalid rule pack "huge-team":`, problems: [{ field: '(pack)', reason: expect.stringMatching(/^is too large to use: the matcher tables would take [\d.]+ MB/) }] });
    expect((await packs.list()).imported).toEqual([]);
  });

  it('refuses a pack that is not UTF-8', async () => {
    const packs = make(async () => new Response(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])));
    expect(await packs.subscribe(PACK_URL)).toMatchObject({ ok: false, message: `${PACK_URL}: invalid rule pack:`, problems: [{ field: '(file)', reason: 'is not UTF-8 text' }] });
  });
});
