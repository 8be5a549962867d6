// @vitest-environment happy-dom
/** The Reports desk's shared-photo clusters: what a cluster shows, its reports selected for a batch, its URLs copied. */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { HistoryRecord, ReportRecord } from '../../../lib/activity/activity-db';
import { bitsToHex } from '../../../lib/photos/hash-words';
import type { PhotoRow } from '../../../lib/photos/photo-index';
import { historyRecord, reportRecord } from '../../activity/history-records';
import { seededRandom } from '../../photos/synthetic-photos';
import { renderPopup, type PopupData } from './popup-setup';

afterEach(cleanup);

const random = seededRandom(31);
const randomHash = () => bitsToHex(Uint32Array.from({ length: 10 }, () => Math.floor(random() * 2 ** 32)));
/** The hash with one bit of its 64-bit part and one of the rest flipped: the same photo re-encoded. */
const nearly = (hash: string) => bitsToHex(Uint32Array.from({ length: 10 }, (_, i) => Number.parseInt(hash.slice(i * 8, i * 8 + 8), 16) ^ (i === 0 || i === 5 ? 1 : 0)));
const photo = (itemId: string, hash: string): PhotoRow => ({ hash, itemId, shopKey: null, platform: 'taobao', firstSeen: 1, lastSeen: 1 });
const url = (itemId: string) => `https://item.taobao.com/item.htm?id=${itemId}`;

const SHARED = randomHash();
const reports: ReportRecord[] = [
  reportRecord(1, { itemId: '800000000001', title: 'GUCCI 高仿 马衔扣', shop: '广州皮具厂' }, { reason: 'counterfeit', status: 'removed' }),
  reportRecord(2, { itemId: '800000000002', title: 'GUCCI 原单 乐福鞋', shop: '莆田鞋业' }, { reason: 'counterfeit' }),
  reportRecord(3, { itemId: '800000000003', title: 'GUCCI 1:1 腰带', shop: '另一家店' }, { reason: 'counterfeit' }),
];
const history: HistoryRecord[] = [
  historyRecord({ itemId: '800000000001', title: 'GUCCI 高仿 马衔扣', shop: '广州皮具厂' }),
  historyRecord({ itemId: '800000000004', title: 'GUCCI 复刻 乐福鞋', shop: '义乌仓库', risk: 'medium' }),
  // Not flagged: a low-risk listing with the photo joins no cluster.
  historyRecord({ itemId: '800000000006', title: 'GUCCI 正品 乐福鞋', shop: '正规店', risk: 'low' }),
];
const photos = [photo('800000000001', SHARED), photo('800000000002', nearly(SHARED)), photo('800000000003', randomHash()), photo('800000000004', SHARED), photo('800000000006', SHARED)];

async function openDesk(data: PopupData, locale: 'en' | 'zh_CN' = 'en') {
  const rendered = await renderPopup(data, { role: 'brand-staff' }, locale);
  fireEvent.click(screen.getByRole('tab', { name: locale === 'en' ? 'Reports' : /举报/ }));
  await screen.findByTestId('report-list');
  return rendered;
}

describe('reports desk: shops sharing a photo', () => {
  it('shows a cluster of the reported and flagged listings that share a photo, shop by shop', async () => {
    await openDesk({ reports, history, photos });
    const clusters = await screen.findAllByTestId('photo-cluster');
    expect(clusters).toHaveLength(1);
    const cluster = clusters[0]!;
    expect(cluster.firstChild?.textContent).toBe('3 shops · 3 listings · 2 reported');
    expect(within(cluster).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['广州皮具厂: GUCCI 高仿 马衔扣 (reported)', '莆田鞋业: GUCCI 原单 乐福鞋 (reported)', '义乌仓库: GUCCI 复刻 乐福鞋']);
    expect(within(cluster).getAllByRole('link').map((a) => a.getAttribute('href'))).toEqual(['800000000001', '800000000002', '800000000004'].map(url));
  });

  it('selects the cluster’s reports whatever the filters hid, and the desk batches them', async () => {
    await openDesk({ reports, history, photos });
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'draft' } });
    expect(screen.getByTestId('shown-count').textContent).toBe('2 of 3 reports');
    fireEvent.click(await screen.findByRole('button', { name: 'Select its 2 reports' }));
    expect(screen.getByTestId('shown-count').textContent).toBe('3 of 3 reports');
    expect(screen.getByTestId('selected-count').textContent).toBe('2 selected');
    expect(screen.getAllByTestId('ipp-batch').map((b) => b.firstChild?.textContent)).toEqual(['Batch 1: Gucci · Counterfeit goods · 2 URLs']);
  });

  it('copies the URLs of every listing in the cluster, the flagged ones not reported yet included', async () => {
    const { copyText } = await openDesk({ reports, history, photos });
    fireEvent.click(await screen.findByRole('button', { name: 'Copy its 3 URLs' }));
    await waitFor(() => expect(copyText).toHaveBeenCalledTimes(1));
    expect(copyText.mock.calls[0]![0].split('\n')).toEqual(['800000000001', '800000000002', '800000000004'].map(url));
    expect(within(screen.getByTestId('photo-clusters')).getByRole('status').textContent).toBe('Copied 3 URLs.');
  });

  it('shows nothing when no photo is shared across shops, and the largest five clusters until asked for all', async () => {
    await openDesk({ reports, history, photos: photos.filter((row) => row.itemId !== '800000000001' && row.itemId !== '800000000004') });
    expect(screen.queryByTestId('photo-clusters')).toBeNull();
    cleanup();

    const pairs = Array.from({ length: 7 }, (_, i) => ({ hash: randomHash(), ids: [`81000000000${i}`, `82000000000${i}`] }));
    await openDesk({
      reports: pairs.flatMap((pair, i) => pair.ids.map((itemId, j) => reportRecord(10 + 2 * i + j, { itemId, title: `GUCCI ${itemId}`, shop: `店${i}-${j}` }))),
      photos: pairs.flatMap((pair) => pair.ids.map((itemId) => photo(itemId, pair.hash))),
    });
    expect(await screen.findAllByTestId('photo-cluster')).toHaveLength(5);
    fireEvent.click(screen.getByRole('button', { name: 'Show all 7 clusters' }));
    expect(screen.getAllByTestId('photo-cluster')).toHaveLength(7);
  });

  it('speaks Chinese in zh_CN', async () => {
    await openDesk({ reports, history, photos }, 'zh_CN');
    const cluster = await screen.findByTestId('photo-cluster');
    expect(screen.getByRole('heading', { name: '共用同一张图片的店铺' })).toBeTruthy();
    expect(cluster.firstChild?.textContent).toBe('3 家店铺 · 3 个商品 · 已举报 2 个');
    expect(within(cluster).getByRole('button', { name: '复制其 3 个链接' })).toBeTruthy();
  });
});
