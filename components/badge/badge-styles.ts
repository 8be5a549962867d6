/**
 * The badge's stylesheet. It lives inside each badge's shadow root, so Taobao's rules cannot reach
 * the badge and these cannot reach the page. A constant string: nothing from the page is ever put
 * into it. Browsers share the parsed sheet between shadow roots with identical <style> text, so 60
 * badges cost one parse.
 */

/**
 * Inline on the host (the only element the page's CSS can select), with !important so that rules
 * like `.card > * { position: relative; top: 0 }` cannot move it.
 *
 * Why absolute with no insets: an absolutely positioned box with `top`/`left` auto sits at its
 * static position (where it would have been in flow, here the anchor's top-left corner, as the
 * anchor's first child) but takes no space in the flow. So the card does not shift, and no page
 * element needs `position: relative` (which could change the page's own layout). The self-alignment
 * pins it to the start when the anchor is a grid or flex container.
 */
export const HOST_STYLE = [
  'all: initial !important',
  'display: block !important',
  'position: absolute !important',
  'z-index: 2147483000 !important',
  'margin: 0 !important',
  'align-self: flex-start !important',
  'justify-self: start !important',
].join('; ');

/**
 * Before an item page's title, in flow: it takes its own line (or a row's slot) and no more width than
 * the badge, and is the containing block of the panel where the top layer is missing.
 */
export const HOST_STYLE_BEFORE = [
  'all: initial !important',
  'display: block !important',
  'position: relative !important',
  'z-index: 2147483000 !important',
  'width: fit-content !important',
  'max-width: 100% !important',
  'margin: 0 !important',
].join('; ');

/** The panel's tallest, wherever it is; placement cuts it further to the room beside the badge. */
export const PANEL_CAP = 'min(70vh, 440px)';

export const BADGE_CSS = `
.root {
  font: 12px/1.4 system-ui, -apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", sans-serif;
  color: #1f1f1f;
  text-align: start;
  white-space: normal;
  letter-spacing: normal;
  word-spacing: normal;
  text-transform: none;
}
.root *, .root *::before, .root *::after { box-sizing: border-box; }

.badge {
  display: inline-flex;
  align-items: center;
  gap: 4px;
  max-width: 220px;
  margin: 4px;
  padding: 2px 8px 2px 3px;
  border: 1px solid transparent;
  border-radius: 999px;
  font: inherit;
  font-weight: 600;
  white-space: nowrap;
  cursor: pointer;
  box-shadow: 0 1px 3px rgba(0, 0, 0, 0.35);
}
.badge:focus-visible { outline: 2px solid #1a73e8; outline-offset: 2px; }
.badge[data-size="large"] { max-width: 320px; gap: 6px; padding: 4px 14px 4px 5px; font-size: 15px; }
.badge[data-size="large"] .icon { width: 22px; height: 22px; font-size: 13px; }
.badge[data-level="high"] { background: #b3261e; color: #fff; }
.badge[data-level="medium"] { background: #fbd46d; color: #2b1d00; border-color: #8a5a00; }
.badge[data-level="low"] { background: #f1f3f4; color: #3c4043; border-color: #bdc1c6; font-weight: 400; }

.icon {
  display: inline-grid;
  place-items: center;
  flex: none;
  width: 16px;
  height: 16px;
  border-radius: 50%;
  font-size: 11px;
  font-weight: 700;
  background: #fff;
  color: #b3261e;
}
.badge[data-level="medium"] .icon { background: #2b1d00; color: #fbd46d; }
.badge[data-level="low"] .icon { background: #5f6368; color: #fff; }

.badge.trusted { background: #e6f4ea; color: #0d652d; border-color: #81c995; cursor: default; padding-left: 8px; }
.undo {
  border: 0;
  padding: 0 6px;
  border-radius: 999px;
  font: inherit;
  font-weight: 600;
  background: #0d652d;
  color: #fff;
  cursor: pointer;
}
.undo:focus-visible { outline: 2px solid #1a73e8; outline-offset: 2px; }

.reported-chip {
  padding: 0 5px;
  border-radius: 999px;
  font-weight: 400;
  background: rgba(255, 255, 255, 0.9);
  color: #1f1f1f;
}
/* Empty, it takes no room but stays in the accessibility tree: a hidden live region announces nothing. */
.copy-note { max-width: 220px; margin: 0 4px; padding: 0; }
.copy-note[data-copy] {
  margin-bottom: 4px;
  padding: 3px 8px;
  border-radius: 6px;
  font-weight: 600;
  background: #e6f4ea;
  color: #0d652d;
  box-shadow: 0 1px 3px rgba(0, 0, 0, 0.25);
}
.copy-note[data-copy="failed"] { background: #fce8e6; color: #a50e0e; }

.panel {
  position: absolute;
  inset: auto;
  top: 100%;
  left: 0;
  width: 300px;
  max-width: calc(100vw - 16px);
  max-height: ${PANEL_CAP};
  /* The body scrolls; the actions below it stay in view however short the panel is cut. */
  display: flex;
  flex-direction: column;
  overflow: hidden;
  margin: 0;
  padding: 10px 12px;
  border: 1px solid #c4c7cc;
  border-radius: 8px;
  background: #fff;
  color: #1f1f1f;
  box-shadow: 0 4px 16px rgba(0, 0, 0, 0.22);
  font-weight: 400;
}
.panel.in-top-layer { position: fixed; }
.panel-body { flex: 1 1 auto; min-height: 0; overflow: auto; overscroll-behavior: contain; }

.heading { margin: 0 0 6px; font-size: 13px; font-weight: 600; }
.facts { margin: 0 0 8px; display: grid; grid-template-columns: auto 1fr; gap: 2px 8px; }
.facts dt { color: #5f6368; }
.facts dd { margin: 0; min-width: 0; }
.context { margin: 0 0 8px; padding: 0; list-style: none; color: #3c4043; }
.context li + li { margin-top: 2px; }
.reasons { margin: 0 0 8px; padding-inline-start: 18px; }
.weight { padding: 0 4px; border-radius: 4px; font-size: 11px; font-weight: 600; white-space: nowrap; }
.weight[data-weight="strong"] { background: #fce8e6; color: #a50e0e; }
.weight[data-weight="supporting"] { background: #f1f3f4; color: #3c4043; }
.floor-source { display: block; margin-top: 1px; font-size: 11px; color: #5f6368; }
.reasons li + li { margin-top: 3px; }
.notice { margin: 0 0 8px; padding: 6px 8px; border-radius: 6px; background: #f6f7f8; }
.notice p { margin: 0; }
.notice-action { font-weight: 600; }
.muted { color: #5f6368; }
.reported-note { margin: 0 0 8px; font-weight: 600; color: #1e6b34; }
.shared-photo { margin: 0 0 8px; }

/* Page text (notice titles, shop names, matched words) may be 10,000 characters long, mix
   directions or hide zero-width characters: it wraps anywhere, is isolated, and is clipped. */
.text { unicode-bidi: isolate; overflow-wrap: anywhere; word-break: normal; }
.clip {
  display: -webkit-box;
  -webkit-box-orient: vertical;
  -webkit-line-clamp: 3;
  overflow: hidden;
}
.label { min-width: 0; overflow: hidden; text-overflow: ellipsis; unicode-bidi: isolate; }

.actions { flex: none; display: flex; flex-direction: column; gap: 4px; padding-top: 8px; border-top: 1px solid #e8eaed; }
.action {
  display: block;
  width: 100%;
  margin: 0;
  padding: 5px 8px;
  border: 1px solid #c4c7cc;
  border-radius: 6px;
  background: #fff;
  color: #1a0dab;
  font: inherit;
  text-align: start;
  text-decoration: none;
  cursor: pointer;
}
.action:hover { background: #f1f3f4; }
.action:focus-visible, .link:focus-visible { outline: 2px solid #1a73e8; outline-offset: 1px; }
.action.primary { border-color: #b3261e; color: #b3261e; font-weight: 600; }
.action.official { border-color: #188038; color: #0d652d; font-weight: 600; }
.action-detail { display: block; font-weight: 400; font-size: 11px; color: #3c4043; }
.link { color: #1a0dab; }

.visually-hidden {
  position: absolute;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip-path: inset(50%);
  white-space: nowrap;
}

@media (forced-colors: active) {
  .badge, .panel, .action { border-color: CanvasText; }
  .icon { forced-color-adjust: none; }
}
`;
