/**
 * Role, sensitivity, low-risk marks, the brands to watch and the screenshot permission. Settings are
 * saved straight to storage.local on each change (the background and the content scripts watch it).
 */
import { useEffect, useState } from 'preact/hooks';
import type { Role, Settings } from '../../lib/settings/settings';
import { SENSITIVITIES, type Sensitivity } from '../../lib/rules/sensitivity';
import type { OptionsDeps } from './options-deps';
import type { OptionsMessageKey } from './options-messages';
import type { PackBrand } from './rule-packs-section';
import { ScreenshotPermission } from './screenshot-permission';

const ROLES: readonly { role: Role; label: OptionsMessageKey; hint: OptionsMessageKey }[] = [
  { role: 'shopper', label: 'optionsRoleShopper', hint: 'optionsRoleShopperHint' },
  { role: 'brand-staff', label: 'optionsRoleBrandStaff', hint: 'optionsRoleBrandStaffHint' },
];

const SENSITIVITY_TEXT: Record<Sensitivity, { label: OptionsMessageKey; hint: OptionsMessageKey }> = {
  relaxed: { label: 'optionsSensitivityRelaxed', hint: 'optionsSensitivityRelaxedHint' },
  balanced: { label: 'optionsSensitivityBalanced', hint: 'optionsSensitivityBalancedHint' },
  strict: { label: 'optionsSensitivityStrict', hint: 'optionsSensitivityStrictHint' },
};

interface SettingsSectionProps {
  deps: OptionsDeps;
  /** Every brand of the packs in force, or undefined while they load. */
  brands: readonly PackBrand[] | undefined;
}

type SavedPart = 'role' | 'sensitivity' | 'low-marks' | 'brands';

export function SettingsSection({ deps, brands }: SettingsSectionProps) {
  const { t } = deps;
  const [settings, setSettings] = useState<Settings | null>(null);
  // Which control's change was saved: the confirmation shows beside it, where the user is looking.
  const [saved, setSaved] = useState<SavedPart | null>(null);

  useEffect(() => {
    void deps.settings.load().then(setSettings);
    return deps.settings.watch(setSettings);
  }, [deps]);

  async function change(update: Partial<Settings>, part: SavedPart): Promise<void> {
    setSaved(null);
    setSettings(await deps.settings.save(update));
    setSaved(part);
  }
  const savedNote = (part: SavedPart, words = t('optionsSaved')) => (
    <p class="status" role="status">
      {saved === part ? words : ''}
    </p>
  );

  function toggleBrand(id: string, watched: boolean): void {
    if (!settings) return;
    const muted = new Set(settings.mutedBrands);
    if (watched) muted.delete(id);
    else muted.add(id);
    void change({ mutedBrands: [...muted] }, 'brands');
  }

  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('optionsSettingsHeading')}</h2>
      {settings && (
        <>
          <fieldset>
            <legend>{t('optionsRoleLegend')}</legend>
            {ROLES.map(({ role, label, hint }) => (
              <label class="choice" key={role}>
                <input type="radio" name="role" value={role} checked={settings.role === role} onChange={() => void change({ role }, 'role')} />
                <span>
                  {t(label)}
                  <span class="hint">{t(hint)}</span>
                </span>
              </label>
            ))}
            {savedNote('role', t('optionsRoleSaved', [t(ROLES.find((r) => r.role === settings.role)?.label ?? 'optionsRoleShopper')]))}
          </fieldset>
          <fieldset>
            <legend>{t('optionsSensitivityLegend')}</legend>
            {SENSITIVITIES.map((sensitivity) => (
              <label class="choice" key={sensitivity}>
                <input
                  type="radio"
                  name="sensitivity"
                  value={sensitivity}
                  checked={settings.sensitivity === sensitivity}
                  onChange={() => void change({ sensitivity }, 'sensitivity')}
                />
                <span>
                  {t(SENSITIVITY_TEXT[sensitivity].label)}
                  <span class="hint">{t(SENSITIVITY_TEXT[sensitivity].hint)}</span>
                </span>
              </label>
            ))}
            {savedNote('sensitivity')}
          </fieldset>
          <label class="choice">
            <input type="checkbox" checked={settings.showLowMarks} onChange={(event) => void change({ showLowMarks: event.currentTarget.checked }, 'low-marks')} />
            <span>{t('optionsShowLowMarks')}</span>
          </label>
          {savedNote('low-marks')}
          <fieldset>
            <legend>{t('optionsBrandsLegend')}</legend>
            <p class="hint">{t('optionsBrandsHint')}</p>
            {brands === undefined ? (
              <p class="muted">{t('optionsBrandsLoading')}</p>
            ) : (
              <div class="brands">
                {brands.map((brand) => (
                  <label class="choice" key={brand.id}>
                    <input
                      type="checkbox"
                      value={brand.id}
                      checked={!settings.mutedBrands.includes(brand.id)}
                      onChange={(event) => toggleBrand(brand.id, event.currentTarget.checked)}
                    />
                    <span dir="auto">{brand.name[deps.language]}</span>
                  </label>
                ))}
              </div>
            )}
            {savedNote('brands')}
          </fieldset>
        </>
      )}
      <ScreenshotPermission deps={deps} />
    </section>
  );
}
