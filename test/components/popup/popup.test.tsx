// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DAY, historyRecord, manyRecords, NOW, reportRecord } from '../../activity/history-records';
import type { PopupDeps } from '../../../components/popup/popup-deps';
import type { PageSummary } from '../../../lib/messaging/protocol';
import { renderPopup } from './popup-setup';

const HOSTILE = '<img src=x onerror=alert(1)>';

const HISTORY = [
  historyRecord({ itemId: '790000000001', title: `${HOSTILE}GUCCI 高仿 马衔扣 女包`, shop: "<script>alert('shop')</script>精品小店", shopId: '40001', lastSeen: NOW }),
  historyRecord({ itemId: '790000000002', title: 'LV 原单 老花 托特包', shop: '老花工厂', risk: 'medium', brand: 'louis-vuitton', platform: 'tmall', lastSeen: NOW - DAY }),
  historyRecord({ itemId: '790000000003', title: 'Chanel 复刻 链条包', shop: null, brand: 'chanel', platform: 'tmall-global', lastSeen: NOW - 2 * DAY }),
];

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

async function historyList() {
  return screen.findByTestId('history-list');
}
const titles = (list: HTMLElement) => [...list.querySelectorAll('.entry-title')].map((a) => a.firstChild?.textContent);

describe('popup history', () => {
  it('lists the records newest first, with the risk in words and links rebuilt from the id', async () => {
    await renderPopup({ history: HISTORY });
    const list = await historyList();
    expect(titles(list)).toEqual([`${HOSTILE}GUCCI 高仿 马衔扣 女包`, 'LV 原单 老花 托特包', 'Chanel 复刻 链条包']);
    const first = list.querySelector<HTMLElement>(':scope > li')!;
    expect(within(first).getByText('High risk')).toBeTruthy();
    expect(first.querySelector('.entry-title')!.getAttribute('href')).toBe('https://item.taobao.com/item.htm?id=790000000001');
    expect(list.querySelectorAll<HTMLElement>(':scope > li')[2]!.querySelector('.entry-title')!.getAttribute('href')).toBe('https://detail.tmall.hk/item.htm?id=790000000003');
    expect(within(first).getByRole('link', { name: /Report to Taobao/ }).getAttribute('href')).toBe('https://jubao.taobao.com/index.htm?itemId=790000000001');
    expect(screen.getByTestId('history-count').textContent).toBe('3 listings');
  });

  it('shows a hostile title and shop name as text: no element is made from them', async () => {
    await renderPopup({ history: HISTORY });
    const list = await historyList();
    expect(list.querySelectorAll('img, script')).toHaveLength(0);
    expect(list.textContent).toContain(HOSTILE);
    expect(list.textContent).toContain("<script>alert('shop')</script>精品小店");
  });

  it('shows the reasons on expand', async () => {
    await renderPopup({ history: HISTORY });
    const first = (await historyList()).querySelector<HTMLElement>(':scope > li')!;
    const details = first.querySelector('details')!;
    expect(details.open).toBe(false);
    fireEvent.click(within(first).getByText('Why it was flagged'));
    expect(within(details).getByText('The title says “高仿” (high-grade copy).')).toBeTruthy();
  });

  it('narrows by search (brand names too) and by filters', async () => {
    await renderPopup({ history: HISTORY });
    await historyList();
    fireEvent.input(screen.getByLabelText('Search title, shop or brand'), { target: { value: '路易威登' } });
    await waitFor(() => expect(titles(screen.getByTestId('history-list'))).toEqual(['LV 原单 老花 托特包']));
    fireEvent.input(screen.getByLabelText('Search title, shop or brand'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Risk'), { target: { value: 'high' } });
    await waitFor(() => expect(titles(screen.getByTestId('history-list'))).toHaveLength(2));
    fireEvent.change(screen.getByLabelText('Platform'), { target: { value: 'tmall-global' } });
    await waitFor(() => expect(titles(screen.getByTestId('history-list'))).toEqual(['Chanel 复刻 链条包']));
    fireEvent.change(screen.getByLabelText('Platform'), { target: { value: 'taobao' } });
    fireEvent.change(screen.getByLabelText('Brand'), { target: { value: 'louis-vuitton' } });
    await waitFor(() => expect(screen.getByText('Nothing matches the search and filters.')).toBeTruthy());
  });

  it('pages through 10,000 records 50 at a time', async () => {
    await renderPopup({ history: manyRecords(10_000) });
    const list = await historyList();
    expect(list.querySelectorAll(':scope > li')).toHaveLength(50);
    expect(screen.getAllByText('Page 1 of 200').length).toBeGreaterThan(0);
    const firstTitle = titles(list)[0];
    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(screen.getAllByText('Page 2 of 200').length).toBeGreaterThan(0));
    expect(titles(screen.getByTestId('history-list'))[0]).not.toBe(firstTitle);
    // Writing 10,000 records to fake-indexeddb is most of this test's time; under a full parallel run
    // it can pass the default 5 s.
  }, 30_000);

  it('sends delete and trust to the background, and follows the database as it changes', async () => {
    const { send, db } = await renderPopup({ history: HISTORY });
    const first = (await historyList()).querySelector<HTMLElement>(':scope > li')!;
    fireEvent.click(within(first).getByRole('button', { name: 'Delete' }));
    expect(send).toHaveBeenCalledWith('deleteHistory', { itemIds: ['790000000001'] });
    fireEvent.click(within(first).getByRole('button', { name: 'Trust shop' }));
    expect(send).toHaveBeenCalledWith('trustHistoryItem', { itemId: '790000000001', kind: 'shop' });
    // The background's write, as it would land: the list follows through liveQuery.
    await db.trusted.put({ kind: 'shop', key: 'shop-id:40001', label: '精品小店', createdAt: NOW });
    await waitFor(() => expect(within(screen.getByTestId('history-list').querySelector<HTMLElement>(':scope > li')!).getByText('Trusted')).toBeTruthy());
    await db.history.delete('790000000001');
    await waitFor(() => expect(titles(screen.getByTestId('history-list'))).toHaveLength(2));
  });

  it('deletes an entry with one click and offers Undo, which brings it back through the background', async () => {
    const send = vi.fn(async (type: string) => (type === 'deleteHistory' ? { deleted: 1, undoToken: 'history-1' } : { restored: 1 }));
    const { db } = await renderPopup({ history: HISTORY }, { send: send as unknown as PopupDeps['send'] });
    const first = (await historyList()).querySelector<HTMLElement>(':scope > li')!;
    fireEvent.click(within(first).getByRole('button', { name: 'Delete' }));
    expect(send).toHaveBeenCalledWith('deleteHistory', { itemIds: ['790000000001'] });
    const note = await screen.findByTestId('deleted-note');
    expect(note.textContent).toContain('Deleted 1 history entry.');
    // The background's deletion lands; the note stays while the list follows the database.
    const record = (await db.history.get('790000000001'))!;
    await db.history.delete('790000000001');
    await waitFor(() => expect(titles(screen.getByTestId('history-list'))).toHaveLength(2));
    fireEvent.click(within(screen.getByTestId('deleted-note')).getByRole('button', { name: 'Undo' }));
    expect(send).toHaveBeenCalledWith('undoDeleteHistory', { undoToken: 'history-1' });
    await waitFor(() => expect(screen.getByTestId('deleted-note').textContent).toBe('Restored 1 history entry. '));
    await db.history.put(record);
    await waitFor(() => expect(titles(screen.getByTestId('history-list'))).toHaveLength(3));
  });

  it('words the deletion note in Chinese in zh_CN', async () => {
    const send = vi.fn(async () => ({ deleted: 1, undoToken: 'history-1' }));
    await renderPopup({ history: HISTORY }, { send: send as unknown as PopupDeps['send'] }, 'zh_CN');
    const first = (await historyList()).querySelector<HTMLElement>(':scope > li')!;
    fireEvent.click(within(first).getByRole('button', { name: '删除' }));
    const note = await screen.findByTestId('deleted-note');
    expect(note.textContent).toContain('已删除 1 条历史记录。');
    expect(within(note).getByRole('button', { name: '撤销' })).toBeTruthy();
  });

  it('clears all only after a confirmation', async () => {
    const { send } = await renderPopup({ history: HISTORY });
    await historyList();
    fireEvent.click(screen.getByRole('button', { name: 'Clear all history' }));
    expect(send).not.toHaveBeenCalled();
    const dialog = screen.getByRole('alertdialog');
    expect(dialog.textContent).toContain('Delete all 3 history entries?');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(send).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Clear all history' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, clear' }));
    expect(send).toHaveBeenCalledWith('clearData', { kinds: ['history'] });
  });

  it('exports what the filters show as CSV, guarded against formulas', async () => {
    const history = [...HISTORY, historyRecord({ itemId: '790000000004', title: '=HYPERLINK("x") GUCCI', lastSeen: NOW - 3 * DAY })];
    const { saveFile } = await renderPopup({ history });
    await historyList();
    fireEvent.input(screen.getByLabelText('Search title, shop or brand'), { target: { value: 'gucci' } });
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(saveFile).toHaveBeenCalled());
    const [name, blob] = saveFile.mock.calls[0]!;
    expect(name).toBe('counterfeit-radar-history-2026-03-15.csv');
    const text = await blob.text();
    expect(text.split('\r\n').filter((line) => /^\d/.test(line))).toHaveLength(2);
    expect(text).toContain(`'=HYPERLINK(""x"") GUCCI`);
  });

  it('shows a failed change as a message', async () => {
    const { send } = await renderPopup({ history: HISTORY });
    send.mockRejectedValueOnce(new Error('no background'));
    fireEvent.click(within((await historyList()).querySelector<HTMLElement>(':scope > li')!).getByRole('button', { name: 'Delete' }));
    expect((await screen.findByRole('alert')).textContent).toBe('That did not work: no background');
  });

  it('speaks Chinese in zh_CN', async () => {
    await renderPopup({ history: HISTORY }, {}, 'zh_CN');
    const list = await historyList();
    expect(within(list.querySelector<HTMLElement>(':scope > li')!).getByText('高风险')).toBeTruthy();
    expect(screen.getByLabelText('搜索标题、店铺或品牌')).toBeTruthy();
  });
});

const SUMMARY: PageSummary = {
  page: 'search',
  checked: 60,
  pending: 0,
  flagged: [
    { itemId: '790000000001', risk: 'high', title: `${HOSTILE}GUCCI 高仿 马衔扣 女包`, price: { min: 299, max: 299, currency: 'CNY' }, shopName: '莆田精品店' },
    { itemId: '790000000002', risk: 'medium', title: 'LV 老花 托特包', price: null, shopName: null },
  ],
  layoutUnrecognised: false,
  site: 'taobao.com',
  paused: false,
};

function withPage(summary: Partial<PageSummary> | null, page: Partial<PopupDeps['page']> = {}) {
  return {
    page: {
      summary: vi.fn(async () => (summary === null ? null : { ...SUMMARY, ...summary })),
      reveal: vi.fn(async () => true),
      layoutSnapshot: vi.fn(async () => 'host: s.taobao.com\npage kind: search\nbody'),
      setPaused: vi.fn(async () => undefined),
      openOptions: vi.fn(),
      ...page,
    },
  };
}

describe('popup this page', () => {
  it('counts what the page holds and lists the flagged listings as text; a click shows one on the page', async () => {
    const deps = withPage({});
    await renderPopup({}, deps);
    expect((await screen.findByTestId('page-counts')).textContent).toBe('60 checked · 2 flagged');
    const list = screen.getByTestId('page-flagged');
    expect(list.querySelectorAll('img')).toHaveLength(0);
    expect(list.textContent).toContain(HOSTILE);
    expect(within(list).getByText('High risk')).toBeTruthy();
    fireEvent.click(within(list).getAllByRole('button')[1]!);
    expect(deps.page.reveal).toHaveBeenCalledWith('790000000002');
  });

  it('says plainly when every listing was checked and none is suspicious', async () => {
    await renderPopup({}, withPage({ flagged: [], checked: 12 }));
    expect((await screen.findByTestId('page-clean')).textContent).toBe('Checked — nothing suspicious.');
  });

  it('says "not a Taobao or Tmall page" when the tab has no content script', async () => {
    await renderPopup({}, withPage(null, { summary: vi.fn(async () => Promise.reject(new Error('Could not establish connection'))) }));
    expect((await screen.findByTestId('page-none')).textContent).toBe('Not a Taobao or Tmall page.');
  });

  it('warns of a layout it cannot read and copies a structure snapshot for a bug report', async () => {
    const deps = withPage({ layoutUnrecognised: true, checked: 0, flagged: [] });
    const { copyText } = await renderPopup({}, deps);
    const warning = await screen.findByTestId('layout-unrecognised');
    fireEvent.click(within(warning).getByRole('button', { name: 'Copy the page structure for a bug report' }));
    await waitFor(() => expect(copyText).toHaveBeenCalledWith('host: s.taobao.com\npage kind: search\nbody'));
    expect(await within(warning).findByText(/no text or links from the page/)).toBeTruthy();
  });

  it('pauses the extension on this site, and opens the options', async () => {
    const deps = withPage({});
    await renderPopup({}, deps);
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Pause on taobao.com' }));
    await waitFor(() => expect(deps.page.setPaused).toHaveBeenCalledWith('taobao.com', true));
    expect(await screen.findByText('Paused on this site: no listings are checked here.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Options' }));
    expect(deps.page.openOptions).toHaveBeenCalled();
  });

  it('on an item page, shows the verdict with its reasons below the counts', async () => {
    const record = HISTORY[0]!;
    await renderPopup({}, { ...withPage({ page: 'item', checked: 1, flagged: [SUMMARY.flagged[0]!] }), currentListing: async () => ({ listing: record.listing, verdict: record.verdict }) });
    const current = await screen.findByTestId('current-listing');
    expect(current.textContent).toContain(HOSTILE);
    expect(current.querySelectorAll('img')).toHaveLength(0);
  });

  it('speaks Chinese in zh_CN', async () => {
    await renderPopup({}, withPage({}), 'zh_CN');
    expect((await screen.findByTestId('page-counts')).textContent).toBe('已检查 60 件 · 风险 2 件');
  });
});

describe('popup trusted', () => {
  it('lists trusted items and shops and undoes one by key', async () => {
    const { send } = await renderPopup({
      trusted: [
        { kind: 'shop', key: 'shop-id:40001', label: HOSTILE, createdAt: NOW },
        { kind: 'item', key: 'item:790000000002', label: 'LV 原单', createdAt: NOW - DAY },
      ],
    });
    fireEvent.click(screen.getByRole('tab', { name: 'Trusted' }));
    const list = await screen.findByTestId('trusted-list');
    expect(list.querySelectorAll(':scope > li')).toHaveLength(2);
    expect(list.querySelectorAll('img')).toHaveLength(0);
    fireEvent.click(within(list.querySelectorAll<HTMLElement>(':scope > li')[1]!).getByRole('button', { name: 'Undo trust' }));
    expect(send).toHaveBeenCalledWith('untrust', { key: 'item:790000000002' });
  });
});

describe('popup summary', () => {
  it('counts by risk and brand and draws 30 days of bars', async () => {
    await renderPopup({ history: HISTORY });
    fireEvent.click(screen.getByRole('tab', { name: 'Summary' }));
    const risks = await screen.findByTestId('risk-counts');
    expect([...risks.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['2', '1']);
    const brands = screen.getByTestId('brand-counts');
    expect([...brands.querySelectorAll('tr')].map((tr) => tr.textContent)).toEqual(['chanel1', 'Gucci1', 'Louis Vuitton1']);
    expect(document.querySelectorAll('svg rect.bar')).toHaveLength(30);
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe('3 listings first flagged in the last 30 days; most in one day: 1.');
  });
});

describe('popup reports desk', () => {
  const reports = Array.from({ length: 320 }, (_, i) => reportRecord(i + 1, { itemId: String(700000000000 + i), title: `GUCCI 高仿 ${i}`, lastSeen: NOW - i }));

  it('is not there for shoppers', async () => {
    await renderPopup({ reports });
    await screen.findByText(/No flagged listings yet/);
    expect(screen.queryByRole('tab', { name: 'Reports' })).toBeNull();
    expect(screen.getAllByRole('tab').map((tab) => tab.textContent)).toEqual(['History', 'Summary', 'Trusted']);
  });

  it('selects many, copies URL batches of at most 300, marks submitted, exports a zip', async () => {
    const { send, copyText, saveFile } = await renderPopup({ reports }, { role: 'brand-staff' });
    fireEvent.click(screen.getByRole('tab', { name: 'Reports' }));
    const list = await screen.findByTestId('report-list');
    // Fifty at a time; select all takes every report the filters show.
    expect(list.querySelectorAll(':scope > li')).toHaveLength(50);
    expect(screen.getByText('Page 1 of 7')).toBeTruthy();
    expect(within(list.querySelector<HTMLElement>(':scope > li')!).getByText('Draft')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('Select all'));
    expect(screen.getByTestId('selected-count').textContent).toBe('320 selected');
    expect(screen.getByTestId('ipp-batches').textContent).toBe('URLs: 320 · batches of at most 300, one complaint each: 2');

    fireEvent.click(screen.getByRole('button', { name: 'Copy URLs for IPP' }));
    await waitFor(() => expect(copyText).toHaveBeenCalledTimes(1));
    const first = copyText.mock.calls[0]![0].split('\n');
    expect(first).toHaveLength(300);
    expect(first[0]).toBe('https://item.taobao.com/item.htm?id=700000000000');
    fireEvent.click(screen.getByRole('button', { name: 'Copy batch 2' }));
    await waitFor(() => expect(copyText).toHaveBeenCalledTimes(2));
    expect(copyText.mock.calls[1]![0].split('\n')).toHaveLength(20);
    expect(screen.getByText('Copied 20 URLs.')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Set status of the selected'), { target: { value: 'submitted' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    expect(send).toHaveBeenCalledWith('setReportStatus', { ids: reports.map((r) => r.id), status: 'submitted' });

    fireEvent.click(screen.getByLabelText('Select all'));
    fireEvent.click(screen.getByLabelText(/GUCCI 高仿 1\u2069$/));
    fireEvent.click(screen.getByRole('button', { name: 'Export evidence zip' }));
    await waitFor(() => expect(saveFile).toHaveBeenCalled());
    const [name, blob] = saveFile.mock.calls[0]!;
    expect(name).toBe('counterfeit-radar-evidence-2026-03-15.zip');
    const files = unzipSync(new Uint8Array(await blob.arrayBuffer()));
    expect(Object.keys(files).filter((f) => !f.endsWith('/')).sort()).toEqual(['SHA256SUMS', 'chain.json', 'manifest.json', 'report-2-700000000001/listing.json', 'report-2-700000000001/report.json']);
  });

  it('offers the text to copy by hand when the clipboard refuses', async () => {
    await renderPopup({ reports: reports.slice(0, 2) }, { role: 'brand-staff', copyText: async () => Promise.reject(new Error('denied')) });
    fireEvent.click(screen.getByRole('tab', { name: 'Reports' }));
    await screen.findByTestId('report-list');
    fireEvent.click(screen.getByLabelText('Select all'));
    fireEvent.click(screen.getByRole('button', { name: 'Copy URLs for IPP' }));
    const fallback = (await screen.findByRole('textbox', { name: 'Copy URLs for IPP' })) as HTMLTextAreaElement;
    expect(fallback.value).toBe('https://item.taobao.com/item.htm?id=700000000000\nhttps://item.taobao.com/item.htm?id=700000000001');
  });
});
