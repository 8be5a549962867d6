/**
 * The element the user last pointed at (pointer over, context menu): a report from the context menu
 * or the shortcut means its listing. Only the user's own events count: a page script dispatching a
 * synthetic `pointerover` on another card must not change which listing a report is about.
 */
import { isUserEvent } from './user-event';

export class PointedElement {
  #element: Element | null = null;

  /** The listener for `pointerover` and `contextmenu` (capturing, on the document). */
  readonly note = (event: Event): void => {
    const target = event.target as Element | null;
    if (isUserEvent(event) && target !== null && target.nodeType === 1) this.#element = target;
  };

  get element(): Element | null {
    return this.#element;
  }
}
