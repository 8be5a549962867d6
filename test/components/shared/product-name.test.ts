import { describe, expect, it } from 'vitest';
import { readMessages } from '../locale-messages';

describe('the product’s name', () => {
  it('is 假货雷达 in every Chinese message that names it (the store listing alone adds the English name)', () => {
    const zh = readMessages('zh_CN');
    const named = Object.entries(zh).filter(([key, entry]) => key !== 'extName' && /Counterfeit Radar|雷达/i.test(entry.message));
    expect(named.length).toBeGreaterThan(3);
    expect(named.filter(([, entry]) => /Counterfeit Radar/i.test(entry.message) || !entry.message.includes('假货雷达')).map(([key]) => key)).toEqual([]);
    expect(zh.extName?.message).toBe('假货雷达 Counterfeit Radar');
  });

  it('is Counterfeit Radar in every English message that names it', () => {
    const en = readMessages('en');
    // File format ids ("counterfeit-radar.notices") are not the name.
    const named = Object.entries(en).filter(([, entry]) => /radar/i.test(entry.message.replace(/counterfeit-radar\.\w+/g, '')));
    expect(named.length).toBeGreaterThan(3);
    expect(named.filter(([, entry]) => !entry.message.includes('Counterfeit Radar')).map(([key]) => key)).toEqual([]);
  });
});
