// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { trust } from '../../../lib/activity/trust';
import { parseBackup } from '../../../lib/backup/backup';
import type { Listing } from '../../../lib/listing';
import { saveSettings } from '../../../lib/settings/settings';
import { chooseFile, makeHarness, NOW, renderOptions, type Harness } from './options-harness';

let harness: Harness;
beforeEach(() => fakeBrowser.reset());
afterEach(async () => {
  cleanup();
  await harness.close();
});

const LISTING: Listing = {
  itemId: '712345678901',
  url: 'https://item.taobao.com/item.htm?id=712345678901',
  title: '古驰 女包',
  price: null,
  shop: { name: '某某店', id: '12345', platform: 'taobao', tier: 'store' },
  sales: null,
  location: null,
  image: null,
  isAd: false,
};

describe('your data', () => {
  it('exports settings and records as one backup file that reads back', async () => {
    harness = makeHarness();
    await saveSettings({ role: 'brand-staff' });
    await trust(harness.activity, 'shop', LISTING, NOW - 1);
    renderOptions(harness);
    fireEvent.click(screen.getByRole('button', { name: 'Export a backup (JSON)' }));
    await screen.findByText('Backup saved as counterfeit-radar-backup-2026-11-01.json.');
    const [file] = harness.saved;
    expect(file?.fileName).toBe('counterfeit-radar-backup-2026-11-01.json');
    const parsed = parseBackup(file!.text);
    expect(parsed.ok && parsed.backup.settings.role).toBe('brand-staff');
    expect(parsed.ok && parsed.backup.trusted.map((r) => r.key)).toEqual(['shop-id:12345']);
  });

  it('a damaged backup shows its problems by path and asks nothing', async () => {
    harness = makeHarness();
    renderOptions(harness);
    const text = JSON.stringify({ format: 'counterfeit-radar.backup', version: 1, exportedAt: NOW, settings: { role: 'admin', sensitivity: 'strict', showLowMarks: false, mutedBrands: [] }, trusted: [], history: [{}], reports: [] });
    chooseFile(screen.getByLabelText('Restore a backup file'), 'backup.json', text);
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('This file cannot be restored.')).toBeTruthy();
    const problems = within(alert).getAllByRole('listitem').map((li) => li.textContent ?? '');
    expect(problems).toContain('history[0].itemId: is missing');
    expect(problems.some((p) => p.startsWith('settings.role: '))).toBe(true);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(harness.requests.some((r) => r.type === 'restoreBackup')).toBe(false);
  });

  it('restores a good backup only after the confirmation', async () => {
    harness = makeHarness('en', { backupChunk: async () => undefined, restoreBackup: async () => ({ ok: true, counts: { settings: 1, history: 0, reports: 0, trusted: 1 } }) });
    await trust(harness.activity, 'shop', LISTING, NOW - 1);
    renderOptions(harness);
    fireEvent.click(screen.getByRole('button', { name: 'Export a backup (JSON)' }));
    await screen.findByText(/^Backup saved as/);
    chooseFile(screen.getByLabelText('Restore a backup file'), 'backup.json', harness.saved[0]!.text);
    const dialog = await screen.findByRole('alertdialog');
    expect(within(dialog).getByText('Replace your settings and data with this backup? It holds history records: 0 · reports: 0 · trusted shops and items: 1.')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(harness.requests.some((r) => r.type === 'restoreBackup')).toBe(false);

    chooseFile(screen.getByLabelText('Restore a backup file'), 'backup.json', harness.saved[0]!.text);
    fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Replace my data' }));
    await screen.findByText('Backup restored.');
    const chunks = harness.requests.filter((r) => r.type === 'backupChunk').map((r) => r.data as { uploadId: string; index: number; text: string });
    expect(chunks.map((c) => c.text).join('')).toBe(harness.saved[0]!.text);
    expect(harness.requests.filter((r) => r.type === 'restoreBackup').map((r) => r.data)).toEqual([{ uploadId: chunks[0]!.uploadId }]);
  });

  it('clears only the chosen kinds, after a confirmation', async () => {
    harness = makeHarness('en', { clearData: async () => undefined });
    renderOptions(harness);
    const clear = screen.getByRole('button', { name: 'Clear the selected data' });
    expect((clear as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: 'History' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Settings (back to the defaults)' }));
    fireEvent.click(clear);
    const dialog = await screen.findByRole('alertdialog', { name: 'Clear the selected data? This cannot be undone.' });
    expect(harness.requests.some((r) => r.type === 'clearData')).toBe(false);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Clear' }));
    await screen.findByText('Cleared.');
    expect(harness.requests.filter((r) => r.type === 'clearData').map((r) => r.data)).toEqual([{ kinds: ['history', 'settings'] }]);
  });
});

describe("the installation's signing key", () => {
  it('shows the public key the exports are signed with, its fingerprint, and copies it', async () => {
    harness = makeHarness();
    renderOptions(harness);
    const field = (await screen.findByLabelText('Signing key of this installation (public)')) as HTMLInputElement;
    const stored = await harness.activity.keys.get('installation');
    expect(field.value).toBe(stored!.publicKey);
    expect(field.value).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(field.readOnly).toBe(true);
    expect(screen.getByText(/^Fingerprint [0-9a-f]{16} \(the CLI names the key by it\)$/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Copy key' }));
    await screen.findByText('Key copied.');
    expect(harness.clipboard.copied).toEqual([stored!.publicKey]);

    harness.clipboard.refuses = true;
    fireEvent.click(screen.getByRole('button', { name: 'Copy key' }));
    await screen.findByText('Could not copy. Select the key above and copy it yourself.');
    expect(screen.queryByText('Key copied.')).toBeNull();
  });

  it('is the same key on every visit, and in Chinese too', async () => {
    harness = makeHarness('zh_CN');
    renderOptions(harness);
    const first = ((await screen.findByLabelText('本安装的签名密钥（公钥）')) as HTMLInputElement).value;
    cleanup();
    renderOptions(harness);
    expect(((await screen.findByLabelText('本安装的签名密钥（公钥）')) as HTMLInputElement).value).toBe(first);
    expect(await harness.activity.keys.count()).toBe(1);
  });

  it('says exports are unsigned where the browser has no Ed25519, and shows a failure as one', async () => {
    harness = makeHarness('en', { installationKey: async () => null });
    renderOptions(harness);
    await screen.findByText('This browser cannot make Ed25519 keys: evidence zips from it are not signed (their hash chain still verifies).');
    expect(screen.queryByRole('button', { name: 'Copy key' })).toBeNull();
    cleanup();
    await harness.close();

    harness = makeHarness('en', { installationKey: async () => Promise.reject(new Error('Could not establish connection')) });
    renderOptions(harness);
    expect((await screen.findByText(/Could not establish connection/)).closest('[role="alert"]')).not.toBeNull();
  });
});
