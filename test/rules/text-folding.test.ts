import { describe, expect, it } from 'vitest';
import { foldText, separatorMask } from '../../lib/rules/text-folding';
import { TRADITIONAL_TO_SIMPLIFIED } from '../../lib/rules/traditional-chars';

describe('foldText', () => {
  it.each([
    ['full-width letters', 'ＧＵＣＣＩ', 'gucci'],
    ['full-width digits and colon', '１：１', '1:1'],
    ['upper case', 'Louis VUITTON', 'louisvuitton'],
    ['spaced letters', 'G U C C I', 'gucci'],
    ['hyphens', 'g-u-c-c-i', 'gucci'],
    ['dots and middle dots', 'C.H.A.N.E.L · 香奈儿', 'chanel香奈儿'],
    ['ideographic space', '古\u3000驰', '古驰'],
    ['apostrophes', 'Tod’s', 'tods'],
    ['accents', 'Hermès Chloé Céline', 'hermeschloeceline'],
    ['combining accents', 'Herme\u0300s', 'hermes'],
    ['zero-width characters', 'gu\u200bcc\u200di\ufeff', 'gucci'],
    ['traditional characters', '愛馬仕 凱莉包 原單', '爱马仕凯莉包原单'],
    ['traditional watch words', '勞力士 綠水鬼 錶', '劳力士绿水鬼表'],
    ['circled digits need whole-string NFKC', '⑩倍', '10倍'],
    ['mathematical bold letters (astral)', '𝐆𝐔𝐂𝐂𝐈', 'gucci'],
    ['Kangxi radical forms', '⾦', '金'],
    ['emoji survive', '包包👜', '包包👜'],
    ['plain Chinese is untouched', '女包斜挎包', '女包斜挎包'],
  ])('%s: %s → %s', (_, input, expected) => {
    expect(foldText(input)).toBe(expected);
  });
});

describe('separatorMask', () => {
  it.each([
    ['gucci', 0],
    ['Louis Vuitton', 1 << 5],
    ['omega-3', 1 << 5],
    ['  leading and trailing  ', (1 << 7) | (1 << 10)],
  ])('%s', (text, mask) => {
    expect(separatorMask(text)).toBe(mask);
  });
});

describe('the folding table', () => {
  // The table is built from one normalize() call over all characters at once; folding each
  // character on its own, the slow obvious way, must give the same result.
  const separators = /[\s\p{Cc}\p{Cf}\-_.·•・'‘’`´*~|\u2010-\u2015\u2043]/gu;
  const simplified = new Map<string, string>();
  for (let i = 0; i < TRADITIONAL_TO_SIMPLIFIED.length; i += 2) simplified.set(TRADITIONAL_TO_SIMPLIFIED[i] ?? '', TRADITIONAL_TO_SIMPLIFIED[i + 1] ?? '');
  const slowFold = (char: string): string =>
    // NFC at the end only puts Hangul syllables back together, which NFD took apart.
    [...char.normalize('NFKC').toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(separators, '').normalize('NFC')]
      .map((c) => simplified.get(c) ?? c)
      .join('');

  it.each([
    ['Latin, punctuation, symbols, CJK symbols', 0x0000, 0x33ff],
    ['compatibility ideographs, presentation and full-width forms', 0xf900, 0xffef],
  ])('matches per-character normalisation for %s', (_, from, to) => {
    const differences: string[] = [];
    for (let unit = from; unit <= to; unit++) {
      if (unit >= 0xd800 && unit <= 0xdfff) continue;
      const char = String.fromCharCode(unit);
      const expected = slowFold(char);
      if (foldText(char) !== expected) differences.push(`U+${unit.toString(16)}`);
    }
    expect(differences).toEqual([]);
  });
});
