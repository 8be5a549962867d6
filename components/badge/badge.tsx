/**
 * The badge: a button that states the level in words (and colour), and the details panel it opens on
 * hover or focus. Escape, or leaving it (pointer and focus both), closes the panel.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { BadgeMessageKey } from './badge-messages';
import { type BadgeOptions, type ShownLevel, shownLevel } from './badge-options';
import { BadgePanel } from './badge-panel';
import { fromUser } from './user-event';

/** A pointer crossing the gap between the badge and its panel must not close the panel. */
export const HOVER_CLOSE_DELAY_MS = 150;

/** Ids are scoped to the badge's shadow root, so one constant id cannot clash with another badge's. */
const PANEL_ID = 'cr-panel';

const LEVEL_WORDS: Record<ShownLevel, BadgeMessageKey> = {
  high: 'badgeRiskHigh',
  medium: 'badgeRiskMedium',
  low: 'badgeRiskLow',
};

/** A shape besides the colour, for readers who cannot tell the colours apart. */
const LEVEL_ICON: Record<ShownLevel, string> = { high: '!!', medium: '!', low: 'i' };

/** First-strong isolates: a right-to-left brand name cannot reorder the words around it in a label. */
const isolate = (text: string) => `\u2068${text}\u2069`;

export function Badge({ options }: { options: BadgeOptions }) {
  const { verdict, t } = options;
  const [open, setOpen] = useState(false);
  const hovered = useRef(false);
  const closeTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const wrapper = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  const cancelClose = () => {
    if (closeTimer.current === null) return;
    clearTimeout(closeTimer.current);
    closeTimer.current = null;
  };
  useEffect(() => cancelClose, []);

  const level = shownLevel(verdict.risk, options.showLowMark ?? false);
  if (!level) return null;
  if (options.undoTrust) {
    const undo = options.undoTrust;
    return (
      <div class="root">
        <div class="badge trusted" role="status">
          <span class="label">{t(undo.kind === 'shop' ? 'badgeTrustedShop' : 'badgeTrustedItem')}</span>
          <button type="button" class="undo" onClick={fromUser(() => undo.run())}>
            {t('badgeUndo')}
          </button>
        </div>
      </div>
    );
  }

  const focusInside = () => {
    const root = wrapper.current?.getRootNode() as Document | ShadowRoot | undefined;
    const active = root?.activeElement ?? null;
    return active !== null && wrapper.current?.contains(active) === true;
  };

  const brand = options.brandName ?? verdict.brand ?? t('badgeBrandUnknown');
  const levelWords = t(LEVEL_WORDS[level]);
  const nameKey = options.reported ? 'badgeAccessibleNameReported' : 'badgeAccessibleName';

  const openPanel = () => {
    cancelClose();
    setOpen(true);
  };
  const closeSoon = () => {
    hovered.current = false;
    if (focusInside()) return;
    cancelClose();
    closeTimer.current = setTimeout(() => {
      closeTimer.current = null;
      setOpen(false);
    }, HOVER_CLOSE_DELAY_MS);
  };
  const closeOnFocusLeaving = (event: FocusEvent) => {
    const next = event.relatedTarget as Node | null;
    if (next && wrapper.current?.contains(next)) return;
    if (!hovered.current) setOpen(false);
  };
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    cancelClose();
    // Dismissed while the pointer may still be over it: it reopens when the pointer comes back.
    hovered.current = false;
    if (focusInside()) button.current?.focus();
    setOpen(false);
  };

  return (
    // While closed, only what opens the panel listens; the closing listeners exist only while it is
    // open. Three listeners fewer on each of a page's 60 badges.
    <div
      ref={wrapper}
      class="root"
      // Opening leads to the actions, so it too answers only the user (see user-event.ts).
      onMouseEnter={fromUser(() => {
        hovered.current = true;
        openPanel();
      })}
      onFocusIn={fromUser(openPanel)}
      onMouseLeave={open ? closeSoon : undefined}
      onFocusOut={open ? closeOnFocusLeaving : undefined}
      onKeyDown={open ? closeOnEscape : undefined}
    >
      <button
        ref={button}
        type="button"
        class="badge"
        data-level={level}
        aria-label={t(nameKey, [levelWords, isolate(brand)])}
        aria-expanded={open}
        aria-controls={open ? PANEL_ID : undefined}
        // A click (or a tap, which gives no hover) opens the panel; it never toggles it shut, because
        // the focus that comes with the same click has already opened it.
        onClick={fromUser(openPanel)}
      >
        <span class="icon" aria-hidden="true">
          {LEVEL_ICON[level]}
        </span>
        <span class="label">{levelWords}</span>
        {options.reported && <span class="reported-chip">{t('badgeReported')}</span>}
      </button>
      {open && <BadgePanel id={PANEL_ID} options={options} brand={brand} badge={button} />}
    </div>
  );
}
