/** Said to screen readers after a link that opens a new tab. */
import type { Translate } from './badge-messages';

export function NewTabHint({ t }: { t: Translate }) {
  return <span class="visually-hidden"> {t('badgeOpensNewTab')}</span>;
}
