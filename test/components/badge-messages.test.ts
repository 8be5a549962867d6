import { describe, expect, it } from 'vitest';
import { BADGE_MESSAGE_KEYS } from '../../components/badge/badge-messages';
import { expectLocalised, fakeTranslate, readMessages } from './locale-messages';

const en = readMessages('en');
const zh = readMessages('zh_CN');

describe('badge messages', () => {
  it.each(BADGE_MESSAGE_KEYS)('%s exists in en and zh_CN with a description and the same placeholders', (key) => {
    expectLocalised(key);
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
