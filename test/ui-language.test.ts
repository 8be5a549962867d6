import { describe, expect, it } from 'vitest';
import { uiLanguageOfCatalogue } from '../lib/ui-language';
import { readMessages } from './components/locale-messages';

describe('uiLanguageOfCatalogue: reasons follow the catalogue the browser chose', () => {
  it.each(['en', 'zh_CN'] as const)('the %s catalogue names its own language', (locale) => {
    expect(uiLanguageOfCatalogue(readMessages(locale)['uiLanguage']!.message)).toBe(locale);
  });

  it('is English for anything else (no message: an empty string)', () => {
    expect(uiLanguageOfCatalogue('')).toBe('en');
    expect(uiLanguageOfCatalogue('zh-TW')).toBe('en');
  });

});
