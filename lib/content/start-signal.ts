/**
 * WXT ends a content script when a newer copy of it starts in the same page: the newcomer dispatches
 * a CustomEvent named after the extension id and entry point, and the old copy's context listens for
 * it on `document` and invalidates itself. That protects against a stale script after an update, but
 * any page script can dispatch the same event (the name is public: the store id and the entry point),
 * and a forged one switched the extension off on that page.
 *
 * A page cannot fake the one thing that makes an old copy stale: its extension context is gone (after
 * an update, reload or removal, `browser.runtime.id` is undefined in the old copy). So a capturing
 * listener on `window`, which runs before WXT's on `document`, stops the event while our extension is
 * alive; once it is not, the event goes through and WXT invalidates the old copy as before. In a
 * development build (`wxt dev` re-injects scripts into live pages without a reload) every event goes
 * through, as WXT intends.
 */
export interface StartSignalGuard {
  /** Whether this copy's extension context still exists. */
  extensionAlive: () => boolean;
  /** Let every start-up event through (development builds). */
  acceptAlways: boolean;
  /** Ends the guard with the content script. */
  signal: AbortSignal;
}

export function refuseForgedStartSignal(target: Window, eventName: string, guard: StartSignalGuard): void {
  if (guard.acceptAlways) return;
  target.addEventListener(
    eventName,
    (event) => {
      if (guard.extensionAlive()) event.stopImmediatePropagation();
    },
    { capture: true, signal: guard.signal },
  );
}
