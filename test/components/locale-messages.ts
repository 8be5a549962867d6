/**
 * A `t` that reads the real `_locales/<lang>/messages.json`, filling placeholders the way
 * `browser.i18n.getMessage` does: `$NAME$` becomes the placeholder's content, then `$1`… the
 * substitutions, and `$$` a dollar sign. A missing key throws, so a typo fails the test.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { countingTranslate, type CountingTranslate } from '../../components/shared/counting-translate';

export type Locale = 'en' | 'zh_CN';

interface MessageEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

export function readMessages(locale: Locale): Record<string, MessageEntry> {
  // Resolved with node:path: under happy-dom the global URL is the DOM's, not Node's.
  const path = join(dirname(fileURLToPath(import.meta.url)), '../../public/_locales', locale, 'messages.json');
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, MessageEntry>;
}

/** Counts choose the `One` form as the pages' own binding does (countingTranslate). */
export function fakeTranslate(locale: Locale): CountingTranslate<string> {
  const messages = readMessages(locale);
  return countingTranslate((key: string, substitutions: string[] = []) => {
    const entry = messages[key];
    if (!entry) throw new Error(`no message "${key}" in ${locale}`);
    const placeholders = Object.fromEntries(
      Object.entries(entry.placeholders ?? {}).map(([name, value]) => [name.toLowerCase(), value.content]),
    );
    return entry.message
      .replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => placeholders[name.toLowerCase()] ?? whole)
      .replace(/\$(\$|[1-9])/g, (_, what: string) => (what === '$' ? '$' : (substitutions[Number(what) - 1] ?? '')));
  }, locale);
}

/** Placeholder names a message declares, lower case, sorted. */
function declared(entry: MessageEntry | undefined): string[] {
  return Object.keys(entry?.placeholders ?? {})
    .map((name) => name.toLowerCase())
    .sort();
}

/**
 * A key is complete: a message and a description in both languages, the same placeholders in both,
 * and every placeholder a message names declared and every declared one used.
 */
export function expectLocalised(key: string): void {
  const entries = [readMessages('en')[key], readMessages('zh_CN')[key]];
  for (const entry of entries) {
    expect(entry?.message, key).toBeTruthy();
    expect(entry?.description, key).toBeTruthy();
    const used = [...new Set([...entry!.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase()))].sort();
    expect(used, key).toEqual(declared(entry));
  }
  expect(declared(entries[1]), key).toEqual(declared(entries[0]));
}
