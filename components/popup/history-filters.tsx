/** The history's search box and filters: every input has a label, choices are words. */
import type { HistoryFilter } from '../../lib/activity/history-query';
import type { Platform } from '../../lib/listing';
import type { Risk } from '../../lib/verdict';
import type { PopupDeps } from './popup-deps';
import { brandLabel, PLATFORM_WORDS, RISK_WORDS } from './popup-words';

/** What the inputs hold; dates as the date inputs give them (YYYY-MM-DD, local). */
export interface FilterInputs {
  text: string;
  risk: Risk | '';
  /** A brand id, "-" for no brand, "" for any. */
  brand: string;
  platform: Platform | '';
  from: string;
  to: string;
}

export const NO_FILTER: FilterInputs = { text: '', risk: '', brand: '', platform: '', from: '', to: '' };
const NO_BRAND = '-';

function localDay(value: string, endOfDay: boolean): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const day = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (endOfDay) day.setHours(23, 59, 59, 999);
  return day.getTime();
}

export function toHistoryFilter(inputs: FilterInputs): HistoryFilter {
  return {
    text: inputs.text,
    risks: inputs.risk ? [inputs.risk] : [],
    brands: inputs.brand === '' ? [] : [inputs.brand === NO_BRAND ? null : inputs.brand],
    platforms: inputs.platform ? [inputs.platform] : [],
    from: localDay(inputs.from, false),
    to: localDay(inputs.to, true),
  };
}

interface HistoryFiltersProps {
  inputs: FilterInputs;
  brands: (string | null)[];
  deps: PopupDeps;
  onChange: (next: FilterInputs) => void;
}

export function HistoryFilters({ inputs, brands, deps, onChange }: HistoryFiltersProps) {
  const { t } = deps;
  const set = (change: Partial<FilterInputs>) => onChange({ ...inputs, ...change });
  const value = (event: Event) => (event.currentTarget as HTMLInputElement | HTMLSelectElement).value;
  return (
    <div class="filters">
      <label class="search">
        <span class="field-label">{t('popupSearchLabel')}</span>
        <input type="search" name="search" value={inputs.text} onInput={(e) => set({ text: value(e) })} />
      </label>
      <fieldset class="filter-row">
        <legend class="visually-hidden">{t('popupFiltersLabel')}</legend>
        <label>
          <span class="field-label">{t('popupFilterRisk')}</span>
          <select name="risk" value={inputs.risk} onChange={(e) => set({ risk: value(e) as Risk | '' })}>
            <option value="">{t('popupFilterAny')}</option>
            {(['high', 'medium'] as const).map((risk) => (
              <option key={risk} value={risk}>
                {t(RISK_WORDS[risk])}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span class="field-label">{t('popupFilterBrand')}</span>
          <select name="brand" value={inputs.brand} onChange={(e) => set({ brand: value(e) })}>
            <option value="">{t('popupFilterAny')}</option>
            {brands.map((brand) => (
              <option key={brand ?? NO_BRAND} value={brand ?? NO_BRAND}>
                {brand ? brandLabel(brand, deps.brandNames, deps.uiLanguage) : t('popupBrandNone')}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span class="field-label">{t('popupFilterPlatform')}</span>
          <select name="platform" value={inputs.platform} onChange={(e) => set({ platform: value(e) as Platform | '' })}>
            <option value="">{t('popupFilterAny')}</option>
            {(Object.keys(PLATFORM_WORDS) as Platform[]).map((platform) => (
              <option key={platform} value={platform}>
                {t(PLATFORM_WORDS[platform])}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span class="field-label">{t('popupFilterFrom')}</span>
          <input type="date" name="from" value={inputs.from} onChange={(e) => set({ from: value(e) })} />
        </label>
        <label>
          <span class="field-label">{t('popupFilterTo')}</span>
          <input type="date" name="to" value={inputs.to} onChange={(e) => set({ to: value(e) })} />
        </label>
      </fieldset>
    </div>
  );
}
