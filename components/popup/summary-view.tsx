/** The Summary tab: counts by risk and by brand, and first flags per day as inline SVG bars. */
import { useMemo } from 'preact/hooks';
import type { HistoryRecord } from '../../lib/activity/activity-db';
import { countByBrand, countByRisk, flagsPerDay, type DayCount } from '../../lib/activity/history-summary';
import type { PopupDeps } from './popup-deps';
import { brandLabel, formatDay } from './popup-words';
import { RiskLabel } from './risk-label';

const CHART = { width: 330, height: 80, gap: 2 };

function DayChart({ days, deps }: { days: DayCount[]; deps: PopupDeps }) {
  const max = Math.max(1, ...days.map((d) => d.count));
  const total = days.reduce((sum, d) => sum + d.count, 0);
  const barWidth = CHART.width / days.length - CHART.gap;
  return (
    <figure class="chart">
      <figcaption>{deps.t('popupSummaryChart')}</figcaption>
      <svg viewBox={`0 0 ${CHART.width} ${CHART.height}`} role="img" aria-label={deps.t('popupSummaryChartDescription', [String(total), String(max)], total)}>
        <line x1="0" y1={CHART.height - 0.5} x2={CHART.width} y2={CHART.height - 0.5} class="axis" />
        {days.map((day, i) => {
          const height = (day.count / max) * (CHART.height - 4);
          return (
            <rect key={day.day} class="bar" x={i * (barWidth + CHART.gap)} y={CHART.height - height} width={barWidth} height={height}>
              <title>{deps.t('popupSummaryDay', [formatDay(day.day, deps.uiLanguage), String(day.count)])}</title>
            </rect>
          );
        })}
      </svg>
      <div class="chart-ends muted" aria-hidden="true">
        <span>{formatDay(days[0]?.day ?? 0, deps.uiLanguage)}</span>
        <span>{formatDay(days.at(-1)?.day ?? 0, deps.uiLanguage)}</span>
      </div>
    </figure>
  );
}

export function SummaryView({ records, deps }: { records: HistoryRecord[]; deps: PopupDeps }) {
  const { t } = deps;
  const risks = useMemo(() => countByRisk(records), [records]);
  const brands = useMemo(() => countByBrand(records), [records]);
  const days = useMemo(() => flagsPerDay(records, deps.now()), [records, deps]);
  return (
    <div class="summary">
      <h2 class="section-heading">{t('popupSummaryByRisk')}</h2>
      <table class="counts" data-testid="risk-counts">
        <tbody>
          {(['high', 'medium'] as const).map((risk) => (
            <tr key={risk}>
              <th scope="row">
                <RiskLabel risk={risk} t={t} />
              </th>
              <td>{risks[risk]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 class="section-heading">{t('popupSummaryByBrand')}</h2>
      <table class="counts" data-testid="brand-counts">
        <tbody>
          {brands.map(({ brand, count }) => (
            <tr key={brand ?? '-'}>
              <th scope="row" dir="auto">
                {brand ? brandLabel(brand, deps.brandNames, deps.uiLanguage) : t('popupBrandNone')}
              </th>
              <td>{count}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <DayChart days={days} deps={deps} />
    </div>
  );
}
