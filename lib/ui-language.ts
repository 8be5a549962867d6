/**
 * The two languages of the UI. The browser chooses which `_locales` catalogue the extension's own
 * strings come from (its UI language, then fallbacks, then the default); everything else the UI shows
 * in one of the two languages (the verdict's reasons, formatted numbers) must follow that same choice,
 * or a browser whose language has no catalogue of its own (zh-TW, zh-HK) mixes English strings with
 * Chinese reasons. So the language is read from the chosen catalogue itself: its `uiLanguage` message.
 */
export type UiLanguage = 'en' | 'zh_CN';

/** The catalogue's `uiLanguage` message (`browser.i18n.getMessage('uiLanguage')`) as a UiLanguage. */
export function uiLanguageOfCatalogue(message: string): UiLanguage {
  return message.trim() === 'zh_CN' ? 'zh_CN' : 'en';
}
