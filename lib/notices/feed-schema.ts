/**
 * The JSON notice feed (`counterfeit-radar.notices`, version 1) as valibot schemas. The CSV reader
 * checks its cells with the same field schemas, so both formats accept exactly the same values.
 */
import * as v from 'valibot';
import { ENTRY_ACTIONS, ENTRY_KINDS } from './notice-feed';

export const NOTICE_FEED_FORMAT = 'counterfeit-radar.notices';

/** Feed strings are bounded: a feed is data from elsewhere, and every string ends up in memory. */
const bounded = (max: number) =>
  v.pipe(
    v.string('must be text'),
    v.trim(),
    v.minLength(1, 'must not be empty'),
    v.maxLength(max, `must be at most ${max} characters`),
    v.check(hasNoControlCharacters, 'must not contain control characters'),
  );

/** Tab, line feed and carriage return are allowed (a requirement text has paragraphs); others are not. */
function hasNoControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f) return false;
  }
  return true;
}

const quoted = (value: unknown): string => (typeof value === 'string' ? `"${value}"` : JSON.stringify(value) ?? String(value));

export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const isoDateSchema = v.pipe(
  v.string('must be a date as text, YYYY-MM-DD'),
  v.trim(),
  v.check(isCalendarDate, (issue) => `${quoted(issue.input)} is not a date YYYY-MM-DD`),
);

export const httpUrlSchema = v.pipe(
  bounded(2000),
  v.check((text) => {
    try {
      const url = new URL(text);
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  }, (issue) => `${quoted(issue.input)} is not an http(s) link`),
);

export const noticeIdSchema = bounded(200);
/** Same shape as rule-pack brand ids, so a notice's brands line up with the rules' brands. */
export const brandIdSchema = v.pipe(
  v.string('must be a brand id as text'),
  v.trim(),
  v.regex(/^[a-z][a-z0-9_-]*$/, (issue) => `${quoted(issue.input)} is not a brand id (lower-case letters, digits, "_" or "-", e.g. "michael_kors")`),
);
/** Taobao item ids are 5 or more digits; text, because 12 digits do not survive as a JSON number everywhere. */
export const itemIdSchema = v.pipe(
  v.string('must be the item id as text (digits in quotes)'),
  v.trim(),
  v.regex(/^\d{5,20}$/, (issue) => `${quoted(issue.input)} is not an item id (5 to 20 digits)`),
);
export const shopIdSchema = v.pipe(
  v.string('must be the shop id as text (digits in quotes)'),
  v.trim(),
  v.regex(/^\d{1,20}$/, (issue) => `${quoted(issue.input)} is not a shop id (digits)`),
);
export const shopNameSchema = bounded(200);
export const kindSchema = v.picklist(ENTRY_KINDS, (issue) => `unknown kind ${quoted(issue.input)}: must be "shop", "item" or "seller"`);
export const actionSchema = v.picklist(
  ENTRY_ACTIONS,
  (issue) => `unknown action ${quoted(issue.input)}: must be "removed", "closed", "warned" or "rectify"`,
);
export const noticeTitleSchema = bounded(500);
export const publisherSchema = bounded(200);
export const requirementSchema = bounded(20_000);

export const entrySchema = v.pipe(
  v.strictObject({
    kind: kindSchema,
    itemId: v.optional(itemIdSchema),
    shopId: v.optional(shopIdSchema),
    shopName: v.optional(shopNameSchema),
    brand: v.optional(brandIdSchema),
    action: v.optional(actionSchema),
    date: v.optional(isoDateSchema),
  }),
  v.forward(v.check((entry) => entry.kind !== 'item' || entry.itemId !== undefined, 'an item entry needs itemId'), ['itemId']),
  v.forward(
    v.check((entry) => entry.kind === 'item' || entry.shopId !== undefined || entry.shopName !== undefined, 'a shop or seller entry needs shopId or shopName'),
    ['shopName'],
  ),
);

export const noticeSchema = v.pipe(
  v.strictObject({
    id: noticeIdSchema,
    title: noticeTitleSchema,
    publisher: publisherSchema,
    published: v.nullish(isoDateSchema),
    effective: v.nullish(isoDateSchema),
    url: v.nullish(httpUrlSchema),
    brands: v.optional(v.array(brandIdSchema, 'must be a list of brand ids')),
    requirement: v.nullish(requirementSchema),
    entries: v.optional(v.array(entrySchema, 'must be a list of entries')),
  }),
  v.forward(
    v.check((notice) => (notice.brands?.length ?? 0) + (notice.entries?.length ?? 0) > 0, 'a notice must name at least one brand or entry'),
    ['entries'],
  ),
);

export const noticeFeedSchema = v.strictObject({
  format: v.literal(NOTICE_FEED_FORMAT, `must be "${NOTICE_FEED_FORMAT}"`),
  version: v.literal(1, 'must be 1 (the only version this extension reads)'),
  feed: v.strictObject({
    id: v.pipe(bounded(100), v.regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must be letters, digits, ".", "_" or "-"')),
    title: v.optional(bounded(200)),
    homepage: v.nullish(httpUrlSchema),
    description: v.optional(bounded(2000)),
    example: v.optional(v.boolean('must be true or false')),
  }),
  notices: v.array(noticeSchema, 'must be a list of notices'),
});

export type JsonNoticeFeed = v.InferOutput<typeof noticeFeedSchema>;
export type JsonEntry = v.InferOutput<typeof entrySchema>;

/** A valibot issue's reason in a feed author's words (valibot's own wording for unknown keys is not). */
export function issueReason(issue: v.BaseIssue<unknown>): string {
  if (issue.type === 'strict_object') {
    return issue.expected === 'never' ? 'unknown field (check its spelling against the format)' : 'must be an object { … }';
  }
  if (issue.type === 'object') return 'must be an object { … }';
  return issue.message;
}
