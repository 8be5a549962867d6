import { describe, expect, it } from 'vitest';
import { POPUP_MESSAGE_KEYS } from '../../../components/popup/popup-messages';
import { OPTIONS_MESSAGE_KEYS } from '../../../components/options/options-messages';
import { fakeTranslate, readMessages } from '../locale-messages';

describe('counted messages', () => {
  it('say one thing in the singular in English and keep the one Chinese form', () => {
    const en = fakeTranslate('en');
    const zh = fakeTranslate('zh_CN');
    expect(en('popupHistoryCount', ['1'], 1)).toBe('1 listing');
    expect(en('popupHistoryCount', ['0'], 0)).toBe('0 listings');
    expect(en('popupHistoryCount', ['2'], 2)).toBe('2 listings');
    expect(en('optionsPackAdded', ['acme', '1.0', '1'], 1)).toBe('Added the pack acme, version 1.0: 1 brand.');
    expect(zh('popupHistoryCount', ['1'], 1)).toBe(zh('popupHistoryCount', ['1'], 2));
  });

  it('have a One form beside every base form, with the same placeholders, in both catalogues', () => {
    const keys: string[] = [...POPUP_MESSAGE_KEYS, ...OPTIONS_MESSAGE_KEYS];
    const oneForms = keys.filter((key) => key.endsWith('One') && keys.includes(key.slice(0, -3)));
    expect(oneForms.length).toBeGreaterThanOrEqual(21);
    for (const locale of ['en', 'zh_CN'] as const) {
      const messages = readMessages(locale);
      for (const one of oneForms) {
        const base = messages[one.slice(0, -3)]!;
        expect(Object.keys(messages[one]!.placeholders ?? {}), one).toEqual(Object.keys(base.placeholders ?? {}));
      }
    }
  });

  it('leave no English message counting a plural noun without a One form', () => {
    const keys = new Set<string>([...POPUP_MESSAGE_KEYS, ...OPTIONS_MESSAGE_KEYS]);
    const messages = readMessages('en');
    // A count placeholder straight before a plural noun ("$COUNT$ listings") needs the singular too.
    const countedPlural = /\$[A-Z]+\$ (?:other )?(listings|entries|reports|URLs|brands|captures|notices|shops|batches)\b/;
    const missing = [...keys].filter((key) => countedPlural.test(messages[key]?.message ?? '') && !keys.has(`${key}One`));
    // A photo cluster always holds two or more shops and listings.
    expect(missing).toEqual(['popupPhotoClusterSummary']);
  });
});
