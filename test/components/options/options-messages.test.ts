import { describe, expect, it } from 'vitest';
import { OPTIONS_MESSAGE_KEYS } from '../../../components/options/options-messages';
import { expectLocalised, readMessages } from '../locale-messages';

const en = readMessages('en');
const zh = readMessages('zh_CN');

describe('options messages', () => {
  it.each(OPTIONS_MESSAGE_KEYS)('%s exists in en and zh_CN with a description and the same placeholders', (key) => {
    expectLocalised(key);
  });

  it('every options key in the files is one the page uses', () => {
    const inFiles = Object.keys(en).filter((key) => key.startsWith('options'));
    expect(inFiles.sort()).toEqual([...OPTIONS_MESSAGE_KEYS].sort());
  });

  it('the Chinese texts are Chinese', () => {
    const untranslated = OPTIONS_MESSAGE_KEYS.filter((key) => key !== 'optionsProblemPath' && !/[\u4e00-\u9fff]/.test(zh[key]!.message));
    expect(untranslated).toEqual([]);
  });
});
