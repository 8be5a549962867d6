/**
 * Only the user acts. A page script can dispatch clicks, focus and pointer events of its own; the
 * browser marks those `isTrusted: false`, and no script can set the flag. Every badge handler that
 * opens the panel or acts (trust, report) goes through `fromUser`, and the content script remembers
 * only the user's own pointer as the target of a menu or shortcut report (pointed-element.ts).
 */
export function isUserEvent(event: Event): boolean {
  return event.isTrusted === true;
}

/** `handler`, run only for events the user caused. */
export function fromUser<E extends Event>(handler: (event: E) => void): (event: E) => void {
  return (event) => {
    if (isUserEvent(event)) handler(event);
  };
}
