/**
 * User settings, in the extension's storage (storage.local), readable from every part including the
 * content script. What is read back is checked: an older or damaged value falls back field by field.
 */
import * as v from 'valibot';
import { storage } from 'wxt/utils/storage';
import { SITES } from '../page/hosts';
import { SENSITIVITIES, type Sensitivity } from '../rules/sensitivity';

export type Role = 'shopper' | 'brand-staff';

export interface Settings {
  role: Role;
  sensitivity: Sensitivity;
  /** Show a small neutral mark on low-risk brand listings too. */
  showLowMarks: boolean;
  /** Brand ids the user does not want watched (all are watched by default). */
  mutedBrands: string[];
  /** Sites (taobao.com, tmall.com, tmall.hk) where the user paused the extension. */
  pausedSites: string[];
}

export const DEFAULT_SETTINGS: Settings = { role: 'shopper', sensitivity: 'balanced', showLowMarks: false, mutedBrands: [], pausedSites: [] };

const settingsSchema = v.object({
  role: v.fallback(v.picklist(['shopper', 'brand-staff']), DEFAULT_SETTINGS.role),
  sensitivity: v.fallback(v.picklist(SENSITIVITIES), DEFAULT_SETTINGS.sensitivity),
  showLowMarks: v.fallback(v.boolean(), DEFAULT_SETTINGS.showLowMarks),
  mutedBrands: v.fallback(v.pipe(v.array(v.pipe(v.string(), v.maxLength(100))), v.maxLength(1000)), []),
  pausedSites: v.fallback(v.pipe(v.array(v.picklist(SITES)), v.maxLength(SITES.length)), []),
});

export function parseSettings(raw: unknown): Settings {
  const result = v.safeParse(settingsSchema, raw && typeof raw === 'object' ? raw : {});
  return result.success ? result.output : { ...DEFAULT_SETTINGS };
}

const settingsItem = storage.defineItem<unknown>('local:settings', { fallback: DEFAULT_SETTINGS });

export async function loadSettings(): Promise<Settings> {
  return parseSettings(await settingsItem.getValue());
}

export async function saveSettings(change: Partial<Settings>): Promise<Settings> {
  const next = parseSettings({ ...(await loadSettings()), ...change });
  await settingsItem.setValue(next);
  return next;
}

export function watchSettings(onChange: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => onChange(parseSettings(value)));
}
