import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { RulePackService } from '../../lib/background/rule-pack-service';
import { activeRules } from '../../lib/rule-packs/active-rules';
import { assessListing, parseRulePack } from '../../lib/rules';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings/settings';

beforeEach(() => fakeBrowser.reset());

const teamPack = (version: string, alias = '阿克米皮具') => ({
  format: 'counterfeit-radar.rules',
  formatVersion: 1,
  id: 'acme-team',
  version,
  brands: [{ id: 'acme', names: { en: 'Acme Leather', zh_CN: '阿克米皮具' }, aliases: [alias] }],
});

describe('compiled rules are cached', () => {
  it('reuses the compiled rules for the same packs and muted brands, and compiles anew when they change', () => {
    const pack = parseRulePack(teamPack('1'));
    const first = activeRules([pack], ['gucci']);
    expect(activeRules([parseRulePack(teamPack('1'))], ['gucci'])).toBe(first);
    // Order and duplicates of muted brands, or brands no pack defines, do not change the rules.
    expect(activeRules([pack], ['no-such-brand', 'gucci', 'gucci'])).toBe(first);
    const unmuted = activeRules([pack], []);
    expect(unmuted).not.toBe(first);
    expect(activeRules([pack], ['gucci'])).toBe(first);
    // Same id and version but different content: a re-imported file must not keep the old rules.
    const edited = activeRules([parseRulePack(teamPack('1', '阿克米包'))], ['gucci']);
    expect(edited).not.toBe(first);
    expect(assessListing({ title: '阿克米包 女包' }, edited, [], 'balanced').brand).toBe('acme');
    expect(assessListing({ title: '阿克米包 女包' }, first, [], 'balanced').brand).toBeNull();
  });

  it('does not recompile when a setting that does not shape the rules changes', async () => {
    let settings: Settings = DEFAULT_SETTINGS;
    const packs = new RulePackService({ settings: async () => settings, fetch: async () => new Response('', { status: 404 }), now: () => 1 });
    await packs.ready;
    expect((await packs.importFile('acme.json', JSON.stringify(teamPack('2026.1')))).ok).toBe(true);
    const before = packs.rules;
    settings = { ...settings, sensitivity: 'strict', showLowMarks: !settings.showLowMarks };
    await packs.reload();
    expect(packs.rules).toBe(before);
    settings = { ...settings, mutedBrands: ['acme'] };
    await packs.reload();
    expect(packs.rules).not.toBe(before);
    expect(assessListing({ title: '阿克米皮具 女包' }, packs.rules, [], 'balanced').brand).toBeNull();
    settings = { ...settings, mutedBrands: [] };
    await packs.reload();
    expect(packs.rules).toBe(before);
  });
});
