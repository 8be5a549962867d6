/** The Reports desk's search, filters and sort: every input labelled, every choice in words. */
import { REPORT_STATUSES, type ReportStatus } from '../../lib/activity/activity-db';
import { NO_BRAND, type DeskFilters, type DeskSort } from '../../lib/evidence/desk-filters';
import type { PopupDeps } from './popup-deps';
import { brandLabel } from './popup-words';
import { STATUS_WORDS } from './report-words';

interface ReportDeskFiltersProps {
  filters: DeskFilters;
  brands: (string | null)[];
  deps: PopupDeps;
  onChange: (next: DeskFilters) => void;
}

const SORT_WORDS = { newest: 'popupSortNewest', oldest: 'popupSortOldest', brand: 'popupSortBrand', status: 'popupSortStatus' } as const;

export function ReportDeskFilters({ filters, brands, deps, onChange }: ReportDeskFiltersProps) {
  const { t } = deps;
  const set = (change: Partial<DeskFilters>) => onChange({ ...filters, ...change });
  const value = (event: Event) => (event.currentTarget as HTMLInputElement | HTMLSelectElement).value;
  return (
    <div class="filters">
      <label class="search">
        <span class="field-label">{t('popupDeskSearch')}</span>
        <input type="search" name="report-search" value={filters.text} onInput={(e) => set({ text: value(e) })} />
      </label>
      <fieldset class="filter-row">
        <legend class="visually-hidden">{t('popupFiltersLabel')}</legend>
        <label>
          <span class="field-label">{t('popupFilterBrand')}</span>
          <select name="report-brand" value={filters.brand} onChange={(e) => set({ brand: value(e) })}>
            <option value="">{t('popupFilterAny')}</option>
            {brands.map((brand) => (
              <option key={brand ?? NO_BRAND} value={brand ?? NO_BRAND}>
                {brand ? brandLabel(brand, deps.brandNames, deps.uiLanguage) : t('popupBrandNone')}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span class="field-label">{t('popupFilterStatus')}</span>
          <select name="report-status" value={filters.status} onChange={(e) => set({ status: value(e) as ReportStatus | '' })}>
            <option value="">{t('popupFilterAny')}</option>
            {REPORT_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(STATUS_WORDS[status])}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span class="field-label">{t('popupFilterShop')}</span>
          <input type="text" name="report-shop" value={filters.shop} onInput={(e) => set({ shop: value(e) })} />
        </label>
        <label>
          <span class="field-label">{t('popupReportFrom')}</span>
          <input type="date" name="report-from" value={filters.from} onInput={(e) => set({ from: value(e) })} />
        </label>
        <label>
          <span class="field-label">{t('popupReportTo')}</span>
          <input type="date" name="report-to" value={filters.to} onInput={(e) => set({ to: value(e) })} />
        </label>
        <label>
          <span class="field-label">{t('popupSortLabel')}</span>
          <select name="report-sort" value={filters.sort} onChange={(e) => set({ sort: value(e) as DeskSort })}>
            {(Object.keys(SORT_WORDS) as DeskSort[]).map((sort) => (
              <option key={sort} value={sort}>
                {t(SORT_WORDS[sort])}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
    </div>
  );
}
