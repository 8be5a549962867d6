import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { RulePackService } from '../../lib/background/rule-pack-service';
import type { Listing } from '../../lib/listing';
import { assessListing, BUILTIN_PACKS_INFO } from '../../lib/rules';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings/settings';

beforeEach(() => fakeBrowser.reset());

const pack = (extra: object = {}) =>
  JSON.stringify({
    format: 'counterfeit-radar.rules',
    formatVersion: 1,
    id: 'acme-team',
    version: '2026.11',
    brands: [{ id: 'acme', names: { en: 'Acme Leather', zh_CN: '阿克米皮具' }, aliases: ['acme leather', '阿克米皮具'] }],
    lexicons: { counterfeit: ['超A货'] },
    ...extra,
  });

function listing(title: string): Listing {
  return {
    itemId: '712345678901',
    url: 'https://item.taobao.com/item.htm?id=712345678901',
    title,
    price: { min: 199, max: 199, currency: 'CNY' },
    shop: { name: '某某店', id: null, platform: 'taobao', tier: 'store' },
    sales: null,
    location: null,
    image: null,
    isAd: false,
  };
}

function make(settings: Settings = DEFAULT_SETTINGS, fetchImpl: typeof fetch = async () => new Response('', { status: 404 })) {
  return new RulePackService({ settings: async () => settings, fetch: fetchImpl, now: () => 1_780_000_000_000 });
}

describe('RulePackService', () => {
  it('adds a pack file: its brand is recognised, and it survives a new worker', async () => {
    const packs = make();
    await packs.ready;
    expect(assessListing(listing('阿克米皮具 超A货 女包'), packs.rules).brand).toBeNull();
    expect(await packs.importFile('acme.json', pack())).toMatchObject({ ok: true, pack: { id: 'acme-team', version: '2026.11', brandCount: 1 } });
    expect(assessListing(listing('阿克米皮具 超A货 女包'), packs.rules).brand).toBe('acme');

    const restarted = make();
    await restarted.ready;
    expect(assessListing(listing('阿克米皮具 超A货 女包'), restarted.rules).brand).toBe('acme');
    const list = await restarted.list();
    expect(list.builtin.brandCount).toBe(BUILTIN_PACKS_INFO.brandCount);
    expect(list.builtin.brandCount).toBeGreaterThanOrEqual(30);
    expect(list.imported.map((p) => p.id)).toEqual(['acme-team']);
    expect(list.brands.find((b) => b.id === 'acme')?.name.zh_CN).toBe('阿克米皮具');
  });

  it('refuses a broken pack with every problem by path, and stores nothing', async () => {
    const packs = make();
    const answer = await packs.importFile('bad.json', pack({ version: 7, brands: [{ id: 'x', aliases: 'nope' }] }));
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.problems.map((p) => p.field)).toEqual(expect.arrayContaining(['version', 'brands[0].aliases']));
    expect((await packs.list()).imported).toEqual([]);
    expect(await packs.importFile('bad.json', '{ "format": ')).toMatchObject({ ok: false, problems: [{ field: '(file)' }] });
  });

  it('mutes the brands the user does not watch', async () => {
    const muted = make({ ...DEFAULT_SETTINGS, mutedBrands: ['gucci'] });
    await muted.ready;
    expect(assessListing(listing('古驰 GG 马衔扣 女包 原单 1:1'), muted.rules).risk).toBe('none');
    const watching = make();
    await watching.ready;
    expect(assessListing(listing('古驰 GG 马衔扣 女包 原单 1:1'), watching.rules).risk).toBe('high');
  });

  it('follows a pack URL over https only', async () => {
    const packs = make(DEFAULT_SETTINGS, async () => new Response(pack()));
    expect(await packs.subscribe('http://example.com/acme.json')).toMatchObject({ ok: false });
    expect(await packs.subscribe('https://example.com/acme.json')).toMatchObject({ ok: true, pack: { source: { kind: 'url', url: 'https://example.com/acme.json' } } });
    await packs.remove('acme-team');
    expect((await packs.list()).imported).toEqual([]);
  });
});
