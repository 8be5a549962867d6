/**
 * Reads a CSV notice feed: one entry per row, the notice's own fields repeated on each row (or left
 * empty after its first row, as a spreadsheet user would), a header naming the columns in any order.
 * Rows of kind "brand" carry no entry: they put their brand under the notice's special rules, which
 * the JSON format writes as the notice's `brands` list.
 */
import Papa from 'papaparse';
import * as v from 'valibot';
import type { DecodedFeed } from './feed-bytes';
import { duplicateBrands, duplicateEntries } from './feed-duplicates';
import {
  actionSchema,
  brandIdSchema,
  httpUrlSchema,
  isoDateSchema,
  itemIdSchema,
  noticeIdSchema,
  noticeTitleSchema,
  publisherSchema,
  requirementSchema,
  shopIdSchema,
  shopNameSchema,
} from './feed-schema';
import { NoticeFeedError, type EntryAction, type EntryKind, type FeedProblem, type Notice, type NoticeEntry, type NoticeFeed } from './notice-feed';

export const CSV_COLUMNS = ['notice_id', 'notice_title', 'publisher', 'published', 'kind', 'item_id', 'shop_id', 'shop_name', 'brand', 'action', 'date'] as const;
/** Not in every CSV: without them a notice has no link, effective date or requirement text. */
export const OPTIONAL_CSV_COLUMNS = ['notice_url', 'effective', 'requirement'] as const;
type Column = (typeof CSV_COLUMNS)[number] | (typeof OPTIONAL_CSV_COLUMNS)[number];

const CSV_KINDS = ['shop', 'item', 'seller', 'brand'] as const;
const csvKindSchema = v.picklist(CSV_KINDS, (issue) => `unknown kind ${JSON.stringify(issue.input)}: must be "shop", "item", "seller" or "brand"`);
/** What Excel does to a long number it was not told is text: 123456789012 → 1.23457E+11. */
const EXCEL_NUMBER = /^\d+(\.\d+)?E\+\d+$/i;
/** Excel in China writes dates as 2016/5/20; the feed format is 2016-05-20. */
const SPREADSHEET_DATE = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/;

interface NoticeRows {
  notice: Notice;
  /** Line each notice field was set on, for "differs from line N". */
  fieldLines: Map<Column, number>;
  entryLines: number[];
  brandLines: number[];
}

export function parseCsvFeed(decoded: DecodedFeed, label: string, feedId: string): NoticeFeed {
  const parsed = Papa.parse<string[]>(decoded.text, { delimiter: ',', skipEmptyLines: false });
  const rows = parsed.data;
  const lines = rowLines(rows);
  const brokenRows = new Set(parsed.errors.map((error) => error.row));
  const problems: FeedProblem[] = parsed.errors.map((error) => ({
    line: error.row === undefined ? null : (lines[error.row] ?? null),
    field: '(row)',
    reason: `not valid CSV: ${error.message}`,
  }));

  const header = (rows[0] ?? []).map((cell) => cell.trim().toLowerCase());
  const headerProblems = checkHeader(header);
  if (headerProblems.length > 0) throw new NoticeFeedError(label, [...headerProblems, ...problems]);

  const notices = new Map<string, NoticeRows>();
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r] as string[];
    const line = lines[r] as number;
    if (brokenRows.has(r) || row.every((cell) => cell.trim() === '')) continue;
    if (row.length !== header.length) {
      problems.push({ line, field: '(row)', reason: `has ${row.length} fields, the header has ${header.length} (a comma inside a shop name needs quotes)` });
      continue;
    }
    readRow(header, row, line, notices, problems);
  }

  for (const { notice, entryLines, brandLines } of notices.values()) {
    for (const [index, first] of duplicateBrands(notice.brands)) {
      problems.push({ line: brandLines[index] ?? null, field: 'brand', reason: `brand "${notice.brands[index]}" is already listed for this notice on line ${brandLines[first]}` });
    }
    for (const [index, first] of duplicateEntries(notice.entries)) {
      problems.push({ line: entryLines[index] ?? null, field: '(row)', reason: `repeats line ${entryLines[first]} of the same notice` });
    }
  }
  if (problems.length > 0) throw new NoticeFeedError(label, problems);
  return {
    id: feedId,
    title: null,
    homepage: null,
    description: null,
    example: false,
    format: 'csv',
    encoding: decoded.encoding,
    notes: decoded.notes,
    notices: [...notices.values()].map((n) => n.notice),
  };
}

/** The 1-based line each row starts on: a quoted cell may hold line breaks. */
function rowLines(rows: readonly string[][]): number[] {
  const lines: number[] = [];
  let line = 1;
  for (const row of rows) {
    lines.push(line);
    line += 1;
    for (const cell of row) line += cell.match(/\r\n|\r|\n/g)?.length ?? 0;
  }
  return lines;
}

function checkHeader(header: readonly string[]): FeedProblem[] {
  const expected = `the header must be ${CSV_COLUMNS.join(',')}`;
  if (header.length === 0 || header.every((cell) => cell === '')) return [{ line: 1, field: '(header)', reason: `the file is empty; ${expected}` }];
  const missing = CSV_COLUMNS.filter((column) => !header.includes(column));
  if (missing.length === CSV_COLUMNS.length) return [{ line: 1, field: '(header)', reason: `no header: line 1 must name the columns; ${expected}` }];
  const problems: FeedProblem[] = [];
  if (missing.length > 0) problems.push({ line: 1, field: '(header)', reason: `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; ${expected}` });
  const known = new Set<string>([...CSV_COLUMNS, ...OPTIONAL_CSV_COLUMNS]);
  header.forEach((cell, i) => {
    if (cell !== '' && !known.has(cell)) problems.push({ line: 1, field: cell, reason: `unknown column; ${expected} (optional: ${OPTIONAL_CSV_COLUMNS.join(', ')})` });
    if (cell !== '' && header.indexOf(cell) !== i) problems.push({ line: 1, field: cell, reason: 'column appears twice' });
  });
  return problems;
}

function readRow(header: readonly string[], row: readonly string[], line: number, notices: Map<string, NoticeRows>, problems: FeedProblem[]): void {
  const cells = new Map<Column, string>();
  header.forEach((column, i) => {
    const value = (row[i] ?? '').trim();
    if (column === '') {
      if (value !== '') problems.push({ line, field: `column ${i + 1}`, reason: 'has a value but no header' });
    } else if (value !== '') {
      cells.set(column as Column, value);
    }
  });
  const before = problems.length;
  const read = <T>(column: Column, schema: v.GenericSchema<unknown, T>, adjust?: (text: string) => string): T | null => {
    const raw = cells.get(column);
    if (raw === undefined) return null;
    const result = v.safeParse(schema, adjust ? adjust(raw) : raw);
    if (result.success) return result.output;
    problems.push({ line, field: column, reason: (result.issues[0] as v.BaseIssue<unknown>).message });
    return null;
  };
  const excelId = (column: Column): boolean => {
    const raw = cells.get(column);
    if (raw === undefined || !EXCEL_NUMBER.test(raw)) return false;
    problems.push({ line, field: column, reason: `"${raw}" is a number Excel shortened; format the column as text and export again` });
    return true;
  };

  const noticeId = read('notice_id', noticeIdSchema);
  if (!cells.has('notice_id')) problems.push({ line, field: 'notice_id', reason: 'must not be empty' });
  const kind = read('kind', csvKindSchema);
  if (!cells.has('kind')) problems.push({ line, field: 'kind', reason: 'must not be empty: "shop", "item", "seller" or "brand"' });
  const itemId = excelId('item_id') ? null : read('item_id', itemIdSchema);
  const shopId = excelId('shop_id') ? null : read('shop_id', shopIdSchema);
  const shopName = read('shop_name', shopNameSchema);
  const brand = read('brand', brandIdSchema);
  const action: EntryAction | null = read('action', actionSchema);
  const date = read('date', isoDateSchema, spreadsheetDate);
  const noticeFields = {
    title: read('notice_title', noticeTitleSchema),
    publisher: read('publisher', publisherSchema),
    published: read('published', isoDateSchema, spreadsheetDate),
    effective: read('effective', isoDateSchema, spreadsheetDate),
    url: read('notice_url', httpUrlSchema),
    requirement: read('requirement', requirementSchema),
  };

  if (kind === 'brand') {
    if (!cells.has('brand')) problems.push({ line, field: 'brand', reason: 'a brand row needs the brand id' });
    for (const column of ['item_id', 'shop_id', 'shop_name', 'action', 'date'] as const) {
      if (cells.has(column)) problems.push({ line, field: column, reason: 'must be empty on a brand row (it names a brand, not an entry)' });
    }
  } else if (kind === 'item' && !cells.has('item_id')) {
    problems.push({ line, field: 'item_id', reason: 'an item row needs the item id' });
  } else if ((kind === 'shop' || kind === 'seller') && !cells.has('shop_id') && !cells.has('shop_name')) {
    problems.push({ line, field: 'shop_name', reason: `a ${kind} row needs shop_id or shop_name` });
  }
  if (noticeId === null || kind === null) return;

  const rows = noticeRows(notices, noticeId, line, noticeFields, problems);
  if (problems.length > before || !rows) return;
  if (kind === 'brand') {
    rows.notice.brands.push(brand as string);
    rows.brandLines.push(line);
  } else {
    const entry: NoticeEntry = { kind: kind satisfies EntryKind, itemId, shopId, shopName, brand, action, date };
    rows.notice.entries.push(entry);
    rows.entryLines.push(line);
  }
}

interface NoticeFields {
  title: string | null;
  publisher: string | null;
  published: string | null;
  effective: string | null;
  url: string | null;
  requirement: string | null;
}

const FIELD_COLUMNS: Record<keyof NoticeFields, Column> = {
  title: 'notice_title',
  publisher: 'publisher',
  published: 'published',
  effective: 'effective',
  url: 'notice_url',
  requirement: 'requirement',
};

/** The notice this row belongs to, created on its first row; later rows may repeat its fields or leave them empty. */
function noticeRows(notices: Map<string, NoticeRows>, id: string, line: number, fields: NoticeFields, problems: FeedProblem[]): NoticeRows | null {
  let rows = notices.get(id);
  if (!rows) {
    if (fields.title === null || fields.publisher === null) {
      for (const key of ['title', 'publisher'] as const) {
        const field = FIELD_COLUMNS[key];
        // A value that was there but bad is already reported; only an empty one is this problem.
        if (fields[key] === null && !problems.some((p) => p.line === line && p.field === field)) {
          problems.push({ line, field, reason: `the first row of notice "${id}" must give it` });
        }
      }
      return null;
    }
    rows = {
      notice: { id, title: fields.title, publisher: fields.publisher, published: null, effective: null, url: null, brands: [], requirement: null, entries: [] },
      fieldLines: new Map(),
      entryLines: [],
      brandLines: [],
    };
    notices.set(id, rows);
  }
  const notice = rows.notice;
  for (const key of Object.keys(FIELD_COLUMNS) as (keyof NoticeFields)[]) {
    const value = fields[key];
    if (value === null) continue;
    const column = FIELD_COLUMNS[key];
    const current = notice[key];
    if (current === null || !rows.fieldLines.has(column)) {
      notice[key] = value;
      rows.fieldLines.set(column, line);
    } else if (current !== value) {
      problems.push({ line, field: column, reason: `"${value}" differs from line ${rows.fieldLines.get(column)} ("${current}") for notice "${id}"` });
    }
  }
  return rows;
}

function spreadsheetDate(text: string): string {
  const match = SPREADSHEET_DATE.exec(text);
  return match ? `${match[1]}-${(match[2] as string).padStart(2, '0')}-${(match[3] as string).padStart(2, '0')}` : text;
}
