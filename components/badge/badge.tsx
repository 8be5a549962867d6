/**
 * The badge: a button that states the level in words (and colour), and the details panel it opens
 * after a short hover, or at once on focus or a click. Escape, or leaving it (pointer and focus
 * both), closes the panel; so does another badge's panel opening.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { BadgeMessageKey } from './badge-messages';
import { type BadgeOptions, type ShownLevel, shownLevel } from './badge-options';
import { BadgePanel } from './badge-panel';
import { claimOpenPanel, releaseOpenPanel } from './one-open-panel';
import { fromUser } from './user-event';

/** A pointer crossing the gap between the badge and its panel must not close the panel. */
export const HOVER_CLOSE_DELAY_MS = 150;
/** A pointer passing over a grid of 60 badges on its way elsewhere must not open panel after panel. */
export const HOVER_OPEN_DELAY_MS = 300;

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
  const openTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const wrapper = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  const cancelClose = () => {
    if (closeTimer.current === null) return;
    clearTimeout(closeTimer.current);
    closeTimer.current = null;
  };
  const cancelOpen = () => {
    if (openTimer.current === null) return;
    clearTimeout(openTimer.current);
    openTimer.current = null;
  };
  // This badge's closer, the same function for its whole life: another badge's panel opening calls it.
  const closeForOther = useRef(() => {
    cancelOpen();
    cancelClose();
    hovered.current = false;
    setOpen(false);
  }).current;
  const doc = () => wrapper.current?.ownerDocument ?? null;
  useEffect(() => {
    const owner = doc();
    if (!owner) return;
    if (open) claimOpenPanel(owner, closeForOther);
    else releaseOpenPanel(owner, closeForOther);
  }, [open]);
  useEffect(
    () => () => {
      cancelClose();
      cancelOpen();
      const owner = doc();
      if (owner) releaseOpenPanel(owner, closeForOther);
    },
    [],
  );

  const level = shownLevel(verdict.risk, options.showLowMark ?? false);
  // A trust (its Undo note) or a verdict that hides the badge closes the panel for good: the badge
  // that comes back after Undo must not reopen a panel under a pointer that is no longer there.
  const showsPanel = level !== null && !options.undoTrust;
  useEffect(() => {
    if (!showsPanel) closeForOther();
  }, [showsPanel]);
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
    cancelOpen();
    setOpen(true);
  };
  const openSoon = () => {
    hovered.current = true;
    cancelClose();
    if (open || openTimer.current !== null) return;
    openTimer.current = setTimeout(() => {
      openTimer.current = null;
      setOpen(true);
    }, HOVER_OPEN_DELAY_MS);
  };
  const closeSoon = () => {
    hovered.current = false;
    cancelOpen();
    if (!open || focusInside()) return;
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
    cancelOpen();
    if (focusInside()) button.current?.focus();
    setOpen(false);
  };

  return (
    // While closed, only what opens the panel listens (and the pointer leaving, which cancels a hover
    // not yet long enough); the other closing listeners exist only while it is open.
    <div
      ref={wrapper}
      class="root"
      // Opening leads to the actions, so it too answers only the user (see user-event.ts).
      onMouseEnter={fromUser(openSoon)}
      onFocusIn={fromUser(openPanel)}
      onMouseLeave={closeSoon}
      onFocusOut={open ? closeOnFocusLeaving : undefined}
      onKeyDown={open ? closeOnEscape : undefined}
    >
      <button
        ref={button}
        type="button"
        class="badge"
        data-level={level}
        data-size={options.large ? 'large' : undefined}
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
      {/* Always present, so screen readers announce the words when they appear after a report. */}
      <p class="copy-note" role="status" data-copy={options.complaintCopy ?? undefined}>
        {options.complaintCopy ? t(options.complaintCopy === 'copied' ? 'badgeComplaintCopied' : 'badgeComplaintCopyFailed') : ''}
      </p>
      {open && <BadgePanel id={PANEL_ID} options={options} brand={brand} badge={button} />}
    </div>
  );
}
