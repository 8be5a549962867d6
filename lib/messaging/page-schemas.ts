/**
 * Checks for what extension pages send the background (page-protocol.ts). A page is ours, but the
 * background is the one writer of the user's data, so a bad payload is refused here, whole.
 */
import * as v from 'valibot';
import { REPORT_STATUSES } from '../activity/activity-db';
import { BACKUP_CHUNK_CHARS, MAX_BACKUP_CHARS } from '../backup/backup-upload';
import { itemIdSchema } from './listing-schema';
import type { PageRequestWithData } from './page-protocol';

const itemIds = v.pipe(v.array(itemIdSchema), v.maxLength(100_000));
const reportIds = v.pipe(v.array(v.pipe(v.number(), v.integer(), v.minValue(1))), v.maxLength(100_000));
const importId = v.pipe(v.string(), v.minLength(1), v.maxLength(100));
const shortText = v.pipe(v.string(), v.minLength(1), v.maxLength(2048));
/** A complaint id, batch id or reason code: one line of text. */
const caseText = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200), v.regex(/^[^\n\r]*$/, 'must be one line'));

/** A TrustRecord key (see lib/activity/trust.ts). */
export const trustKeySchema = v.pipe(v.string(), v.regex(/^(item|shop-id|shop-name):.{1,500}$/s, 'is not a trust key'));

export const pageSchemas = {
  untrust: v.object({ key: trustKeySchema }),
  trustHistoryItem: v.object({ itemId: itemIdSchema, kind: v.picklist(['item', 'shop']) }),
  deleteHistory: v.object({ itemIds }),
  undoDeleteHistory: v.object({ undoToken: shortText }),
  setReportStatus: v.object({ ids: reportIds, status: v.picklist(REPORT_STATUSES), batchId: v.optional(caseText), complaintId: v.optional(caseText) }),
  updateReportCase: v.object({
    id: v.pipe(v.number(), v.integer(), v.minValue(1)),
    complaintId: v.optional(v.nullable(caseText)),
    reason: v.optional(v.nullable(caseText)),
    notes: v.optional(v.pipe(v.string(), v.maxLength(10_000))),
  }),
  deleteReports: v.object({ ids: reportIds }),
  captureReport: v.object({ id: v.pipe(v.number(), v.integer(), v.minValue(1)) }),
  undoDeleteReports: v.object({ undoToken: shortText }),
  clearData: v.object({ kinds: v.pipe(v.array(v.picklist(['history', 'reports', 'trusted', 'settings'])), v.minLength(1)) }),
  backupChunk: v.object({ uploadId: importId, index: v.pipe(v.number(), v.integer(), v.minValue(0)), text: v.pipe(v.string(), v.maxLength(BACKUP_CHUNK_CHARS)) }),
  restoreBackup: v.union([v.object({ json: v.pipe(v.string(), v.maxLength(MAX_BACKUP_CHARS)) }), v.object({ uploadId: importId })]),
  noticeFileChunk: v.object({ importId, index: v.pipe(v.number(), v.integer(), v.minValue(0)), base64: v.pipe(v.string(), v.maxLength(4 * 1024 * 1024)) }),
  importNoticeFile: v.object({ importId, fileName: shortText, base64: v.optional(v.string()), allowExample: v.optional(v.boolean()) }),
  subscribeNoticeFeed: v.object({ importId, url: shortText, allowExample: v.optional(v.boolean()) }),
  removeNoticeFeed: v.object({ feedKey: shortText }),
  importRulePack: v.object({ fileName: shortText, text: v.pipe(v.string(), v.maxLength(16 * 1024 * 1024)) }),
  subscribeRulePack: v.object({ url: shortText }),
  removeRulePack: v.object({ id: shortText }),
  measureNoticeLookup: v.object({
    listings: v.pipe(v.array(v.unknown()), v.maxLength(100)),
    runs: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10_000)),
  }),
} as const satisfies Record<PageRequestWithData, v.GenericSchema>;

export type PageSchemaName = keyof typeof pageSchemas;

/** Thrown for a payload that fails its check; the page gets the message as an error. */
export class InvalidPageRequestError extends Error {
  override name = 'InvalidPageRequestError';
}

/** What a checked request carries: its schema's output, or nothing for a request without data. */
export type CheckedPageRequest<K extends string> = K extends PageSchemaName ? v.InferOutput<(typeof pageSchemas)[K]> : undefined;

const hasSchema = (name: string): name is PageSchemaName => Object.hasOwn(pageSchemas, name);

/** The request's data checked against its schema; a request that has none carries nothing. */
export function checkPageRequest<K extends string>(name: K, data: unknown): CheckedPageRequest<K> {
  if (!hasSchema(name)) return undefined as CheckedPageRequest<K>;
  const result = v.safeParse(pageSchemas[name], data);
  if (!result.success) {
    const issue = result.issues[0];
    throw new InvalidPageRequestError(`${name}: ${v.getDotPath(issue) ?? '(data)'}: ${issue.message}`);
  }
  return result.output as CheckedPageRequest<K>;
}

/** Only the extension's own pages may ask for changes: the sender's URL must be under our origin. */
export function isExtensionPage(senderUrl: string | undefined, extensionOrigin: string): boolean {
  if (!senderUrl) return false;
  try {
    return new URL(senderUrl).origin === new URL(extensionOrigin).origin;
  } catch {
    return false;
  }
}
