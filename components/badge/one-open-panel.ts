/**
 * One details panel open at a time on a page: a panel opening closes the one open before it (two
 * panels would cover each other and the cards under them). Kept per document, in this script only.
 */
const openPanels = new WeakMap<Document, () => void>();

/** `close` is the opening badge's own closer: the page's open panel, if another, is closed first. */
export function claimOpenPanel(doc: Document, close: () => void): void {
  const open = openPanels.get(doc);
  if (open && open !== close) open();
  openPanels.set(doc, close);
}

export function releaseOpenPanel(doc: Document, close: () => void): void {
  if (openPanels.get(doc) === close) openPanels.delete(doc);
}
