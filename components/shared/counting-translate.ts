import type { UiLanguage } from '../../lib/ui-language';

/**
 * `browser.i18n` has no plurals, so a message about a count has a second key, `<key>One`, for the
 * form a language uses for one thing ("1 listing"). Intl.PluralRules decides; the catalogues hold
 * only English and Chinese, whose categories are `one`/`other` and `other`, so two keys suffice.
 */

/** Keys of K whose `One` form is in K too: the only keys a count may be passed with. */
export type CountedKey<K extends string> = { [P in K]: `${P}One` extends K ? P : never }[K];

export interface CountingTranslate<K extends string> {
  (key: K, substitutions?: string[]): string;
  /** A message about `count` things: the `One` form where the UI language calls `count` one. */
  (key: CountedKey<K>, substitutions: string[], count: number): string;
}

export function countingTranslate<K extends string>(
  getMessage: (key: K, substitutions?: string[]) => string,
  language: UiLanguage,
): CountingTranslate<K> {
  const rules = new Intl.PluralRules(language === 'zh_CN' ? 'zh-CN' : 'en');
  return (key: K, substitutions?: string[], count?: number) =>
    getMessage(count !== undefined && rules.select(count) === 'one' ? (`${key}One` as K) : key, substitutions);
}
