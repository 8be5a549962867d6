/**
 * Data that pages embed in inline scripts. A content script runs in an isolated world and cannot read
 * the page's globals, but it can read the script text, and so can the CLI on a saved page.
 */

/** The text of every inline script that mentions `marker`. */
function scriptsMentioning(doc: Document, marker: string): string[] {
  const texts: string[] = [];
  for (const script of doc.querySelectorAll('script:not([src])')) {
    const text = script.textContent ?? '';
    if (text.includes(marker)) texts.push(text);
  }
  return texts;
}

/** From `start` (an opening brace), the index just past its matching close, honouring strings. */
function endOfObject(text: string, start: number): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return i + 1;
  }
  return -1;
}

/**
 * The object literal assigned to `name` (`window.__ICE_APP_CONTEXT__ = {…}`, `g_page_config = {…};`),
 * parsed as JSON, or null when absent or not valid JSON.
 */
export function readAssignedJson(doc: Document, name: string): unknown {
  const assignment = new RegExp(`${name.replace(/[$.]/g, '\\$&')}\\s*=\\s*\\{`);
  for (const text of scriptsMentioning(doc, name)) {
    const match = assignment.exec(text);
    if (!match) continue;
    const start = match.index + match[0].length - 1;
    const end = endOfObject(text, start);
    if (end < 0) continue;
    try {
      return JSON.parse(text.slice(start, end)) as unknown;
    } catch {
      continue;
    }
  }
  return null;
}

/**
 * One string property of a JavaScript (not JSON) object literal such as old Taobao's `g_config`:
 * `shopId : '123'` or `"shopName": "…"`.
 */
export function readScriptProperty(doc: Document, marker: string, property: string): string | null {
  const pattern = new RegExp(`["']?${property}["']?\\s*:\\s*(["'])((?:\\\\.|(?!\\1).)*)\\1`);
  for (const text of scriptsMentioning(doc, marker)) {
    const value = pattern.exec(text)?.[2];
    if (value !== undefined) return value;
  }
  return null;
}

/** Walks a parsed JSON value along `path`; anything missing or of another shape gives undefined. */
export function at(value: unknown, ...path: (string | number)[]): unknown {
  let node = value;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/** A JSON scalar as a string (ids are sometimes numbers), else null. */
export function asText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}
