/**
 * Finds a card's field elements when the card's markup has been split. In a saved page the shop link
 * nested inside the card's `<a>` is moved out by the HTML parser (an `<a>` cannot contain an `<a>`), so
 * everything from the shop block on becomes a sibling of the card. A field element therefore belongs
 * to the card that contains it or, failing that, to the nearest card before it in the same wrapper.
 */
import { queryAll, type Selector } from './selector';

/** What the nearest earlier sibling that matters is: a card, one holding a card, or nothing. */
type Before = Element | 'holds-card' | null;

/**
 * Ownership of field elements by cards, in time linear in the page. A field element belongs to the
 * last card at or before it in document order, provided that card contains it or is a sibling of one
 * of its ancestors. It is found by walking up from the element and, at each level, back over the
 * earlier siblings to the first that is a card (the owner) or holds one (a later card that does not
 * contain the element: no owner). The backward walks are memoised, so each sibling is passed once in
 * all. (`compareDocumentPosition` between siblings walks their parent's child list in Blink, which
 * made the former binary search over 10,000 cards quadratic.)
 */
class Owners {
  private readonly before = new Map<Element, Before>();

  constructor(
    private readonly cards: ReadonlySet<Element>,
    private readonly holdsCard: ReadonlySet<Element>,
  ) {}

  ownerOf(element: Element): Element | null {
    for (let node: Element | null = element; node; node = node.parentElement) {
      if (this.cards.has(node)) return node;
      const before = this.beforeOf(node);
      if (before === 'holds-card') return null;
      if (before) return before;
    }
    return null;
  }

  private beforeOf(node: Element): Before {
    const passed: Element[] = [];
    let answer: Before = null;
    for (let at: Element | null = node; at; ) {
      const known = this.before.get(at);
      if (known !== undefined) {
        answer = known;
        break;
      }
      passed.push(at);
      const previous: Element | null = at.previousElementSibling;
      if (!previous) break;
      if (this.cards.has(previous)) {
        answer = previous;
        break;
      }
      if (this.holdsCard.has(previous)) {
        answer = 'holds-card';
        break;
      }
      at = previous;
    }
    for (const element of passed) this.before.set(element, answer);
    return answer;
  }
}

/** For each card, its elements matching `selector`, in document order. */
function assign(root: ParentNode, owners: Owners, selector: Selector): Map<Element, Element[]> {
  const owned = new Map<Element, Element[]>();
  for (const element of queryAll(root, [selector])) {
    const owner = owners.ownerOf(element);
    if (!owner) continue;
    const list = owned.get(owner);
    if (list) list.push(element);
    else owned.set(owner, [element]);
  }
  return owned;
}

/** Every proper ancestor of a card: an element there is after that card's start, not owned by it. */
function ancestorsOf(cards: readonly Element[]): Set<Element> {
  const ancestors = new Set<Element>();
  for (const card of cards) {
    for (let node = card.parentElement; node && !ancestors.has(node); node = node.parentElement) ancestors.add(node);
  }
  return ancestors;
}

/** Field lookups for a set of cards: per field, the elements of the first alternative that has any. */
export class CardFields<Field extends string> {
  private readonly byField = new Map<Field, Map<Element, Element[]>[]>();

  constructor(root: ParentNode, cards: readonly Element[], fields: Record<Field, readonly Selector[]>) {
    const owners = new Owners(new Set(cards), ancestorsOf(cards));
    for (const field of Object.keys(fields) as Field[]) {
      this.byField.set(field, fields[field].map((selector) => assign(root, owners, selector)));
    }
  }

  all(card: Element, field: Field): Element[] {
    for (const alternative of this.byField.get(field) ?? []) {
      const found = alternative.get(card);
      if (found && found.length > 0) return found;
    }
    return [];
  }

  first(card: Element, field: Field): Element | null {
    return this.all(card, field)[0] ?? null;
  }
}
