/** The desk's per-brand figures as a table: reported, submitted, removed, rejected, median days to removal. */
import type { ReportRecord } from '../../lib/activity/activity-db';
import { brandFigures } from '../../lib/evidence/case-figures';
import type { PopupDeps } from './popup-deps';
import { brandLabel } from './popup-words';

export function BrandFiguresTable({ reports, deps }: { reports: readonly ReportRecord[]; deps: PopupDeps }) {
  const { t } = deps;
  const figures = brandFigures(reports);
  const days = new Intl.NumberFormat(deps.uiLanguage === 'zh_CN' ? 'zh-CN' : 'en', { maximumFractionDigits: 1 });
  return (
    <table class="figures" data-testid="brand-figures">
      <caption>{t('popupBrandFigures')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('popupFigBrand')}</th>
          <th scope="col">{t('popupFigReported')}</th>
          <th scope="col">{t('popupFigSubmitted')}</th>
          <th scope="col">{t('popupFigRemoved')}</th>
          <th scope="col">{t('popupFigRejected')}</th>
          <th scope="col">{t('popupFigMedianDays')}</th>
        </tr>
      </thead>
      <tbody>
        {figures.map((row) => (
          <tr key={row.brand ?? ''}>
            <th scope="row">{row.brand ? brandLabel(row.brand, deps.brandNames, deps.uiLanguage) : t('popupBrandNone')}</th>
            <td>{row.reported}</td>
            <td>{row.submitted}</td>
            <td>{row.removed}</td>
            <td>{row.rejected}</td>
            <td>{row.medianDaysToRemoval === null ? '—' : days.format(row.medianDaysToRemoval)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
