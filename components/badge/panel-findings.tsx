/**
 * What the details panel says about the listing: first what it is (the brand it is offered as, a shop
 * the brand authorises, a price not compared), which is context and counts against no one; then the
 * findings, each with its weight, a price finding with where its floor comes from.
 */
import type { UiLanguage } from '../../lib/ui-language';
import type { Reason } from '../../lib/verdict';
import { httpUrlOrNull } from './badge-links';
import type { BadgeMessageKey, Translate } from './badge-messages';
import { NewTabHint } from './new-tab-hint';

const WEIGHT_WORDS: Record<'strong' | 'supporting', BadgeMessageKey> = {
  strong: 'badgePanelWeightStrong',
  supporting: 'badgePanelWeightSupporting',
};

const PRICE_CODES: ReadonlySet<string> = new Set(['price-below-floor', 'price-far-below-floor']);

export function PanelContext({ reasons, uiLanguage }: { reasons: readonly Reason[]; uiLanguage: UiLanguage }) {
  return (
    <ul class="context">
      {reasons.map((reason, index) => (
        <li key={index} class="text clip" dir="auto">
          {reason.text[uiLanguage]}
        </li>
      ))}
    </ul>
  );
}

interface FindingsProps {
  id: string;
  reasons: readonly Reason[];
  /** The notice block's own link: a finding citing the same source does not repeat it. */
  noticeUrl: string | null;
  t: Translate;
  uiLanguage: UiLanguage;
}

export function PanelFindings({ id, reasons, noticeUrl, t, uiLanguage }: FindingsProps) {
  if (reasons.length === 0) return null;
  return (
    <>
      <p class="muted" id={id}>
        {t('badgePanelReasons')}
      </p>
      <ul class="reasons" aria-labelledby={id}>
        {reasons.map((reason, index) => {
          const link = httpUrlOrNull(reason.url);
          const weight = reason.weight === 'strong' || reason.weight === 'supporting' ? reason.weight : null;
          return (
            <li key={index}>
              {weight && (
                <>
                  <span class="weight" data-weight={weight}>
                    {t(WEIGHT_WORDS[weight])}
                  </span>{' '}
                </>
              )}
              <span class="text clip" dir="auto">
                {reason.text[uiLanguage]}
              </span>
              {link && link !== noticeUrl && (
                <>
                  {' '}
                  <a class="link" href={link} target="_blank" rel="noopener noreferrer">
                    {t('badgePanelSource')}
                    <NewTabHint t={t} />
                  </a>
                </>
              )}
              {PRICE_CODES.has(reason.code) && reason.source && (
                <span class="floor-source text clip" dir="auto">
                  {t('badgePanelFloorSource', [reason.source])}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
