/**
 * The languages an assessment words its reasons in. The extension asks for both: its verdicts are
 * messaged, stored and shown in whichever language the UI has, and a backup or an export carries
 * both. A batch asks for the one it writes (`cli assess --lang en`), and the other is never built.
 */
import type { LocalizedText } from '../verdict';
import { inBothLanguages, type TextLanguage, type Wording } from './reason-texts';

export interface VerdictLanguage<Text> {
  /** Keeps each form's reasons apart in the shared reason caches: 0 … VERDICT_LANGUAGE_COUNT - 1. */
  readonly slot: number;
  word(wording: Wording): Text;
  name(names: LocalizedText): Text;
}

export const VERDICT_LANGUAGE_COUNT = 3;

export const BOTH_LANGUAGES: VerdictLanguage<LocalizedText> = Object.freeze({ slot: 0, word: inBothLanguages, name: (names: LocalizedText) => names });

const ONE_LANGUAGE: Readonly<Record<TextLanguage, VerdictLanguage<string>>> = Object.freeze({
  en: Object.freeze({ slot: 1, word: (wording: Wording) => wording('en'), name: (names: LocalizedText) => names.en }),
  zh_CN: Object.freeze({ slot: 2, word: (wording: Wording) => wording('zh_CN'), name: (names: LocalizedText) => names.zh_CN }),
});

export const oneLanguage = (language: TextLanguage): VerdictLanguage<string> => ONE_LANGUAGE[language];
