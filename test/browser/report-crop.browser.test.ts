/**
 * A brand-staff report from the badge, with the screenshot permission granted: one record with the
 * visible tab, the listing's frame in it, a highlighted crop among its evidence files, and our badges
 * back on the page afterwards; the same listing reported again after the repeat window gets a second
 * capture with its own crop; the evidence zip made from what the browser stored verifies.
 *
 * Firefox only, for a reason of the browser, not of the extension: the test grants the optional
 * `<all_urls>` permission through Firefox's privileged ExtensionPermissions, and headless Chromium
 * refuses `permissions.request` with no prompt to accept (and its host permissions for Taobao do not
 * allow captureVisibleTab: "Either the '<all_urls>' or 'activeTab' permission is required").
 */
import type { Page } from 'puppeteer-core';
import { decode } from 'fast-png';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIVITY_DB_NAME, type ReportRecord } from '../../lib/activity/activity-db';
import { REPORT_REPEAT_MS } from '../../lib/activity/reports';
import { evidenceZip } from '../../lib/activity/reports-export';
import type { EvidenceEntry } from '../../lib/evidence/evidence-chain';
import { verifyEvidenceZip } from '../../lib/evidence/verify-evidence-zip';
import { reportEvidenceFiles } from '../../lib/evidence/report-files';
import { pngBytes } from '../../lib/evidence/png-data-url';
import { pngSize } from '../../lib/evidence/listing-frame';
import { readBadges, clickAction, settledBadgeIds } from './badge-probe';
import { launchWithExtension, setViewport, type RunningBrowser } from './browsers';
import { readExtensionStore, setExtensionStorage } from './extension-state';
import { startFixtureServer, type FixtureServer } from './fixture-server';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const MESSAGES = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'public', '_locales', 'en', 'messages.json'), 'utf8')) as Record<string, { message: string }>;
const ITEM_ID = '778899001122';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let server: FixtureServer;
let run: RunningBrowser;
let page: Page;
beforeAll(async () => {
  server = await startFixtureServer();
  run = await launchWithExtension('firefox', server.port);
  await run.firefoxChrome(`const { ExtensionPermissions } = ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs');
    await ExtensionPermissions.add(policy.id, { permissions: [], origins: ['<all_urls>'] }, policy.extension);
    return '';`);
  await setExtensionStorage(run, { settings: { role: 'brand-staff', sensitivity: 'balanced', showLowMarks: false, mutedBrands: [], pausedSites: [] } });
  page = await run.browser.newPage();
  await setViewport(run, page, { width: 1280, height: 900 });
});
afterAll(async () => {
  await run?.close();
  await server?.close();
});

describe('firefox', () => {
  it('a report from the badge keeps the visible tab and a crop of the item header with a box round it', async () => {
    await page.goto(server.urlFor('pc-item-taobao-unprefixed', run.origin), { waitUntil: 'domcontentloaded' });
    expect(await settledBadgeIds(page, 1)).toContain(ITEM_ID);
    const clicked = Date.now();
    await clickAction(page, ITEM_ID, MESSAGES.badgeActionReportEvidence!.message);
    let reports: ReportRecord[] = [];
    for (let i = 0; i < 100 && !reports[0]?.screenshot; i++) {
      if (i > 0) await sleep(50);
      reports = await readExtensionStore<ReportRecord>(run, ACTIVITY_DB_NAME, 'reports');
    }
    console.log(`click to report saved (with screenshot and crop): ${Date.now() - clicked} ms (read every 50 ms)`);
    expect(reports).toHaveLength(1);
    const report = reports[0]!;
    expect(report.screenshotNote).toBeNull();
    const size = pngSize(pngBytes(report.screenshot!)!)!;
    const frame = report.frame!;
    expect(frame.width).toBeGreaterThan(100);
    expect(frame.x + frame.width).toBeLessThanOrEqual(size.width);
    expect(frame.y + frame.height).toBeLessThanOrEqual(size.height);

    const files = reportEvidenceFiles(report);
    expect(Object.keys(files).sort()).toEqual(['listing.json', 'screenshot-listing.png', 'screenshot.png']);
    if (process.env.CR_CROP_OUT) writeFileSync(process.env.CR_CROP_OUT, files['screenshot-listing.png']!);
    const crop = decode(files['screenshot-listing.png']!);
    expect(crop.width).toBeGreaterThan(frame.width);
    expect(crop.width).toBeLessThanOrEqual(size.width);
    // The box is drawn in red just outside the listing: some pixel of the crop's rows is pure box red.
    const red = [0xe0, 0x1b, 0x24];
    let redPixels = 0;
    for (let i = 0; i < crop.data.length; i += crop.channels) if (crop.data[i] === red[0] && crop.data[i + 1] === red[1] && crop.data[i + 2] === red[2]) redPixels++;
    expect(redPixels).toBeGreaterThan(2 * frame.width);

    // Our badge was hidden for the capture and is shown again.
    await page.waitForFunction(() => [...document.querySelectorAll('cr-badge')].every((host) => getComputedStyle(host).visibility !== 'hidden'), { timeout: 5_000 });
    expect((await readBadges(page)).some((b) => b.itemId === ITEM_ID && b.level !== null)).toBe(true);
  });

  it('reported again after the repeat window: a capture with its own crop, and the evidence zip verifies', async () => {
    const [first] = await readExtensionStore<ReportRecord>(run, ACTIVITY_DB_NAME, 'reports');
    const wait = first!.createdAt + REPORT_REPEAT_MS + 1_000 - Date.now();
    if (wait > 0) await sleep(wait);
    await page.bringToFront();
    await clickAction(page, ITEM_ID, MESSAGES.badgeActionReportEvidence!.message);
    let reports: ReportRecord[] = [];
    for (let i = 0; i < 100 && !reports[0]?.captures?.[0]?.screenshot; i++) {
      if (i > 0) await sleep(50);
      reports = await readExtensionStore<ReportRecord>(run, ACTIVITY_DB_NAME, 'reports');
    }
    expect(reports).toHaveLength(1);
    const [capture] = reports[0]!.captures!;
    expect(capture!.frame!.width).toBeGreaterThan(100);
    expect(Object.keys(reportEvidenceFiles(reports[0]!))).toEqual(expect.arrayContaining(['capture-1.png', 'capture-1-listing.png', 'capture-1.json']));

    const chain = await readExtensionStore<EvidenceEntry>(run, ACTIVITY_DB_NAME, 'evidence');
    expect(chain.map((e) => e.kind)).toEqual(['report', 'capture']);
    const zip = await evidenceZip(reports, chain, Date.now());
    console.log(`evidence zip of one report with a screenshot, a later capture and both crops (1280 × 900 viewport): ${(zip.length / 1024).toFixed(0)} KiB`);
    expect(await verifyEvidenceZip(zip)).toMatchObject({ ok: true, entries: 2, reports: 1 });
  }, 120_000);
});
