// @vitest-environment happy-dom
/** The Reports desk: search and filters, sort, batches by brand and reason, figures, case details, delete with Undo. */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReportRecord } from '../../../lib/activity/activity-db';
import { DAY, NOW, reportRecord } from '../../activity/history-records';
import { renderPopup } from './popup-setup';

afterEach(cleanup);

const desk = (id: number, itemId: string, title: string, extra: Partial<ReportRecord>, spec: { brand?: string; shop?: string } = {}) =>
  reportRecord(id, { itemId, title, brand: spec.brand ?? 'gucci', ...(spec.shop ? { shop: spec.shop } : {}) }, { brand: spec.brand ?? 'gucci', reason: null, complaintId: null, notes: '', batchId: null, ...extra });

const reports: ReportRecord[] = [
  desk(1, '700000000001', 'GUCCI 高仿 马衔扣', { reason: 'counterfeit', createdAt: NOW - 10 * DAY, status: 'removed', statusChanges: [{ status: 'draft', at: NOW - 10 * DAY }, { status: 'submitted', at: NOW - 9 * DAY }, { status: 'removed', at: NOW - 7 * DAY }], complaintId: 'IPP-1001' }),
  desk(2, '700000000002', 'GUCCI 原单 托特包', { reason: 'counterfeit', createdAt: NOW - 5 * DAY, status: 'removed', statusChanges: [{ status: 'draft', at: NOW - 5 * DAY }, { status: 'submitted', at: NOW - 4 * DAY }, { status: 'removed', at: NOW }] }),
  desk(3, '700000000003', 'GUCCI 1:1 腰带', { reason: 'trademark', createdAt: NOW - 2 * DAY, status: 'rejected', notes: 'seller sent invoice' }, { shop: '广州皮具厂' }),
  desk(4, '700000000004', 'CHANEL 复刻 口红', { createdAt: NOW - DAY }, { brand: 'chanel' }),
  desk(5, '700000000005', 'GUCCI 高仿 钱包', {
    reason: 'counterfeit',
    createdAt: NOW,
    screenshot: 'data:image/png;base64,iVBORw0KGgo=',
    screenshotNote: null,
    captures: [{ at: NOW, listing: reportRecord(5, { itemId: '700000000005', title: 'x' }).listing, verdict: reportRecord(5, { itemId: '700000000005', title: 'x' }).verdict, pageUrl: 'https://item.taobao.com/item.htm?id=700000000005', screenshot: null, screenshotNote: 'refused' }],
  }),
];

async function openDesk(send?: ReturnType<typeof vi.fn>, locale: 'en' | 'zh_CN' = 'en') {
  const rendered = await renderPopup({ reports }, { role: 'brand-staff', ...(send ? { send: send as never } : {}) }, locale);
  fireEvent.click(screen.getByRole('tab', { name: locale === 'en' ? 'Reports' : /举报/ }));
  const list = await screen.findByTestId('report-list');
  return { ...rendered, list };
}

const titles = (list: HTMLElement) => [...list.querySelectorAll(':scope > li .entry-title')].map((a) => a.firstChild?.textContent);

describe('reports desk', () => {
  it('searches titles, shops, complaint ids and notes; filters by brand, status, shop and dates; sorts', async () => {
    const { list } = await openDesk();
    expect(titles(list)).toEqual(['GUCCI 高仿 钱包', 'CHANEL 复刻 口红', 'GUCCI 1:1 腰带', 'GUCCI 原单 托特包', 'GUCCI 高仿 马衔扣']);
    const search = screen.getByLabelText('Search reports (title, shop, complaint id, notes)');
    fireEvent.input(search, { target: { value: 'ipp-1001' } });
    expect(titles(list)).toEqual(['GUCCI 高仿 马衔扣']);
    fireEvent.input(search, { target: { value: 'invoice' } });
    expect(titles(list)).toEqual(['GUCCI 1:1 腰带']);
    fireEvent.input(search, { target: { value: '' } });

    fireEvent.change(screen.getByLabelText('Brand'), { target: { value: 'chanel' } });
    expect(titles(list)).toEqual(['CHANEL 复刻 口红']);
    fireEvent.change(screen.getByLabelText('Brand'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'removed' } });
    expect(titles(list)).toEqual(['GUCCI 原单 托特包', 'GUCCI 高仿 马衔扣']);
    expect(screen.getByTestId('shown-count').textContent).toBe('2 of 5 reports');
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'appealed' } });
    expect(screen.getByText('No report matches these filters.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: '' } });
    fireEvent.input(screen.getByLabelText('Shop'), { target: { value: '皮具' } });
    expect(titles(list)).toEqual(['GUCCI 1:1 腰带']);
    fireEvent.input(screen.getByLabelText('Shop'), { target: { value: '' } });

    const day = (time: number) => new Date(time - new Date(time).getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
    fireEvent.input(screen.getByLabelText('Reported from'), { target: { value: day(NOW - 5 * DAY) } });
    fireEvent.input(screen.getByLabelText('Reported until'), { target: { value: day(NOW - DAY) } });
    expect(titles(list)).toEqual(['CHANEL 复刻 口红', 'GUCCI 1:1 腰带', 'GUCCI 原单 托特包']);
    fireEvent.change(screen.getByLabelText('Sort'), { target: { value: 'oldest' } });
    expect(titles(list)).toEqual(['GUCCI 原单 托特包', 'GUCCI 1:1 腰带', 'CHANEL 复刻 口红']);
    fireEvent.change(screen.getByLabelText('Sort'), { target: { value: 'status' } });
    expect(titles(list)).toEqual(['CHANEL 复刻 口红', 'GUCCI 原单 托特包', 'GUCCI 1:1 腰带']);
  });

  it('says which reports have no screenshot and how many later captures a report has', async () => {
    await openDesk();
    const facts = (title: string) => screen.getByText(title).closest('li')!.querySelector('.muted')!.textContent;
    expect(facts('GUCCI 高仿 钱包')).toContain('1 later capture');
    expect(facts('GUCCI 高仿 钱包')).not.toContain('no screenshot');
    expect(facts('CHANEL 复刻 口红')).toContain('no screenshot');
  });

  it('offers a report without any screenshot to capture it from the listing’s page, and says why that failed', async () => {
    const send = vi.fn(async (type: string) => (type === 'captureReport' ? { ok: false, message: 'a screenshot needs the screenshot permission', problems: [], problemCount: 0 } : { updated: 1 }));
    await openDesk(send);
    const item = (title: string) => within(screen.getByText(title).closest('li')!);
    expect(item('GUCCI 高仿 钱包').queryByRole('button', { name: "capture it from the listing's page" })).toBeNull();
    fireEvent.click(item('CHANEL 复刻 口红').getByRole('button', { name: "capture it from the listing's page" }));
    await waitFor(() => expect(send).toHaveBeenCalledWith('captureReport', { id: 4 }));
    expect(await screen.findByText(/a screenshot needs the screenshot permission/)).toBeTruthy();
  });

  it('shows per-brand figures: reported, submitted, removed, rejected, median days to removal', async () => {
    await openDesk();
    const table = screen.getByTestId('brand-figures');
    const rows = [...table.querySelectorAll('tbody tr')].map((row) => [...row.children].map((cell) => cell.textContent));
    // Gucci: removed 2 days and 4 days after submission → median 3.
    expect(rows).toEqual([
      ['Gucci', '4', '3', '2', '1', '3'],
      ['chanel', '1', '0', '0', '0', '—'],
    ]);
  });

  it('makes one batch per brand and reason, copies each, and marks one as a batch', async () => {
    const { send, copyText } = await openDesk();
    fireEvent.click(screen.getByLabelText('Select all'));
    const batches = screen.getAllByTestId('ipp-batch').map((b) => b.firstChild?.textContent);
    expect(batches).toEqual([
      'Batch 1: chanel · no reason chosen · 1 URL',
      'Batch 2: Gucci · Counterfeit goods · 3 URLs',
      'Batch 3: Gucci · Trademark infringement · 1 URL',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Copy batch 2' }));
    await waitFor(() => expect(copyText).toHaveBeenCalledTimes(1));
    expect(copyText.mock.calls[0]![0].split('\n').sort()).toEqual(['700000000001', '700000000002', '700000000005'].map((id) => `https://item.taobao.com/item.htm?id=${id}`));
    fireEvent.click(within(screen.getAllByTestId('ipp-batch')[1]!).getByRole('button', { name: 'Mark as one batch' }));
    expect(send).toHaveBeenCalledWith('setReportStatus', { ids: expect.arrayContaining([1, 2, 5]), status: 'batched', batchId: `gucci/counterfeit/${new Date(NOW).toISOString()}/2` });
    expect(screen.getByText('Batch marked: 3 reports.')).toBeTruthy();
  });

  it('sets a status on the selected reports and saves case details', async () => {
    const { send } = await openDesk();
    fireEvent.click(screen.getByLabelText(/GUCCI 高仿 钱包/));
    fireEvent.change(screen.getByLabelText('Set status of the selected'), { target: { value: 'withdrawn' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    expect(send).toHaveBeenCalledWith('setReportStatus', { ids: [5], status: 'withdrawn' });

    const entry = screen.getByText('GUCCI 高仿 马衔扣').closest('li')!;
    const details = entry.querySelector('details')!;
    details.open = true;
    fireEvent(details, new Event('toggle'));
    const form = await within(entry).findByRole('button', { name: 'Save' });
    expect(within(entry).getByLabelText<HTMLInputElement>('Complaint id').value).toBe('IPP-1001');
    expect(within(entry).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      expect.stringMatching(/^Draft · /),
      expect.stringMatching(/^Submitted · /),
      expect.stringMatching(/^Removed · /),
    ]);
    fireEvent.input(within(entry).getByLabelText('Complaint id'), { target: { value: ' IPP-1002 ' } });
    fireEvent.change(within(entry).getByLabelText('Complaint reason'), { target: { value: 'trademark' } });
    fireEvent.input(within(entry).getByLabelText('Notes'), { target: { value: 'second complaint' } });
    fireEvent.click(form);
    expect(send).toHaveBeenCalledWith('updateReportCase', { id: 1, complaintId: 'IPP-1002', reason: 'trademark', notes: 'second complaint' });
  });

  it('deletes only after a confirmation, and offers Undo', async () => {
    const send = vi.fn(async (type: string) => (type === 'deleteReports' ? { deleted: 2, undoToken: 'delete-1' } : { restored: 2 }));
    await openDesk(send);
    fireEvent.click(screen.getByLabelText(/GUCCI 高仿 钱包/));
    fireEvent.click(screen.getByLabelText(/CHANEL 复刻 口红/));
    fireEvent.click(screen.getByRole('button', { name: 'Delete selected' }));
    const dialog = screen.getByRole('alertdialog');
    expect(dialog.textContent).toContain('Delete 2 reports? Their entries in the evidence log stay.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(send).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Delete selected' }));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete' }));
    expect(send).toHaveBeenCalledWith('deleteReports', { ids: [5, 4] });
    const note = await screen.findByTestId('deleted-note');
    expect(note.textContent).toContain('Deleted 2 reports.');
    fireEvent.click(within(note).getByRole('button', { name: 'Undo' }));
    expect(send).toHaveBeenCalledWith('undoDeleteReports', { undoToken: 'delete-1' });
    await waitFor(() => expect(screen.getByTestId('deleted-note').textContent).toBe('Restored 2 reports. '));
  });

  it('speaks Chinese in zh_CN', async () => {
    const { list } = await openDesk(undefined, 'zh_CN');
    expect(within(list).getAllByText('已下架')).toHaveLength(2);
    expect(within(list).getByText('已驳回')).toBeTruthy();
    expect(screen.getByText('按品牌统计')).toBeTruthy();
  });
});
