/**
 * What the background does for each request from the extension's own pages (popup, options), as one
 * table typed against the protocol map: a request without a handler, or one whose handler has not
 * said what it changes, is a type error. Payloads arrive checked against page-schemas.ts.
 */
import type { ActivityDatabase } from '../activity/activity-db';
import { untrust } from '../activity/trust';
import { evidenceProblems, parseBackup, restoreBackupInto } from '../backup/backup';
import { BackupUploads } from '../backup/backup-upload';
import { pageFailure, pathProblemsFailure, type PageProtocolMap, type PageRequest } from '../messaging/page-protocol';
import type { CheckedPageRequest } from '../messaging/page-schemas';
import type { ChangeScope } from '../messaging/protocol';
import { DEFAULT_SETTINGS, type Settings } from '../settings/settings';
import { changeReportStatus, updateReportCase } from '../evidence/case-desk';
import { DeletedReports } from '../evidence/deleted-reports';
import { logUnloggedReports } from '../evidence/evidence-log';
import { ensureInstallationKey, keyFingerprint } from '../evidence/installation-key';
import { DeletedRecords } from '../activity/deleted-records';
import { clearActivity } from './activity-changes';
import type { BackgroundService } from './background-service';
import type { PhotoStore } from '../photos/photo-store';
import type { NoticeService } from './notice-service';
import type { RulePackService } from './rule-pack-service';

export interface PageHandler<K extends PageRequest> {
  handle: (data: CheckedPageRequest<K>) => Promise<ReturnType<PageProtocolMap[K]>> | ReturnType<PageProtocolMap[K]>;
  /** What the request alters on open pages once it is done (null: nothing they show). */
  changes: ChangeScope | null;
}

export type PageHandlers = { [K in PageRequest]: PageHandler<K> };

export interface PageHandlerDeps {
  activity: ActivityDatabase;
  service: BackgroundService;
  notices: NoticeService;
  packs: RulePackService;
  /** The photo index, forgotten when its table is cleared or restored behind it. */
  photos?: PhotoStore;
  saveSettings: (change: Partial<Settings>) => Promise<Settings>;
  /** The refresh alarm exists (a new subscription needs it). */
  ensureRefreshAlarm: () => Promise<void>;
  /** The clock for status dates and evidence entries (tests pass a fixed one). */
  now?: () => number;
}

export function pageHandlers({ activity, service, notices, packs, photos, saveSettings, ensureRefreshAlarm, now = Date.now }: PageHandlerDeps): PageHandlers {
  // Backups arrive in chunks (backup-upload.ts): one browser message carries at most 64 MiB.
  const backupUploads = new BackupUploads();
  const deletedReports = new DeletedReports(activity);
  const deletedHistory = new DeletedRecords(activity.history, 'history');
  return {
    // Trusted and reported change behind the service's back: it reloads its marks on the next batch.
    untrust: {
      changes: 'verdicts',
      handle: async (data) => {
        await untrust(activity, data.key);
        service.marks.forget();
      },
    },
    trustHistoryItem: { changes: 'verdicts', handle: ({ itemId, kind }) => service.trustFromHistory(itemId, kind) },
    deleteHistory: { changes: null, handle: (data) => deletedHistory.delete(data.itemIds) },
    undoDeleteHistory: { changes: null, handle: async ({ undoToken }) => ({ restored: await deletedHistory.undo(undoToken) }) },
    setReportStatus: {
      changes: null,
      handle: async ({ ids, status, batchId, complaintId }) => ({
        updated: await changeReportStatus(activity, ids, status, now(), { ...(batchId ? { batchId } : {}), ...(complaintId ? { complaintId } : {}) }),
      }),
    },
    updateReportCase: { changes: null, handle: async ({ id, ...details }) => ({ updated: await updateReportCase(activity, id, details, now()) }) },
    // The new capture changes no verdict, and the desk reads it with liveQuery.
    captureReport: { changes: null, handle: ({ id }) => service.captureReport(id) },
    deleteReports: {
      changes: 'verdicts',
      handle: async (data) => {
        const answer = await deletedReports.delete(data.ids);
        service.marks.forget();
        return answer;
      },
    },
    undoDeleteReports: {
      changes: 'verdicts',
      handle: async ({ undoToken }) => {
        const restored = await deletedReports.undo(undoToken);
        service.marks.forget();
        return { restored };
      },
    },
    clearData: {
      changes: 'verdicts',
      handle: async ({ kinds }) => {
        await clearActivity(activity, kinds);
        service.marks.forget();
        photos?.forget();
        if (kinds.includes('settings')) await saveSettings(DEFAULT_SETTINGS);
      },
    },
    backupChunk: { changes: null, handle: ({ uploadId, index, text }) => backupUploads.receive(uploadId, index, text) },
    restoreBackup: {
      changes: 'verdicts',
      handle: async (data) => {
        const json = 'uploadId' in data ? backupUploads.take(data.uploadId) : data.json;
        if (json === null) return pageFailure('the backup did not arrive whole; nothing was restored (choose the file again)');
        const parsed = parseBackup(json);
        if (!parsed.ok) return pathProblemsFailure(`the backup has ${parsed.problems.length} problem(s); nothing was restored`, parsed.problems);
        const chainProblems = await evidenceProblems(parsed.backup);
        if (chainProblems.length > 0) return pathProblemsFailure("the backup's evidence log does not verify; nothing was restored", chainProblems);
        const counts = await restoreBackupInto(activity, parsed.backup);
        // Reports the restored log does not cover (a backup from before the log) are logged now, marked late.
        await logUnloggedReports(activity, now());
        service.marks.forget();
        photos?.forget();
        await saveSettings(parsed.backup.settings);
        return { ok: true, counts };
      },
    },
    noticeFileChunk: { changes: null, handle: ({ importId, index, base64 }) => notices.receiveChunk(importId, index, base64) },
    importNoticeFile: { changes: 'verdicts', handle: ({ importId, fileName, base64, allowExample }) => notices.importFile(importId, fileName, base64, allowExample) },
    subscribeNoticeFeed: {
      changes: 'verdicts',
      handle: async ({ importId, url, allowExample }) => {
        const answer = await notices.subscribe(importId, url, allowExample);
        await ensureRefreshAlarm();
        return answer;
      },
    },
    removeNoticeFeed: { changes: 'verdicts', handle: (data) => notices.remove(data.feedKey) },
    refreshNoticeFeeds: { changes: 'verdicts', handle: () => notices.refreshAll() },
    installationKey: {
      changes: null,
      handle: async () => {
        const key = await ensureInstallationKey(activity, now());
        return key ? { publicKey: key.publicKey, fingerprint: await keyFingerprint(key.publicKey), createdAt: key.createdAt } : null;
      },
    },
    noticeStatus: {
      changes: null,
      handle: async () => {
        await notices.ready;
        return notices.timings();
      },
    },
    measureNoticeLookup: {
      changes: null,
      handle: async ({ listings, runs }) => {
        await notices.ready;
        return { timings: notices.timings(), lookup: notices.measureLookup(service.checkedListings(listings), runs) };
      },
    },
    importRulePack: { changes: 'verdicts', handle: ({ fileName, text }) => packs.importFile(fileName, text) },
    subscribeRulePack: { changes: 'verdicts', handle: (data) => packs.subscribe(data.url) },
    removeRulePack: { changes: 'verdicts', handle: (data) => packs.remove(data.id) },
    listRulePacks: { changes: null, handle: () => packs.list() },
  };
}
