/**
 * What the options page needs from the extension, passed in: the entrypoint binds it to the browser,
 * the component tests to fakes (fake-indexeddb, a recorded message sender).
 */
import type { ActivityDatabase } from '../../lib/activity/activity-db';
import type { NoticeImportProgress, PageProtocolMap } from '../../lib/messaging/page-protocol';
import type { NoticeDatabase } from '../../lib/notices/notice-db';
import type { Settings } from '../../lib/settings/settings';
import type { OptionsTranslate } from './options-messages';

/** One page-protocol request to the background (sendPageMessage's shape, without its extra arguments). */
export type PageRequest = <K extends keyof PageProtocolMap>(
  type: K,
  ...data: Parameters<PageProtocolMap[K]>
) => Promise<ReturnType<PageProtocolMap[K]>>;

export interface OptionsDeps {
  t: OptionsTranslate;
  language: 'en' | 'zh_CN';
  send: PageRequest;
  /** Listens to the background's import progress; returns the function that stops listening. */
  onImportProgress: (listener: (progress: NoticeImportProgress) => void) => () => void;
  /** Read only: the background is the one writer. */
  notices: NoticeDatabase;
  activity: ActivityDatabase;
  settings: {
    load: () => Promise<Settings>;
    save: (change: Partial<Settings>) => Promise<Settings>;
    watch: (onChange: (settings: Settings) => void) => () => void;
  };
  /** The optional `<all_urls>` host permission; `request` must be called straight from a click. */
  screenshotPermission: {
    contains: () => Promise<boolean>;
    request: () => Promise<boolean>;
    remove: () => Promise<boolean>;
  };
  /**
   * Asks the browser for access to a feed's or pack's site, so a download that does not allow
   * cross-origin reads still works; must be called straight from the click. Resolves whether or not
   * it was granted (a feed that allows cross-origin reads needs no grant).
   */
  requestSiteAccess?: (url: string) => Promise<boolean>;
  /** Puts text on the clipboard; rejects when the browser refuses. */
  copyText: (text: string) => Promise<void>;
  /** Offers a file to the user (a Blob URL behind an `<a download>`). */
  saveFile: (fileName: string, text: string) => void;
  newImportId: () => string;
  now: () => number;
}
