/**
 * Finds a card's field elements when the card's markup has been split. In a saved page the shop link
 * nested inside the card's `<a>` is moved out by the HTML parser (an `<a>` cannot contain an `<a>`), so
 * everything from the shop block on becomes a sibling of the card. A field element therefore belongs
 * to the card that contains it or, failing that, to the nearest card before it in the same wrapper.
 */
import { queryAll, type Selector } from './selector';

const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING, without needing the Node global (Node.js CLI).

function precedesOrContains(card: Element, element: Element): boolean {
  return card === element || card.contains(element) || (card.compareDocumentPosition(element) & FOLLOWING) !== 0;
}

/** For each card, its elements matching `selector`, in document order. `cards` is in document order. */
function assign(root: ParentNode, cards: readonly Element[], selector: Selector): Map<Element, Element[]> {
  const owned = new Map<Element, Element[]>();
  for (const element of queryAll(root, [selector])) {
    // Binary search: the last card at or before the element in document order.
    let low = 0;
    let high = cards.length - 1;
    let owner: Element | undefined;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const card = cards[mid];
      if (card && precedesOrContains(card, element)) {
        owner = card;
        low = mid + 1;
      } else high = mid - 1;
    }
    if (!owner || !(owner.contains(element) || owner.parentElement?.contains(element))) continue;
    const list = owned.get(owner);
    if (list) list.push(element);
    else owned.set(owner, [element]);
  }
  return owned;
}

/** Field lookups for a set of cards: per field, the elements of the first alternative that has any. */
export class CardFields<Field extends string> {
  private readonly byField = new Map<Field, Map<Element, Element[]>[]>();

  constructor(root: ParentNode, cards: readonly Element[], fields: Record<Field, readonly Selector[]>) {
    for (const field of Object.keys(fields) as Field[]) {
      this.byField.set(field, fields[field].map((selector) => assign(root, cards, selector)));
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
