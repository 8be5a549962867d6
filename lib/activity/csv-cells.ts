/**
 * CSV the way spreadsheets read it safely: a cell that starts with = + - @, a tab or a carriage return
 * would be taken as a formula by Excel, LibreOffice or Sheets, so it gets a leading apostrophe.
 * Titles and shop names come from hostile pages; an export must not become a way to run a formula.
 */
import Papa from 'papaparse';

const FORMULA_START = /^[=+\-@\t\r]/;

export function safeCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  const text = String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Rows of safe cells, CRLF line ends (RFC 4180), every field quoted only when it must be. */
export function csvText(header: readonly string[] | null, rows: readonly (readonly (string | number | boolean | null)[])[]): string {
  const data = rows.map((row) => row.map(safeCell));
  return Papa.unparse(header ? { fields: [...header], data } : data, { newline: '\r\n' });
}

/** Builds a CSV a chunk at a time, yielding between chunks so a page can show progress. */
export async function csvInChunks<T>(
  header: readonly string[],
  items: readonly T[],
  row: (item: T) => (string | number | boolean | null)[],
  onProgress?: (done: number, total: number) => void,
  chunkSize = 1000,
): Promise<string> {
  const parts = [csvText(null, [header])];
  for (let start = 0; start < items.length; start += chunkSize) {
    parts.push(csvText(null, items.slice(start, start + chunkSize).map(row)));
    onProgress?.(Math.min(start + chunkSize, items.length), items.length);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  onProgress?.(items.length, items.length);
  return parts.join('\r\n') + '\r\n';
}

export function isoTime(time: number): string {
  return new Date(time).toISOString();
}
