import { describe, expect, it } from 'vitest';
import { BADGE_MESSAGE_KEYS } from '../../components/badge/badge-messages';
import { fakeTranslate, readMessages } from './locale-messages';

const en = readMessages('en');
const zh = readMessages('zh_CN');

describe('badge messages', () => {
  it.each(BADGE_MESSAGE_KEYS)('%s exists in en and zh_CN with the same placeholders', (key) => {
    const english = en[key];
    const chinese = zh[key];
    expect(english?.message).toBeTruthy();
    expect(chinese?.message).toBeTruthy();
    expect(english?.description).toBeTruthy();
    const names = (entry: typeof english) => Object.keys(entry?.placeholders ?? {}).sort();
    expect(names(chinese)).toEqual(names(english));
    // Every placeholder a message names is declared, and every declared one is used.
    for (const entry of [english, chinese]) {
      const used = [...entry!.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase()).sort();
      expect(used).toEqual(names(entry));
    }
  });

  it('fills placeholders from substitutions', () => {
    expect(fakeTranslate('en')('badgeAccessibleName', ['High risk', 'Gucci'])).toBe(
      'Counterfeit Radar: High risk, brand Gucci. Show details',
    );
    expect(fakeTranslate('zh_CN')('badgePanelNoticePublished', ['2016-05-13'])).toBe('发布于 2016-05-13');
  });

  it('keeps the keys that were there before the badge', () => {
    for (const key of ['extName', 'extDescription', 'menuReportListing', 'commandReportListing']) {
      expect(en[key]).toBeDefined();
      expect(zh[key]).toBeDefined();
    }
  });
});
