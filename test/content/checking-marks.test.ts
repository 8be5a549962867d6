import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { CHECKING_DELAY_MS, CheckingMarks, type MarkState } from '../../lib/content/checking-marks';

const doc = new JSDOM('<body></body>').window.document;

/** A hand-driven stand-in for setTimeout and IntersectionObserver: the test says when time passes and what is in view. */
function setup() {
  const timers: { at: number; run: () => void }[] = [];
  let now = 0;
  const observed = new Set<Element>();
  let onVisible: (element: Element) => void = () => undefined;
  const shown = new Map<Element, { state: MarkState; removed: boolean }>();
  const marks = new CheckingMarks(
    (anchor, state) => {
      const mark = { state, removed: false };
      shown.set(anchor, mark);
      return { update: (next) => (mark.state = next), remove: () => (mark.removed = true) };
    },
    (callback) => {
      onVisible = callback;
      return { observe: (el) => observed.add(el), unobserve: (el) => observed.delete(el) };
    },
    (run, ms) => timers.push({ at: now + ms, run }),
  );
  const advance = (ms: number) => {
    now += ms;
    for (const timer of timers.splice(0).filter((t) => (t.at <= now ? (t.run(), false) : true))) timers.push(timer);
  };
  /** The cards in view, as the observer would report them. */
  const inView = (...elements: Element[]) => elements.filter((el) => observed.has(el)).forEach((el) => onVisible(el));
  const state = (el: Element) => (shown.get(el)?.removed === false ? shown.get(el)!.state : null);
  const cards = (n: number) => Array.from({ length: n }, () => doc.createElement('a'));
  return { marks, advance, inView, state, observed, cards, timers };
}

describe('CheckingMarks', () => {
  it('shows nothing when the verdict arrives before the delay: a fast answer never flickers', () => {
    const t = setup();
    const [card] = t.cards(1);
    t.marks.waiting([card!]);
    t.advance(CHECKING_DELAY_MS - 1);
    t.marks.answered([card!]);
    t.advance(1000);
    t.inView(card!);
    expect(t.state(card!)).toBeNull();
    expect(t.observed.size).toBe(0);
  });

  it('shows "checking" on a card in view after the delay, and removes it when the verdict arrives', () => {
    const t = setup();
    const [card] = t.cards(1);
    t.marks.waiting([card!]);
    t.advance(CHECKING_DELAY_MS);
    t.inView(card!);
    expect(t.state(card!)).toBe('checking');
    t.marks.answered([card!]);
    expect(t.state(card!)).toBeNull();
  });

  it('mounts marks only on the cards that come into view, with one timer for the whole batch', () => {
    const t = setup();
    const cards = t.cards(10_000);
    t.marks.waiting(cards);
    expect(t.timers).toHaveLength(1);
    t.advance(CHECKING_DELAY_MS);
    t.inView(...cards.slice(0, 20));
    expect(t.marks.mounted).toBe(20);
    // Shown marks are no longer watched; the rest still are, until they scroll into view.
    expect(t.observed.size).toBe(10_000 - 20);
    t.marks.answered(cards);
    expect(t.marks.mounted).toBe(0);
    expect(t.observed.size).toBe(0);
  });

  it('turns into "not checked" when the retries give up, also on a card that scrolls into view later', () => {
    const t = setup();
    const [seen, later] = t.cards(2);
    t.marks.waiting([seen!, later!]);
    t.advance(CHECKING_DELAY_MS);
    t.inView(seen!);
    t.marks.gaveUp([seen!, later!]);
    expect(t.state(seen!)).toBe('unchecked');
    expect(t.state(later!)).toBeNull();
    t.inView(later!);
    expect(t.state(later!)).toBe('unchecked');
  });

  it('shows "not checked" at once when a batch fails before the delay', () => {
    const t = setup();
    const [card] = t.cards(1);
    t.marks.waiting([card!]);
    t.marks.gaveUp([card!]);
    t.inView(card!);
    expect(t.state(card!)).toBe('unchecked');
  });

  it('checks again after giving up, and clears every mark', () => {
    const t = setup();
    const [card] = t.cards(1);
    t.marks.waiting([card!]);
    t.marks.gaveUp([card!]);
    t.inView(card!);
    t.marks.waiting([card!]);
    expect(t.state(card!)).toBe('checking');
    t.marks.clear();
    expect(t.state(card!)).toBeNull();
    expect(t.marks.mounted).toBe(0);
  });
});
