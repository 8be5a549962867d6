import { describe, expect, it } from 'vitest';
import { cli } from '../cli/cli-harness';
import { FIXTURES } from './notice-fixtures';

describe('cli notices check', () => {
  it('summarises a valid feed', async () => {
    const result = await cli(['notices', 'check', `${FIXTURES}example-feed-gbk.csv`]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      [
        `${FIXTURES}example-feed-gbk.csv: valid CSV feed "example-feed-gbk", GBK`,
        '  3 notices, 7 entries (3 item, 3 shop, 1 seller)',
        '  brands under special rules: gucci, michael_kors, tiffany',
        '  note: decoded as GBK (the file is not valid UTF-8): check that Chinese shop names read correctly, or save the file as "CSV UTF-8"',
        '',
      ].join('\n'),
    );
  });

  it('lists every bad row on stderr and exits 1', async () => {
    const path = `${FIXTURES}malformed/bad-dates.json`;
    const result = await cli(['notices', 'check', path]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `${path}: 2 problems, nothing imported\n` +
        '  line 10: notices[0].published: "20/05/2016" is not a date YYYY-MM-DD\n' +
        '  line 12: notices[0].entries[0].date: "2016-02-30" is not a date YYYY-MM-DD\n',
    );
  });

  it('says so when the file is missing, and prints usage for bad arguments', async () => {
    const missing = await cli(['notices', 'check', `${FIXTURES}no-such-feed.json`]);
    expect(missing).toMatchObject({ code: 1, stderr: `${FIXTURES}no-such-feed.json: 1 problem, nothing imported\n  (file): no such file\n` });
    for (const args of [['notices'], ['notices', 'import', 'x.json'], ['notices', 'check', 'a.json', 'b.json']]) {
      expect(await cli(args)).toMatchObject({ code: 2, stderr: 'cli notices: usage: notices check <feed.json|feed.csv>\n' });
    }
  });
});
