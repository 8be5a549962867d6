// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { BUILTIN_PACKS_INFO } from '../../../lib/rules';
import { loadSettings } from '../../../lib/settings/settings';
import { chooseFile, makeHarness, renderOptions, type Harness } from './options-harness';

let harness: Harness;
beforeEach(() => fakeBrowser.reset());
afterEach(async () => {
  cleanup();
  await harness.close();
});

const pack = (brands: unknown) =>
  JSON.stringify({ format: 'counterfeit-radar.rules', formatVersion: 1, id: 'acme-team', version: '2026.11', brands, lexicons: { counterfeit: ['超A货'] } });

describe('settings', () => {
  it('saves role, sensitivity, low marks and muted brands to storage', async () => {
    harness = makeHarness();
    renderOptions(harness);
    fireEvent.click(await screen.findByRole('radio', { name: /^Brand staff/ }));
    await waitFor(async () => expect((await loadSettings()).role).toBe('brand-staff'));
    // Confirmed in the role's own group, where the user is looking, naming the role now in force.
    const roleGroup = within(screen.getByRole('group', { name: 'Who uses this browser' }));
    expect(await roleGroup.findByText('Saved: you are now Brand staff. Open Taobao and Tmall pages show it at once.')).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: /^Strict/ }));
    await waitFor(async () => expect((await loadSettings()).sensitivity).toBe('strict'));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Show a small mark on low-risk brand listings too' }));
    await waitFor(async () => expect((await loadSettings()).showLowMarks).toBe(true));

    // Every brand of the built-in pack, all watched by default; unticking one mutes it.
    const brands = within(screen.getByRole('group', { name: 'Brands to watch' }));
    const gucci = await brands.findByRole('checkbox', { name: 'Gucci' });
    expect(brands.getAllByRole('checkbox')).toHaveLength(BUILTIN_PACKS_INFO.brandCount);
    expect(brands.getAllByRole('checkbox').every((box) => (box as HTMLInputElement).checked)).toBe(true);
    fireEvent.click(gucci);
    await waitFor(async () => expect((await loadSettings()).mutedBrands).toEqual(['gucci']));
    expect(await within(screen.getByRole('group', { name: 'Brands to watch' })).findByText('Saved')).toBeTruthy();
    fireEvent.click(gucci);
    await waitFor(async () => expect((await loadSettings()).mutedBrands).toEqual([]));
  });

  it('shows brand names in Chinese when the browser is in Chinese', async () => {
    harness = makeHarness('zh_CN');
    renderOptions(harness);
    const brands = within(await screen.findByRole('group', { name: '关注的品牌' }));
    expect(await brands.findByRole('checkbox', { name: '古驰' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: /^品牌方工作人员/ })).toBeTruthy();
  });

  it('asks for the screenshot permission from the click, and withdraws it', async () => {
    harness = makeHarness();
    renderOptions(harness);
    const toggle = await screen.findByRole('checkbox', { name: /^Allow screenshots when reporting from a badge/ });
    await screen.findByText('Not allowed');
    harness.permission.grant = false;
    fireEvent.click(toggle);
    await screen.findByText(/The browser did not grant the permission\./);
    harness.permission.grant = true;
    fireEvent.click(toggle);
    await screen.findByText('Allowed');
    expect((toggle as HTMLInputElement).checked).toBe(true);
    fireEvent.click(toggle);
    await screen.findByText('Not allowed');
    expect(harness.permission.granted).toBe(false);
  });
});

describe('rule packs', () => {
  it('shows the built-in pack and adds a pack file, whose brand joins the checklist', async () => {
    harness = makeHarness();
    renderOptions(harness);
    expect(await screen.findByText(`Built-in pack: version ${BUILTIN_PACKS_INFO.version}, ${BUILTIN_PACKS_INFO.brandCount} brands`)).toBeTruthy();
    expect(screen.getByText('No packs added.')).toBeTruthy();
    chooseFile(
      screen.getByLabelText('Add a pack file (JSON)'),
      'acme.json',
      pack([{ id: 'acme', names: { en: 'Acme Leather', zh_CN: '阿克米皮具' }, aliases: ['acme leather', '阿克米皮具'] }]),
    );
    await screen.findByText('Added the pack acme-team, version 2026.11: 1 brand.');
    expect(await screen.findByText('acme-team: version 2026.11, 1 brand')).toBeTruthy();
    expect(screen.getByText(/^From the file acme\.json, added /)).toBeTruthy();
    expect(await screen.findByRole('checkbox', { name: 'Acme Leather' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Remove the pack acme-team' }));
    await screen.findByText('No packs added.');
    await waitFor(() => expect(screen.queryByRole('checkbox', { name: 'Acme Leather' })).toBeNull());
  });

  it('a refused pack shows each problem as path: reason', async () => {
    harness = makeHarness();
    renderOptions(harness);
    await screen.findByText('No packs added.');
    chooseFile(screen.getByLabelText('Add a pack file (JSON)'), 'broken.json', pack([{ id: 7, names: { en: 'Acme', zh_CN: '阿克米' }, aliases: ['acme'] }, { names: { en: 'X', zh_CN: 'X' } }]));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText(/^The pack was not added: broken\.json: /)).toBeTruthy();
    const problems = within(alert).getAllByRole('listitem').map((li) => li.textContent ?? '');
    expect(problems.length).toBeGreaterThanOrEqual(2);
    expect(problems.every((text) => /^brands\[\d\]\S*: ./.test(text))).toBe(true);
    expect(problems.some((text) => text.startsWith('brands[0].id: '))).toBe(true);
    expect(problems.some((text) => text.startsWith('brands[1].id: '))).toBe(true);
    expect(screen.getByText('No packs added.')).toBeTruthy();
  });

  it('follows only https pack URLs', async () => {
    harness = makeHarness('en', { subscribeRulePack: async () => ({ ok: false, message: 'https://packs.example.com/p.json: the server answered 404', problems: [], problemCount: 0 }) });
    renderOptions(harness);
    const field = screen.getByLabelText('Follow a pack URL (https)');
    fireEvent.input(field, { target: { value: 'ftp://packs.example.com/p.json' } });
    fireEvent.click(screen.getByRole('button', { name: 'Follow' }));
    await screen.findByText('The address must start with https://');
    fireEvent.input(field, { target: { value: 'https://packs.example.com/p.json' } });
    fireEvent.click(screen.getByRole('button', { name: 'Follow' }));
    await screen.findByText('The pack was not added: https://packs.example.com/p.json: the server answered 404');
    expect(harness.requests.filter((r) => r.type === 'subscribeRulePack').map((r) => r.data)).toEqual([{ url: 'https://packs.example.com/p.json' }]);
  });
});
