import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { POPUP_MESSAGE_KEYS } from '../../../components/popup/popup-messages';
import { expectLocalised } from '../locale-messages';

describe('popup messages', () => {
  it.each(POPUP_MESSAGE_KEYS)('%s exists in en and zh_CN with a description and the same placeholders', (key) => {
    expectLocalised(key);
  });

  it('every popup key used in the components is declared', () => {
    const dir = join(import.meta.dirname, '../../../components/popup');
    const used = new Set(readdirSync(dir).flatMap((file) => [...readFileSync(join(dir, file), 'utf8').matchAll(/'(popup[A-Z]\w+)'/g)].map((m) => m[1]!)));
    expect([...used].filter((key) => !(POPUP_MESSAGE_KEYS as readonly string[]).includes(key))).toEqual([]);
  });
});
