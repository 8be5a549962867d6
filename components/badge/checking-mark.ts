/**
 * The small neutral mark a listing shows while its first verdict is being asked for ("Checking…") and,
 * once the asks have given up, "Not checked". Plain DOM in a closed shadow root: no Preact tree and no
 * stylesheet to parse, so it costs less than the badge that replaces it. Its words are our own
 * constants from _locales; nothing from the page goes into it.
 */
import type { MarkState } from '../../lib/content/checking-marks';
import type { Translate } from './badge-messages';
import { type BadgePlacement, newBadgeHost, placeHost } from './mount-badge';

export interface CheckingMarkHandle {
  readonly host: HTMLElement;
  /** The closed shadow root, for whoever mounted the mark (unit tests read it here). */
  readonly shadowRoot: ShadowRoot;
  update(state: MarkState): void;
  remove(): void;
}

const MARK_STYLE = [
  'display: inline-block',
  'margin: 4px',
  'padding: 1px 7px',
  'border-radius: 999px',
  'border: 1px solid #bdc1c6',
  'background: rgba(241, 243, 244, 0.92)',
  'color: #3c4043',
  'font: 11px/1.4 system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif',
  'white-space: nowrap',
  'pointer-events: auto',
].join('; ');

export function mountCheckingMark(anchor: Element, state: MarkState, t: Translate, placement: BadgePlacement = 'over'): CheckingMarkHandle {
  const doc = anchor.ownerDocument;
  const host = newBadgeHost(doc, placement);
  const shadow = host.attachShadow({ mode: 'closed' });
  const mark = doc.createElement('span');
  mark.setAttribute('style', MARK_STYLE);
  shadow.append(mark);
  const show = (next: MarkState) => {
    mark.dataset['state'] = next;
    mark.textContent = t(next === 'checking' ? 'badgeChecking' : 'badgeNotChecked');
    // "Not checked" says why and what to do; "Checking…" needs no more than its word.
    if (next === 'unchecked') mark.title = t('badgeNotCheckedHint');
    else mark.removeAttribute('title');
    mark.style.setProperty('border-style', next === 'unchecked' ? 'dashed' : 'solid');
  };
  show(state);
  placeHost(host, anchor, placement);
  let removed = false;
  return {
    host,
    shadowRoot: shadow,
    update: (next) => {
      if (!removed) show(next);
    },
    remove: () => {
      removed = true;
      host.remove();
    },
  };
}
