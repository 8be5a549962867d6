import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_SETTINGS, loadSettings, parseSettings, saveSettings, watchSettings } from '../lib/settings/settings';

beforeEach(() => fakeBrowser.reset());

describe('settings', () => {
  it('start from the defaults', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('save a change and tell watchers', async () => {
    const seen: string[] = [];
    const stop = watchSettings((s) => seen.push(s.role));
    await saveSettings({ role: 'brand-staff' });
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, role: 'brand-staff' });
    expect(seen).toEqual(['brand-staff']);
    stop();
  });

  it('fall back field by field for a damaged value', () => {
    expect(parseSettings({ role: 'admin', sensitivity: 'strict', showLowMarks: 'yes' })).toEqual({ role: 'shopper', sensitivity: 'strict', showLowMarks: false, mutedBrands: [], pausedSites: [] });
    expect(parseSettings({ pausedSites: ['tmall.com'] }).pausedSites).toEqual(['tmall.com']);
    expect(parseSettings({ pausedSites: ['evil.example'] }).pausedSites).toEqual([]);
    expect(parseSettings('garbage')).toEqual(DEFAULT_SETTINGS);
  });
});
