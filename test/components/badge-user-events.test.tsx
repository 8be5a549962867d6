// @vitest-environment happy-dom
/**
 * Only the user acts: a page script's synthetic events (untrusted) neither open the badge nor trust
 * or report, and the page cannot reach the badge's buttons at all. happy-dom marks every dispatched
 * event untrusted, so the events a test sends as "the user" are listed in USER_EVENTS.
 */
import { act, fireEvent, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BadgeOptions } from '../../components/badge/badge-options';
import { mountBadge, type BadgeHandle } from '../../components/badge/mount-badge';
import type { Verdict } from '../../lib/verdict';
import { fakeTranslate } from './locale-messages';

const USER_EVENTS = new WeakSet<Event>();

vi.mock('../../components/badge/user-event', () => ({
  isUserEvent: (event: Event) => USER_EVENTS.has(event),
  fromUser: (handler: (event: Event) => void) => (event: Event) => {
    if (USER_EVENTS.has(event)) handler(event);
  },
}));

/** Dispatches `event` as the user would cause it. */
function asUser(target: Element, event: Event): void {
  USER_EVENTS.add(event);
  act(() => {
    target.dispatchEvent(event);
  });
}

const ITEM_ID = '712345678901';
const VERDICT: Verdict = { itemId: ITEM_ID, risk: 'high', brand: 'gucci', score: 100, reasons: [] };
const handles: BadgeHandle[] = [];

afterEach(() => {
  for (const handle of handles.splice(0)) handle.remove();
  document.body.replaceChildren();
});

function setup() {
  const card = document.createElement('a');
  card.id = `item_id_${ITEM_ID}`;
  document.body.append(card);
  const onTrust = vi.fn();
  const onReport = vi.fn();
  const options: BadgeOptions = {
    verdict: VERDICT,
    brandName: 'Gucci 古驰',
    shop: { name: '潮牌精品小店', id: '57301234' },
    uiLanguage: 'en',
    role: 'brand-staff',
    t: fakeTranslate('en'),
    onTrust,
    onReport,
  };
  const handle = mountBadge(card, options);
  handles.push(handle);
  const shadow = handle.shadowRoot;
  const button = () => shadow.querySelector<HTMLButtonElement>('button.badge')!;
  const panel = () => shadow.querySelector('.panel');
  return { card, handle, shadow, ui: within(shadow as unknown as HTMLElement), button, panel, onTrust, onReport };
}

describe('badge: only the user acts', () => {
  it('gives the page nothing to reach: no open shadow root, no verdict attributes', () => {
    const { card, handle } = setup();
    expect(handle.host.shadowRoot).toBeNull();
    expect(card.querySelectorAll('button, [data-cr-risk], [data-cr-item]')).toHaveLength(0);
  });

  it('does not open on synthetic focus, hover or click', () => {
    const { button, panel, shadow } = setup();
    fireEvent.focusIn(button());
    fireEvent.mouseEnter(shadow.querySelector('.root')!);
    fireEvent.click(button());
    expect(panel()).toBeNull();
    asUser(button(), new FocusEvent('focusin', { bubbles: true }));
    expect(panel()).not.toBeNull();
  });

  it('ignores synthetic clicks on trust and report, and acts on the user’s', () => {
    const { button, ui, onTrust, onReport } = setup();
    asUser(button(), new FocusEvent('focusin', { bubbles: true }));
    const trustShop = ui.getByRole('button', { name: /trust this shop/ });
    const trustItem = ui.getByRole('button', { name: /trust this item/ });
    const report = ui.getByRole('button', { name: 'Report with evidence' });
    for (let i = 0; i < 25; i++) for (const target of [trustShop, trustItem, report]) fireEvent.click(target);
    trustItem.click(); // HTMLElement.click() is a script's click too
    expect(onTrust).not.toHaveBeenCalled();
    expect(onReport).not.toHaveBeenCalled();
    asUser(trustItem, new MouseEvent('click', { bubbles: true }));
    expect(onTrust).toHaveBeenCalledExactlyOnceWith('item');
  });

  it('right after a trust says so and offers Undo, which only the user can press', () => {
    const { handle, shadow } = setup();
    const run = vi.fn();
    act(() => handle.update({ undoTrust: { kind: 'shop', run } }));
    const status = shadow.querySelector('[role="status"]')!;
    expect(status.textContent).toContain('Shop trusted');
    const undo = within(status as HTMLElement).getByRole('button', { name: 'Undo' });
    fireEvent.click(undo);
    undo.click();
    expect(run).not.toHaveBeenCalled();
    asUser(undo, new MouseEvent('click', { bubbles: true }));
    expect(run).toHaveBeenCalledOnce();
  });

  it('comes back closed after Undo, though its panel was open when the listing was trusted', () => {
    const { handle, shadow, button } = setup();
    asUser(button(), new FocusEvent('focusin', { bubbles: true }));
    expect(shadow.querySelector('.panel')).not.toBeNull();
    act(() => handle.update({ undoTrust: { kind: 'shop', run: vi.fn() } }));
    act(() => handle.update({ undoTrust: undefined }));
    expect(button()!.getAttribute('aria-expanded')).toBe('false');
    expect(shadow.querySelector('.panel')).toBeNull();
  });

  it('counts as the user only what the browser marks trusted', async () => {
    const { isUserEvent } = await vi.importActual<typeof import('../../components/badge/user-event')>('../../components/badge/user-event');
    const event = new MouseEvent('click');
    document.body.dispatchEvent(event);
    expect(isUserEvent(event)).toBe(false);
    expect(isUserEvent({ isTrusted: true } as Event)).toBe(true);
  });
});
