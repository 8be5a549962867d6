/**
 * The two languages of the UI. Every part follows the browser's: Chinese (any zh-*) gets Simplified
 * Chinese, everything else English, as _locales does for the extension's own strings.
 */
export type UiLanguage = 'en' | 'zh_CN';

/** From `browser.i18n.getUILanguage()`, e.g. "zh-CN", "zh-TW", "en-US". */
export function uiLanguageOf(browserLanguage: string): UiLanguage {
  return browserLanguage.toLowerCase().startsWith('zh') ? 'zh_CN' : 'en';
}
