/**
 * The backup file, `counterfeit-radar.backup` version 1, as a schema (with the evidence log since
 * issue 13; an older file without it still reads). A backup is a file the user
 * carries around and may edit, so everything is checked as if it were page data: listings must have
 * the link rebuilt from their id (listingSchema), links are http(s), screenshots are PNG data URLs.
 * Unknown fields inside records are dropped; an unknown format or version is refused.
 */
import * as v from 'valibot';
import { SITES } from '../page/hosts';
import { REPORT_STATUSES, type ReportRecord, type HistoryRecord, type TrustRecord } from '../activity/activity-db';
import { itemIdSchema as itemId, listingSchema } from '../messaging/listing-schema';
import { isCalendarDate } from '../notices/feed-schema';
import { trustKeySchema } from '../messaging/page-schemas';
import { HASH_RECIPE } from '../photos/photo-hash';
import { DEFAULT_PHOTO_CAPACITY, photoRowKey, type PhotoRow } from '../photos/photo-index';
import type { Settings } from '../settings/settings';
import { SENSITIVITIES } from '../rules/sensitivity';
import type { Verdict } from '../verdict';
import { EVIDENCE_KINDS, type EvidenceEntry } from '../evidence/evidence-chain';

export const BACKUP_FORMAT = 'counterfeit-radar.backup';
export const BACKUP_VERSION = 1;

/**
 * Times are milliseconds since 1970 with a four-digit year, as feed dates are (YYYY-MM-DD): a backup
 * is edited by hand, and one time past what Date can format blanked the popup ("Invalid time value").
 */
export const LATEST_TIME = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
const time = v.pipe(
  v.number(),
  v.integer('is not a whole number of milliseconds'),
  v.minValue(0, 'is before 1970'),
  v.maxValue(LATEST_TIME, 'is after the year 9999'),
);
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const httpUrl = v.pipe(v.string(), v.maxLength(4000), v.regex(/^https?:\/\//, 'is not an http(s) link'), v.url());
const localized = v.object({ en: text(2000), zh_CN: text(2000) });
const risk = v.picklist(['high', 'medium', 'low', 'none']);
/** A real calendar day, checked as feeds check theirs (2026-02-31 is refused, not rolled over). */
const isoDate = v.pipe(v.string(), v.check(isCalendarDate, 'is not a date YYYY-MM-DD'));

const noticeHitSchema = v.object({
  match: v.picklist(['item', 'shop', 'brand']),
  noticeId: text(200),
  noticeTitle: text(2000),
  publisher: text(200),
  published: v.nullable(isoDate),
  url: v.nullable(httpUrl),
  brand: v.optional(text(100)),
  action: v.optional(v.picklist(['removed', 'closed', 'warned', 'rectify'])),
  date: v.optional(v.nullable(isoDate)),
});

const verdictSchema = v.object({
  itemId,
  risk,
  brand: v.nullable(text(100)),
  brandName: v.optional(localized),
  score: v.pipe(v.number(), v.minValue(0), v.maxValue(100)),
  reasons: v.pipe(
    v.array(v.object({ code: text(100), text: localized, noticeId: v.optional(text(200)), url: v.optional(httpUrl) })),
    v.maxLength(100),
  ),
  notice: v.optional(noticeHitSchema),
}) satisfies v.GenericSchema<unknown, Verdict>;

const sameItem = (record: { itemId: string; listing: { itemId: string }; verdict: { itemId: string } }) =>
  record.listing.itemId === record.itemId && record.verdict.itemId === record.itemId;

const historySchema = v.pipe(
  v.object({
    itemId,
    listing: listingSchema,
    verdict: verdictSchema,
    risk,
    brand: v.nullable(text(100)),
    platform: v.picklist(['taobao', 'tmall', 'tmall-global']),
    pageUrl: httpUrl,
    firstSeen: time,
    lastSeen: time,
    timesSeen: v.pipe(v.number(), v.integer(), v.minValue(1)),
  }),
  v.check((record) => sameItem(record), 'itemId differs from the listing or the verdict'),
) satisfies v.GenericSchema<unknown, HistoryRecord>;

const sha256 = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'is not a SHA-256 in hex'));
const pngDataUrl = v.nullable(v.pipe(v.string(), v.startsWith('data:image/png;base64,', 'is not a PNG data URL'), v.maxLength(50_000_000)));

/** The listing's box on its screenshot (listing-frame.ts): whole device pixels. */
const imagePixels = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100_000));
const frame = v.optional(v.nullable(v.object({ x: imagePixels, y: imagePixels, width: imagePixels, height: imagePixels })));

const reportSchema = v.pipe(
  v.object({
    id: v.pipe(v.number(), v.integer(), v.minValue(1)),
    itemId,
    listing: listingSchema,
    verdict: verdictSchema,
    pageUrl: httpUrl,
    createdAt: time,
    status: v.picklist(REPORT_STATUSES),
    noticeIds: v.pipe(v.array(text(200)), v.maxLength(100)),
    cardMarkup: text(200_000),
    screenshot: pngDataUrl,
    screenshotNote: v.nullable(text(2000)),
    frame,
    evidenceSha256: sha256,
    // The case desk's fields (activity database version 2); a backup from before has none.
    brand: v.optional(v.nullable(text(100))),
    reason: v.optional(v.nullable(text(200))),
    complaintId: v.optional(v.nullable(text(200))),
    notes: v.optional(text(10_000)),
    statusChanges: v.optional(v.pipe(v.array(v.object({ status: v.picklist(REPORT_STATUSES), at: v.nullable(time) })), v.maxLength(1000))),
    batchId: v.optional(v.nullable(text(200))),
    captures: v.optional(
      v.pipe(
        v.array(v.object({ at: time, listing: listingSchema, verdict: verdictSchema, pageUrl: httpUrl, screenshot: pngDataUrl, screenshotNote: v.nullable(text(2000)), frame })),
        v.maxLength(100),
      ),
    ),
  }),
  v.check((record) => sameItem(record), 'itemId differs from the listing or the verdict'),
) satisfies v.GenericSchema<unknown, ReportRecord>;

const trustSchema = v.pipe(
  v.object({
    kind: v.picklist(['item', 'shop']),
    key: trustKeySchema,
    label: text(2000),
    createdAt: time,
  }),
  v.check((record) => record.key.startsWith('item:') === (record.kind === 'item'), 'key does not match kind'),
) satisfies v.GenericSchema<unknown, TrustRecord>;

const settingsSchema = v.object({
  role: v.picklist(['shopper', 'brand-staff']),
  sensitivity: v.picklist(SENSITIVITIES),
  showLowMarks: v.boolean(),
  mutedBrands: v.pipe(v.array(text(100)), v.maxLength(1000)),
  // Added after the first backups were made: a backup without it paused nothing.
  pausedSites: v.optional(v.pipe(v.array(v.picklist(SITES)), v.maxLength(SITES.length)), []),
}) satisfies v.GenericSchema<unknown, Settings>;

/** Hex digits of the extension's photo hash: a hash of another length could not join its index. */
const PHOTO_HASH_HEX = HASH_RECIPE.blocks.reduce((bits, k) => bits + k * k, 0) / 4;
const photoHash = v.pipe(v.string(), v.regex(new RegExp(`^[0-9a-f]{${PHOTO_HASH_HEX}}$`), `is not a ${PHOTO_HASH_HEX * 4}-bit photo hash in hex`));

const photoSchema = v.pipe(
  v.object({
    hash: photoHash,
    itemId,
    shopKey: v.nullable(v.pipe(trustKeySchema, v.check((key) => !key.startsWith('item:'), 'is not a shop key'))),
    platform: v.picklist(['taobao', 'tmall', 'tmall-global']),
    firstSeen: time,
    lastSeen: time,
    mirrored: v.optional(photoHash),
  }),
  v.check((row) => row.firstSeen <= row.lastSeen, 'firstSeen is after lastSeen'),
) satisfies v.GenericSchema<unknown, PhotoRow>;

/**
 * An entry of the evidence log as stored (evidence-chain.ts). Its shape is checked here; whether the
 * chain holds (seq, prev, hashes) is checked by verifyChain before a restore writes anything.
 */
const evidenceEntrySchema = v.object({
  seq: v.pipe(v.number(), v.integer(), v.minValue(1)),
  at: time,
  kind: v.picklist(EVIDENCE_KINDS),
  reportId: v.pipe(v.number(), v.integer(), v.minValue(1)),
  data: text(100_000),
  dataSha256: sha256,
  files: v.pipe(v.array(v.object({ name: text(200), sha256 })), v.maxLength(200)),
  prev: sha256,
  hash: sha256,
}) satisfies v.GenericSchema<unknown, EvidenceEntry>;

/** Records are keyed: a key twice would silently keep only the last, so it is refused. */
function uniqueBy<T>(key: (record: T) => string | number, what: string) {
  return v.rawCheck<T[]>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const seen = new Set<string | number>();
    dataset.value.forEach((record, index) => {
      const value = key(record);
      if (seen.has(value)) addIssue({ message: `${what} ${String(value)} appears twice`, path: [{ type: 'array', origin: 'value', input: dataset.value, key: index, value: record }] });
      seen.add(value);
    });
  });
}

export const backupSchema = v.object({
  format: v.literal(BACKUP_FORMAT, `is not "${BACKUP_FORMAT}"`),
  version: v.literal(BACKUP_VERSION, `is not ${BACKUP_VERSION} (this version of the extension reads version ${BACKUP_VERSION})`),
  exportedAt: time,
  settings: settingsSchema,
  trusted: v.pipe(v.array(trustSchema), uniqueBy((r) => r.key, 'trust key')),
  history: v.pipe(v.array(historySchema), uniqueBy((r) => r.itemId, 'item')),
  reports: v.pipe(v.array(reportSchema), uniqueBy((r) => r.id, 'report id')),
  // The photo index's hashes (issue 14), added after the first backups were made: one without them restores none.
  photos: v.optional(v.pipe(v.array(photoSchema), v.maxLength(DEFAULT_PHOTO_CAPACITY), uniqueBy((r: PhotoRow) => photoRowKey(r), 'photo of listing')), []),
  // Added after the first backups were made: a backup without it restores an empty log, and the
  // background then logs its reports late (logUnloggedReports), saying so.
  evidence: v.optional(v.pipe(v.array(evidenceEntrySchema), v.maxLength(10_000_000)), []),
});

export type Backup = v.InferOutput<typeof backupSchema>;
