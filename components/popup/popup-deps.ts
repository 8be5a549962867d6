/**
 * What the popup needs from the browser, passed in so the components run in tests on happy-dom with
 * fake-indexeddb and a faked message sender. main.tsx wires the real ones.
 */
import type { ActivityDatabase } from '../../lib/activity/activity-db';
import type { BrandNames } from '../../lib/activity/history-query';
import type { CurrentListing, PageProtocolMap } from '../../lib/messaging/page-protocol';
import type { PageSummary } from '../../lib/messaging/protocol';
import type { Role } from '../../lib/settings/settings';
import type { PopupTranslate, UiLanguage } from './popup-messages';

/** The page-protocol messages the popup sends; `sendPageMessage` fits this shape. */
export type PopupMessages = Pick<PageProtocolMap, 'untrust' | 'trustHistoryItem' | 'deleteHistory' | 'undoDeleteHistory' | 'setReportStatus' | 'updateReportCase' | 'deleteReports' | 'undoDeleteReports' | 'captureReport' | 'clearData'>;
export type SendPageMessage = <K extends keyof PopupMessages>(
  type: K,
  data: Parameters<PopupMessages[K]>[0],
) => Promise<ReturnType<PopupMessages[K]>>;

export interface ActivePage {
  summary: () => Promise<PageSummary | null>;
  reveal: (itemId: string) => Promise<boolean>;
  layoutSnapshot: () => Promise<string>;
  setPaused: (site: string, paused: boolean) => Promise<void>;
  openOptions: () => void;
}

export interface PopupDeps {
  /** Read only: every change goes through `send` to the background. */
  db: ActivityDatabase;
  send: SendPageMessage;
  t: PopupTranslate;
  uiLanguage: UiLanguage;
  role: Role;
  brandNames: BrandNames;
  /** The active tab's item page, or null (not Taobao, not an item page, no content script). */
  currentListing: () => Promise<CurrentListing | null>;
  /** The active tab, through its content script (each rejects when the tab has none). */
  page: ActivePage;
  copyText: (text: string) => Promise<void>;
  /** Offers a file to the user (a download). */
  saveFile: (name: string, data: Blob) => void;
  now: () => number;
}
