// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { chooseFile, makeHarness, renderOptions, type Harness } from './options-harness';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'notices');
const fixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));

let harness: Harness;
beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(async () => {
  cleanup();
  await harness.close();
});

const feedFileInput = () => screen.getByLabelText('Import a feed file (JSON or CSV)');

describe('notice feeds on the options page', () => {
  it('sends the file bytes untouched and moves the progress bar with the progress messages', async () => {
    harness = makeHarness();
    renderOptions(harness);
    const gbk = fixture('example-feed-gbk.csv');
    const request = harness.hold('importNoticeFile');
    chooseFile(feedFileInput(), 'example-feed-gbk.csv', gbk);
    const { data, answer } = await request;
    const { importId, fileName } = data as { importId: string; fileName: string };
    expect(fileName).toBe('example-feed-gbk.csv');
    // GBK is decoded by the background: the page passes the bytes on as they are, in chunks first.
    const chunks = harness.requests.filter((r) => r.type === 'noticeFileChunk').map((r) => r.data as { importId: string; index: number; base64: string });
    expect(chunks.map((c) => [c.importId, c.index])).toEqual([[importId, 0]]);
    expect(new Uint8Array(Buffer.concat(chunks.map((c) => Buffer.from(c.base64, 'base64'))))).toEqual(gbk);

    const bar = await screen.findByRole('progressbar', { name: 'Import progress' });
    expect(bar.getAttribute('value')).toBeNull();
    expect(screen.getByText('Reading the feed…')).toBeTruthy();

    harness.progress({ importId, phase: 'writing', done: 500, total: 2000 });
    await screen.findByText('Saving: 500 of 2000 entries');
    expect(bar.getAttribute('value')).toBe('500');
    expect(bar.getAttribute('max')).toBe('2000');

    // Another import's progress (another page, or a subscription refresh) is not this one's.
    harness.progress({ importId: 'someone-else', phase: 'writing', done: 1900, total: 2000 });
    harness.progress({ importId, phase: 'writing', done: 1500, total: 2000 });
    await screen.findByText('Saving: 1500 of 2000 entries');
    expect(bar.getAttribute('value')).toBe('1500');

    harness.progress({ importId, phase: 'indexing', done: 2000, total: 2000 });
    await screen.findByText('Updating the index…');
    expect(bar.getAttribute('value')).toBeNull();

    answer({
      ok: true,
      feedKey: 'file:example-feed-gbk',
      noticeCount: 3,
      entryCount: 2000,
      replacedEntries: 0,
      example: false,
      effect: { specialRuleBrands: ['gucci', 'unknown_brand'], shops: 1200, items: 800, historyChanged: 3 },
    });
    // Brand ids become the packs' names (an id no pack knows stays an id); numbers are grouped.
    await screen.findByText(
      'Imported. Notices: 3 · entries: 2,000. Puts under special rules: Gucci and unknown_brand. Shops named: 1,200. Items named: 800. ' +
        'Listings in your history whose verdict this changes: 3.',
    );
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('asks before importing example data, and imports nothing when told no', async () => {
    harness = makeHarness();
    renderOptions(harness);
    await screen.findByText('No feeds yet.');
    chooseFile(feedFileInput(), 'example-feed.json', fixture('example-feed.json'));
    const question = await screen.findByRole('alertdialog');
    expect(question.textContent).toMatch(/marked as EXAMPLE data: its notices, shops and items are invented/);
    expect(await harness.notices.feeds.count()).toBe(0);
    fireEvent.click(within(question).getByRole('button', { name: 'Cancel' }));
    await screen.findByText('Nothing was imported.');
    expect(await harness.notices.feeds.count()).toBe(0);
  });

  it('imports an example feed once agreed, says so after, and lists it marked as example data', async () => {
    harness = makeHarness();
    renderOptions(harness);
    await screen.findByText('No feeds yet.');
    chooseFile(feedFileInput(), 'example-feed.json', fixture('example-feed.json'));
    fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Import the example' }));
    const row = await waitFor(() => {
      const li = document.querySelector<HTMLElement>('[data-feed-key="file:example"]');
      if (!li) throw new Error('feed not listed yet');
      return li;
    });
    expect(within(row).getByText(/^EXAMPLE feed, not real enforcement data/)).toBeTruthy();
    expect(within(row).getByText('Imported from a file')).toBeTruthy();
    const stored = await harness.notices.feeds.get('file:example');
    expect(within(row).getByText(`Notices: ${stored!.noticeCount} · entries: ${stored!.entryCount}`)).toBeTruthy();
    expect(within(row).getByText(/^Last update: /)).toBeTruthy();
    expect(within(row).getByTestId('feed-example').textContent).toBe('Example data');
    const outcome = await screen.findByText(/^Imported\. Notices: 3 · entries: 7\./);
    expect(outcome.textContent).toContain('This is EXAMPLE data: its notices are invented.');
    expect(outcome.textContent).toContain('Shops named: 4. Items named: 3.');
    expect(outcome.textContent).toContain('Listings in your history whose verdict this changes: 0.');
  });

  it('a malformed CSV lists its rows by line and field, and the feed list does not change', async () => {
    harness = makeHarness();
    renderOptions(harness);
    await screen.findByText('No feeds yet.');
    chooseFile(feedFileInput(), 'bad-rows.csv', fixture('malformed/bad-rows.csv'));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText(/^Nothing was imported: bad-rows\.csv: \d+ problems/)).toBeTruthy();
    const rows = within(alert).getAllByRole('listitem').map((li) => li.textContent ?? '');
    // The same problems the parser's own test lists for this file, each with its line and field.
    expect(rows.map((text) => /^Line (\d+), ([^:]+):/.exec(text)?.slice(1, 3).join(': '))).toEqual([
      '3: item_id', '4: (row)', '5: action', '5: date', '6: kind', '7: brand', '7: item_id', '8: shop_name', '8: notice_title', '10: notice_title',
    ]);
    expect(rows[0]).toMatch(/is a number Excel shortened; format the column as text/);
    expect(screen.getByText('No feeds yet.')).toBeTruthy();
    expect(await harness.notices.feeds.count()).toBe(0);
  });

  it('shows the first 50 problems and how many more there are', async () => {
    harness = makeHarness();
    renderOptions(harness);
    const header = 'notice_id,notice_title,publisher,published,kind,item_id,shop_id,shop_name,brand,action,date';
    const rows = Array.from({ length: 80 }, (_, i) => `n1,EXAMPLE (fictional),Example (fictional),2016-05-20,item,not-an-id-${i},,,,,`);
    chooseFile(feedFileInput(), 'many-bad-rows.csv', [header, ...rows].join('\n'));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getAllByRole('listitem')).toHaveLength(50);
    expect(within(alert).getByText('… and 30 more')).toBeTruthy();
  });

  it('subscribes only to https addresses', async () => {
    harness = makeHarness();
    const subscribe = harness.hold('subscribeNoticeFeed');
    renderOptions(harness);
    const field = screen.getByLabelText('Subscribe to a feed URL (https)');
    fireEvent.input(field, { target: { value: 'http://feeds.example.com/feed.json' } });
    fireEvent.click(screen.getByRole('button', { name: 'Subscribe' }));
    await screen.findByText('The address must start with https://');
    expect(harness.requests.some((r) => r.type === 'subscribeNoticeFeed')).toBe(false);

    fireEvent.input(field, { target: { value: 'https://feeds.example.com/feed.json' } });
    fireEvent.click(screen.getByRole('button', { name: 'Subscribe' }));
    const { data, answer } = await subscribe;
    expect(data).toEqual({ importId: expect.stringMatching(/^import-/), url: 'https://feeds.example.com/feed.json' });
    answer({ ok: true, notModified: true });
    await screen.findByText('The feed has not changed since the last download.');
  });

  it('shows a subscription’s last error, refreshes, and unsubscribes after a confirmation', async () => {
    harness = makeHarness('en', { refreshNoticeFeeds: async () => ({ refreshed: 0, failed: 1 }) });
    await harness.notices.feeds.put({
      key: 'https://feeds.example.com/feed.json',
      url: 'https://feeds.example.com/feed.json',
      id: 'team-feed',
      title: 'Brand team feed (fictional)',
      homepage: null,
      description: null,
      format: 'json',
      encoding: 'utf-8',
      etag: null,
      lastModified: null,
      importedAt: null,
      checkedAt: 1,
      noticeCount: 0,
      entryCount: 0,
      lastResult: { status: 'failed', at: 1, message: 'the server answered 503', problems: [] },
    });
    renderOptions(harness);
    const row = await screen.findByText('Brand team feed (fictional)');
    const item = row.closest('li')!;
    expect(within(item).getByText('Subscribed: https://feeds.example.com/feed.json')).toBeTruthy();
    expect(within(item).getByText(/^Last check failed, .*: the server answered 503$/)).toBeTruthy();
    expect(within(item).getByText('Last update: never')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Check subscriptions now' }));
    await screen.findByText('Checked: 0 up to date, 1 failed.');

    const remove = harness.hold('removeNoticeFeed');
    fireEvent.click(within(item).getByRole('button', { name: 'Delete the feed Brand team feed (fictional) and its data' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(harness.requests.some((r) => r.type === 'removeNoticeFeed')).toBe(false);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect((await remove).data).toEqual({ feedKey: 'https://feeds.example.com/feed.json' });
  });
});
