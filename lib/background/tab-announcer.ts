/**
 * Tells the open Taobao/Tmall tabs that something changed, so their badges follow without a reload.
 * Changes that arrive together (an import that also reloads the rules, a clear that touches three
 * tables) make one announcement; a verdict change includes any display change.
 */
import type { ChangeScope } from '../messaging/protocol';

export interface TabAnnouncerDeps {
  /** Ids of the open Taobao/Tmall tabs. */
  openTabs: () => Promise<number[]>;
  /** Sends the change to one tab; a tab without our content script rejects, which is fine. */
  send: (tabId: number, scope: ChangeScope) => Promise<void>;
}

export class TabAnnouncer {
  #pending: ChangeScope | null = null;
  #flushing: Promise<void> | null = null;

  constructor(private readonly deps: TabAnnouncerDeps) {}

  /** Announces `scope` to every open tab, after the current task (so a burst is one message). */
  announce(scope: ChangeScope): Promise<void> {
    this.#pending = this.#pending === 'verdicts' || scope === 'verdicts' ? 'verdicts' : 'display';
    this.#flushing ??= Promise.resolve().then(() => this.#flush());
    return this.#flushing;
  }

  async #flush(): Promise<void> {
    const scope = this.#pending;
    this.#pending = null;
    this.#flushing = null;
    if (scope === null) return;
    const tabs = await this.deps.openTabs().catch(() => []);
    await Promise.all(tabs.map((tabId) => this.deps.send(tabId, scope).catch(() => undefined)));
  }
}
