/**
 * What the browser suite sees of the badges. A badge lives in a closed shadow root and its host
 * carries no verdict data, so a page script sees only `<cr-badge>`; the suite reads inside through
 * the automation protocol, which can reach closed roots where no page script can:
 * - Chromium: CDP's DOM domain (`pierce`) names each host's shadow root, `DOM.resolveNode` gives a
 *   handle to it, `Runtime.callFunctionOn` reads it;
 * - Firefox: WebDriver BiDi serialises closed roots when asked (`includeShadowTree: "all"`), and the
 *   root's shared id can be passed back as an argument to `script.callFunction`.
 * The read runs in the page's own world with the root as its argument; only JSON comes back.
 * Clicks are then made with the real mouse at the read coordinates, so they are trusted, like a user's.
 */
import type { CDPSession, Page } from 'puppeteer-core';

/** One badge as the user sees it. */
export interface BadgeView {
  /** The item of the card (or item page) the badge is on, read from the page's own markup. */
  itemId: string | null;
  /** The level the badge shows (high, medium, low), or null when it draws nothing. */
  level: string | null;
  reported: string | null;
  /** The open panel's text, or null when it is closed. */
  panel: string | null;
  panelHeight: number | null;
  badge: { top: number; bottom: number; left: number; right: number; x: number; y: number } | null;
  actions: { label: string; x: number; y: number }[];
  links: string[];
  /** Elements that must never be in a badge (img, script, iframe, object, [onerror]). */
  forbidden: number;
  text: string;
}

/** Runs in the page with the closed root; plain function source, no closures. */
const READ_ROOT = `function (root) {
  const host = root.host;
  const box = (el) => {
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, x: r.x + r.width / 2, y: r.y + r.height / 2 };
  };
  const idIn = (text) => (/[?&]id=(\\d+)/.exec(text || '') || [])[1] || null;
  const card = host.closest('[id^="item_id_"], [data-id], a[href*="id="]');
  let itemId = null;
  if (card && card.id && card.id.startsWith('item_id_')) itemId = card.id.slice('item_id_'.length);
  else if (card && card.hasAttribute('data-id')) itemId = card.getAttribute('data-id');
  else if (card) itemId = idIn(card.getAttribute('href'));
  if (!itemId) itemId = idIn(location.search);
  const badge = root.querySelector('.badge');
  const panel = root.querySelector('.panel');
  const visible = getComputedStyle(host).display !== 'none';
  return {
    itemId,
    level: visible && badge ? badge.getAttribute('data-level') : null,
    reported: root.querySelector('.reported-chip') ? root.querySelector('.reported-chip').textContent : null,
    panel: panel ? panel.textContent : null,
    panelHeight: panel ? panel.getBoundingClientRect().height : null,
    badge: box(badge),
    actions: [...root.querySelectorAll('.action, .undo')].map((a) => ({ label: a.textContent || '', ...box(a) })),
    links: [...root.querySelectorAll('a[href]')].map((a) => a.getAttribute('href') || ''),
    forbidden: root.querySelectorAll('img, script, iframe, object, [onerror]').length,
    text: root.textContent || '',
  };
}`;

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
}

const cdpSessions = new WeakMap<Page, Promise<CDPSession>>();

async function readChromium(page: Page): Promise<BadgeView[]> {
  let session = cdpSessions.get(page);
  if (!session) {
    session = page.createCDPSession();
    cdpSessions.set(page, session);
  }
  const cdp = await session;
  const { root } = (await cdp.send('DOM.getDocument', { depth: 0 })) as { root: { nodeId: number } };
  const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: 'cr-badge' });
  const views: BadgeView[] = [];
  for (const nodeId of nodeIds) {
    const { node } = await cdp.send('DOM.describeNode', { nodeId, depth: 1, pierce: true });
    const shadow = node.shadowRoots?.[0];
    if (!shadow) continue;
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    if (!object.objectId) continue;
    const answer = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: `function () { return (${READ_ROOT})(this); }`,
      returnByValue: true,
    });
    if (answer.exceptionDetails) throw new Error(`reading a badge failed: ${answer.exceptionDetails.text}`);
    views.push(answer.result.value as BadgeView);
    await cdp.send('Runtime.releaseObject', { objectId: object.objectId });
  }
  return views;
}

async function readFirefox(page: Page): Promise<BadgeView[]> {
  const connection = (page.browser() as unknown as { connection: BidiConnection }).connection;
  const context = (page.mainFrame() as unknown as { _id: string })._id;
  const hosts = await connection.send('script.callFunction', {
    functionDeclaration: '() => [...document.querySelectorAll("cr-badge")]',
    target: { context },
    awaitPromise: false,
    resultOwnership: 'none',
    serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
  });
  const list = (hosts.result.result as { value?: { value?: { shadowRoot?: { sharedId?: string } | null } }[] }).value ?? [];
  const views: BadgeView[] = [];
  for (const host of list) {
    const sharedId = host.value?.shadowRoot?.sharedId;
    if (!sharedId) continue;
    const answer = await connection.send('script.callFunction', {
      functionDeclaration: `(root) => JSON.stringify((${READ_ROOT})(root))`,
      target: { context },
      arguments: [{ sharedId }],
      awaitPromise: false,
      resultOwnership: 'none',
    });
    const result = answer.result as { type: string; result?: { value?: string }; exceptionDetails?: { text: string } };
    if (result.type === 'exception') throw new Error(`reading a badge failed: ${result.exceptionDetails?.text}`);
    views.push(JSON.parse(result.result?.value ?? 'null') as BadgeView);
  }
  return views;
}

/** A badge removed between finding it and reading it (the page re-judged itself meanwhile). */
const GONE = /Could not find node|No node with given id|no such node|stale/i;

/** Every badge on the page, read through its closed root; read again when one vanished mid-read. */
export async function readBadges(page: Page): Promise<BadgeView[]> {
  // puppeteer's Browser knows its protocol, though its public types leave the getter out.
  const read = () => ((page.browser() as unknown as { protocol: string }).protocol === 'webDriverBiDi' ? readFirefox(page) : readChromium(page));
  for (let attempt = 0; ; attempt++) {
    try {
      return await read();
    } catch (error) {
      if (attempt >= 5 || !GONE.test(error instanceof Error ? error.message : String(error))) throw error;
    }
  }
}

/** The badges that show a level (drawn), as `itemId:level`, sorted. */
export async function shownBadges(page: Page): Promise<BadgeView[]> {
  return (await readBadges(page)).filter((view) => view.level !== null);
}

/** Waits (polling, as page.waitForFunction does) until `accept` holds for the page's badges. */
export async function waitForBadges(page: Page, accept: (views: BadgeView[]) => boolean, timeoutMs = 15_000, pollMs = 150): Promise<BadgeView[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const views = await readBadges(page);
    if (accept(views)) return views;
    if (Date.now() > deadline) throw new Error(`badges never reached the expected state; last seen: ${JSON.stringify(views.map((v) => `${v.itemId}:${v.level}`))}`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

/** The one badge of this item. */
export async function badgeOf(page: Page, itemId: string): Promise<BadgeView> {
  const [view] = await waitForBadges(page, (views) => views.some((v) => v.itemId === itemId && v.level !== null));
  return (await readBadges(page)).find((v) => v.itemId === itemId && v.level !== null) ?? view!;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Item ids with a badge that shows a level, each once (an ad shell and its card share one), sorted. */
export async function badgeIds(page: Page): Promise<string[]> {
  return [...new Set((await shownBadges(page)).map((v) => v.itemId ?? ''))].sort();
}

/**
 * The badge ids once they hold still: at least `atLeast` items shown, and unchanged over four reads 300 ms
 * apart. The page has no signal of our own to wait for (the store build leaves none, on purpose), so
 * a page that must show no badge is read after the same quiet spell.
 */
export async function settledBadgeIds(page: Page, atLeast = 0): Promise<string[]> {
  if (atLeast > 0) await waitForBadges(page, (views) => new Set(views.filter((v) => v.level !== null).map((v) => v.itemId)).size >= atLeast);
  let previous = '';
  let same = 0;
  for (;;) {
    await sleep(300);
    const ids = await badgeIds(page);
    same = ids.join() === previous ? same + 1 : 0;
    previous = ids.join();
    if (same >= 3) return ids;
  }
}

/** Hovers the badge of one item with the real pointer until its panel opens; returns the panel. */
export async function openPanel(page: Page, itemId: string): Promise<BadgeView> {
  const badge = await badgeOf(page, itemId);
  if (badge.panel !== null) return badge;
  let { x, y } = badge.badge!;
  const viewport = await page.evaluate(() => ({ height: innerHeight }));
  if (y < 0 || y > viewport.height) {
    await page.evaluate((dy: number) => window.scrollBy(0, dy), y - viewport.height / 2);
    ({ x, y } = (await badgeOf(page, itemId)).badge!);
  }
  await page.mouse.move(x, y);
  const views = await waitForBadges(page, (all) => all.some((v) => v.itemId === itemId && v.panel !== null));
  return views.find((v) => v.itemId === itemId && v.panel !== null)!;
}

/** Clicks the open panel's action whose text starts with `label`, with the real mouse. */
export async function clickAction(page: Page, itemId: string, label: string): Promise<void> {
  const panel = await openPanel(page, itemId);
  const action = panel.actions.find((a) => a.label.startsWith(label));
  if (!action) throw new Error(`no action "${label}" on the badge of ${itemId}`);
  await page.mouse.click(action.x, action.y);
}
