/**
 * The options page wired to the real background services on fakes: NoticeService over a
 * fake-indexeddb NoticeDatabase, RulePackService and the settings over WXT's fake storage. Every
 * request is recorded; a test can hold one back (`hold`) to see the page while it waits.
 */
import { render } from '@testing-library/preact';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { ActivityDatabase } from '../../../lib/activity/activity-db';
import { historyVerdictChanges } from '../../../lib/background/history-verdict-changes';
import { NoticeService } from '../../../lib/background/notice-service';
import { pageHandlers, type PageHandlerDeps } from '../../../lib/background/page-handlers';
import { RulePackService } from '../../../lib/background/rule-pack-service';
import type { NoticeImportProgress, PageProtocolMap } from '../../../lib/messaging/page-protocol';
import { NoticeDatabase } from '../../../lib/notices/notice-db';
import { loadSettings, saveSettings, watchSettings } from '../../../lib/settings/settings';
import { OptionsApp } from '../../../components/options/options-app';
import type { OptionsDeps, PageRequest } from '../../../components/options/options-deps';
import type { OptionsTranslate } from '../../../components/options/options-messages';
import { fakeTranslate, type Locale } from '../locale-messages';

export const NOW = Date.UTC(2026, 10, 1, 9);

type Name = keyof PageProtocolMap;
type Handler = (data: unknown) => Promise<unknown>;

export interface Harness {
  deps: OptionsDeps;
  notices: NoticeDatabase;
  activity: ActivityDatabase;
  requests: { type: Name; data: unknown }[];
  /** Sends a progress message as the background would. */
  progress: (update: NoticeImportProgress) => void;
  /** The next request of this type waits until the returned function is called with its answer. */
  hold: (type: Name) => Promise<{ data: unknown; answer: (value: unknown) => void }>;
  saved: { fileName: string; text: string }[];
  permission: { granted: boolean; grant: boolean };
  /** What was put on the clipboard; while `refuses` is set the clipboard throws, as a browser does. */
  clipboard: { copied: string[]; refuses: boolean };
  close: () => Promise<void>;
}

/**
 * liveQuery runs its query only when Dexie saw a global indexedDB at load (there is none in Node);
 * the databases themselves get their own fresh factory per test.
 */
Dexie.dependencies.indexedDB ??= new IDBFactory();
Dexie.dependencies.IDBKeyRange ??= IDBKeyRange;

export function makeHarness(locale: Locale = 'en', handlers: Partial<Record<Name, Handler>> = {}): Harness {
  const notices = new NoticeDatabase({ indexedDB: new IDBFactory(), IDBKeyRange });
  const activity = new ActivityDatabase({ indexedDB: new IDBFactory(), IDBKeyRange });
  const listeners = new Set<(update: NoticeImportProgress) => void>();
  const progress = (update: NoticeImportProgress) => listeners.forEach((listener) => listener(update));
  const packs = new RulePackService({ settings: loadSettings, fetch: async () => new Response('', { status: 404 }), now: () => NOW });
  const noticeService = new NoticeService({
    db: notices,
    fetch: async () => new Response('', { status: 404 }),
    now: () => NOW,
    clock: () => 0,
    progress,
    historyChanges: (before, after) => historyVerdictChanges(activity, packs.rules, 'balanced', (l) => before.hitsFor(l), (l) => after.hitsFor(l)),
  });
  const background: Partial<Record<Name, Handler>> = {
    noticeFileChunk: async (data) => {
      const { importId, index, base64 } = data as { importId: string; index: number; base64: string };
      noticeService.receiveChunk(importId, index, base64);
    },
    importNoticeFile: async (data) => {
      const { importId, fileName, base64, allowExample } = data as { importId: string; fileName: string; base64?: string; allowExample?: boolean };
      return noticeService.importFile(importId, fileName, base64, allowExample);
    },
    removeNoticeFeed: async (data) => noticeService.remove((data as { feedKey: string }).feedKey),
    importRulePack: async (data) => {
      const { fileName, text } = data as { fileName: string; text: string };
      return packs.importFile(fileName, text);
    },
    removeRulePack: async (data) => packs.remove((data as { id: string }).id),
    listRulePacks: async () => packs.list(),
    // The background's own handler, on this page's database (it needs nothing else).
    installationKey: async () => pageHandlers({ activity, now: () => NOW } as unknown as PageHandlerDeps).installationKey.handle(undefined),
    ...handlers,
  };
  const requests: Harness['requests'] = [];
  const held = new Map<Name, (request: { data: unknown; answer: (value: unknown) => void }) => void>();
  const send = (async (type: Name, data?: unknown) => {
    requests.push({ type, data });
    const waiting = held.get(type);
    if (waiting) {
      held.delete(type);
      return new Promise<unknown>((resolve) => waiting({ data, answer: resolve }));
    }
    const handler = background[type];
    if (!handler) throw new Error(`no fake for ${type}`);
    return handler(data);
  }) as PageRequest;
  const permission = { granted: false, grant: true };
  let id = 0;
  const saved: Harness['saved'] = [];
  const clipboard: Harness['clipboard'] = { copied: [], refuses: false };
  const deps: OptionsDeps = {
    t: fakeTranslate(locale) as unknown as OptionsTranslate,
    language: locale,
    send,
    onImportProgress: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    notices,
    activity,
    settings: { load: loadSettings, save: saveSettings, watch: watchSettings },
    screenshotPermission: {
      contains: async () => permission.granted,
      request: async () => (permission.granted = permission.grant),
      remove: async () => {
        permission.granted = false;
        return true;
      },
    },
    copyText: async (text) => {
      if (clipboard.refuses) throw new DOMException('Document is not focused.', 'NotAllowedError');
      clipboard.copied.push(text);
    },
    saveFile: (fileName, text) => saved.push({ fileName, text }),
    newImportId: () => `import-${++id}`,
    now: () => NOW,
  };
  return {
    deps,
    notices,
    activity,
    requests,
    progress,
    hold: (type) => new Promise((resolve) => held.set(type, resolve)),
    saved,
    permission,
    clipboard,
    close: async () => {
      // The service reads the database at start; closing under it would only log noise.
      await noticeService.ready;
      notices.close();
      activity.close();
    },
  };
}

export function renderOptions(harness: Harness) {
  return render(<OptionsApp deps={harness.deps} />);
}

/** Puts a file into an `<input type=file>` and fires change, as choosing it in the dialog does. */
export function chooseFile(input: HTMLElement, name: string, content: Uint8Array<ArrayBuffer> | string, type = ''): void {
  const file = new File([content], name, { type });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}
