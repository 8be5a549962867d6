/**
 * Only the user acts. A page script can dispatch clicks, focus and pointer events of its own; the
 * browser marks those `isTrusted: false`, and no script can set the flag. Every badge handler that
 * opens the panel or acts (trust, report) goes through `fromUser`, so a synthetic event does nothing.
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
