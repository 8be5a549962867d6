/** Renders the popup over a fake-indexeddb activity database, with every browser dependency faked. */
import 'fake-indexeddb/auto';
import { render } from '@testing-library/preact';
import { vi } from 'vitest';
import { PopupApp } from '../../../components/popup/popup-app';
import type { PopupDeps } from '../../../components/popup/popup-deps';
import type { PopupTranslate } from '../../../components/popup/popup-messages';
import { ActivityDatabase, type HistoryRecord, type ReportRecord, type TrustRecord } from '../../../lib/activity/activity-db';
import type { CurrentListing } from '../../../lib/messaging/page-protocol';
import type { PageSummary } from '../../../lib/messaging/protocol';
import type { PhotoRow } from '../../../lib/photos/photo-index';
import { NOW } from '../../activity/history-records';
import { fakeTranslate, type Locale } from '../locale-messages';

export interface PopupData {
  history?: HistoryRecord[];
  reports?: ReportRecord[];
  trusted?: TrustRecord[];
  photos?: PhotoRow[];
}

export async function renderPopup(data: PopupData = {}, overrides: Partial<PopupDeps> = {}, locale: Locale = 'en') {
  const db = new ActivityDatabase();
  await db.delete();
  await db.open();
  await db.history.bulkPut(data.history ?? []);
  await db.reports.bulkPut(data.reports ?? []);
  await db.trusted.bulkPut(data.trusted ?? []);
  await db.photos.bulkPut(data.photos ?? []);
  const send = vi.fn(async () => ({ deleted: 1, updated: 1, key: 'item:1' }));
  const copyText = vi.fn<(text: string) => Promise<void>>(async () => undefined);
  const saveFile = vi.fn<(name: string, data: Blob) => void>();
  const deps: PopupDeps = {
    db,
    send: send as unknown as PopupDeps['send'],
    // The real messages files; the runtime is the same for any key list.
    t: fakeTranslate(locale) as unknown as PopupTranslate,
    uiLanguage: locale,
    role: 'shopper',
    brandNames: new Map([
      ['gucci', ['Gucci', '古驰']],
      ['louis-vuitton', ['Louis Vuitton', '路易威登']],
    ]),
    currentListing: vi.fn(async (): Promise<CurrentListing | null> => null),
    page: {
      summary: vi.fn(async (): Promise<PageSummary | null> => null),
      reveal: vi.fn(async () => true),
      layoutSnapshot: vi.fn(async () => 'host: s.taobao.com\npage kind: search\nbody'),
      setPaused: vi.fn(async () => undefined),
      openOptions: vi.fn(),
    },
    copyText,
    saveFile,
    now: () => NOW,
    ...overrides,
  };
  const view = render(<PopupApp deps={deps} />);
  return { ...view, db, deps, send, copyText, saveFile };
}
