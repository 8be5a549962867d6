/** The risk in words, with a colour and a shape for those who see them: never colour alone. */
import type { Risk } from '../../lib/verdict';
import type { PopupTranslate } from './popup-messages';
import { RISK_WORDS } from './popup-words';

const RISK_ICON: Record<Risk, string> = { high: '!!', medium: '!', low: 'i', none: '–' };

export function RiskLabel({ risk, t }: { risk: Risk; t: PopupTranslate }) {
  return (
    <span class="risk" data-risk={risk}>
      <span class="risk-icon" aria-hidden="true">
        {RISK_ICON[risk]}
      </span>
      {t(RISK_WORDS[risk])}
    </span>
  );
}
