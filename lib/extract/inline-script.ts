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
 * JSON as pages write it, which is JavaScript first: a browser evaluates the literal, so stray escapes
 * such as `\【` and raw control characters inside strings, which JSON.parse refuses, occur in real
 * payloads. Strings are repaired the way JavaScript reads them; anything else must be JSON.
 */
export function parseScriptJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    try {
      return JSON.parse(repairStrings(text)) as unknown;
    } catch {
      return undefined;
    }
  }
}

const JSON_ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't', 'u']);

function repairStrings(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (!inString) {
      if (ch === '"') inString = true;
      out += ch;
    } else if (ch === '\\') {
      const next = text[i + 1] ?? '';
      // `\u` must be followed by four hex digits to be JSON; in JavaScript `\x41` and `\【` are the character.
      if (next === 'u' && !/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) out += 'u';
      else if (JSON_ESCAPES.has(next)) out += ch + next;
      else if (next === 'x' && /^[0-9a-fA-F]{2}$/.test(text.slice(i + 2, i + 4))) {
        out += `\\u00${text.slice(i + 2, i + 4)}`;
        i += 2;
      } else out += next === '\n' || next === '\r' ? '' : jsonChar(next);
      i++;
    } else if (ch === '"') {
      inString = false;
      out += ch;
    } else out += jsonChar(ch);
  }
  return out;
}

/** A character as it may stand inside a JSON string: control characters escaped. */
function jsonChar(ch: string): string {
  const code = ch.charCodeAt(0);
  return code < 0x20 ? `\\u${code.toString(16).padStart(4, '0')}` : ch;
}

/**
 * The object literal assigned to `name` (`window.__ICE_APP_CONTEXT__ = {…}`, `g_page_config = {…};`),
 * or null when absent or not readable.
 */
export function readAssignedJson(doc: Document, name: string): unknown {
  const assignment = new RegExp(`${name.replace(/[$.]/g, '\\$&')}\\s*=\\s*\\{`);
  for (const text of scriptsMentioning(doc, name)) {
    const match = assignment.exec(text);
    if (!match) continue;
    const start = match.index + match[0].length - 1;
    const end = endOfObject(text, start);
    if (end < 0) continue;
    const value = parseScriptJson(text.slice(start, end));
    if (value !== undefined) return value;
  }
  return null;
}

/**
 * The first object literal, in a script mentioning `marker`, for which `holds` is true, however it is
 * assigned: 2026 item pages build `var b = {…}` inside a function and only then write
 * `window.__ICE_APP_CONTEXT__ = b`. Literals that do not mention `mention` are skipped unparsed, so a
 * long script costs one pass plus a parse of each literal enclosing the mention.
 */
export function findScriptObject(doc: Document, marker: string, mention: string, holds: (value: object) => boolean): object | null {
  const opening = /[=(:,]\s*\{/g;
  for (const text of scriptsMentioning(doc, marker)) {
    if (!text.includes(mention)) continue;
    opening.lastIndex = 0;
    for (let match = opening.exec(text); match; match = opening.exec(text)) {
      const start = match.index + match[0].length - 1;
      const end = endOfObject(text, start);
      if (end < 0) break;
      const literal = text.slice(start, end);
      if (literal.includes(mention)) {
        const value = parseScriptJson(literal);
        if (value !== null && typeof value === 'object' && holds(value)) return value;
        // Not this one as a whole (or not JSON, such as a call's options): an inner literal may be.
        continue;
      }
      opening.lastIndex = end;
    }
  }
  return null;
}

/**
 * The first object (not array) in `value` for which `holds` is true, nearest first (breadth-first, at
 * most `depth` levels below `value`); `throughArrays` false keeps the search out of arrays.
 */
export function findObject(value: unknown, holds: (node: object) => boolean, depth: number, throughArrays = true): object | null {
  let level: unknown[] = [value];
  for (let d = 0; d <= depth && level.length > 0; d++) {
    const next: unknown[] = [];
    for (const node of level) {
      if (node === null || typeof node !== 'object') continue;
      if (Array.isArray(node)) {
        if (throughArrays) next.push(...node);
        continue;
      }
      if (holds(node)) return node;
      next.push(...Object.values(node));
    }
    level = next;
  }
  return null;
}

/**
 * The first value under `key` anywhere in `value`, nearest first (breadth-first, at most `depth` levels):
 * payload builds move a component up or down a level, but keep its name.
 */
export function findKey(value: unknown, key: string, depth = 6): unknown {
  const holder = findObject(value, (node) => Object.hasOwn(node, key), depth);
  return holder === null ? undefined : (holder as Record<string, unknown>)[key];
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
