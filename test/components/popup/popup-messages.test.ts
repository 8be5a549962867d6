import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { POPUP_MESSAGE_KEYS } from '../../../components/popup/popup-messages';
import { readMessages } from '../locale-messages';

const en = readMessages('en');
const zh = readMessages('zh_CN');

describe('popup messages', () => {
  it.each(POPUP_MESSAGE_KEYS)('%s exists in en and zh_CN with a description and the same placeholders', (key) => {
    const english = en[key];
    const chinese = zh[key];
    expect(english?.message).toBeTruthy();
    expect(chinese?.message).toBeTruthy();
    expect(english?.description).toBeTruthy();
    expect(chinese?.description).toBeTruthy();
    const names = (entry: typeof english) => Object.keys(entry?.placeholders ?? {}).sort();
    expect(names(chinese)).toEqual(names(english));
    for (const entry of [english, chinese]) {
      const used = [...new Set([...entry!.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase()))].sort();
      expect(used).toEqual(names(entry));
    }
  });

  it('every popup key used in the components is declared', () => {
    const dir = join(import.meta.dirname, '../../../components/popup');
    const used = new Set(readdirSync(dir).flatMap((file) => [...readFileSync(join(dir, file), 'utf8').matchAll(/'(popup[A-Z]\w+)'/g)].map((m) => m[1]!)));
    expect([...used].filter((key) => !(POPUP_MESSAGE_KEYS as readonly string[]).includes(key))).toEqual([]);
  });
});
