/**
 * Reports made and moved through the desk, exported as an evidence zip, checked by `cli evidence
 * verify`: it passes untouched and names the entry for a changed byte, a deleted entry, reordered
 * entries and a swapped file (also when the tamperer fixes the manifest to match).
 */
import 'fake-indexeddb/auto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ActivityDatabase } from '../../lib/activity/activity-db';
import { createReport } from '../../lib/activity/reports';
import { evidenceZip } from '../../lib/activity/reports-export';
import { changeReportStatus, updateReportCase } from '../../lib/evidence/case-desk';
import { evidenceChain, logReportCreated, logUnloggedReports, verifyStoredChain } from '../../lib/evidence/evidence-log';
import { ensureInstallationKey, keyFingerprint, signHead, toBase64 } from '../../lib/evidence/installation-key';
import { addCapture, reportOfListing } from '../../lib/evidence/report-captures';
import { sha256Hex } from '../../lib/evidence/sha256';
import { verifyEvidenceZip } from '../../lib/evidence/verify-evidence-zip';
import { NOW, reportRecord } from '../activity/history-records';
import { cli } from '../cli/cli-harness';

// Two different 1×1 PNGs (transparent and red), so a swap changes bytes.
const PNG_A = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const PNG_B = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';

const DAY_MS = 86_400_000;

let db: ActivityDatabase;

async function makeReport(itemId: string, screenshot: string, at: number) {
  const base = reportRecord(0, { itemId, title: `GUCCI 高仿 ${itemId}` });
  const report = await createReport(db, { listing: base.listing, verdict: base.verdict, pageUrl: base.pageUrl, cardMarkup: base.cardMarkup, screenshot, screenshotNote: null }, at);
  await logReportCreated(db, { ...report, id: report.id! });
  return report;
}

async function exportedZip(signed = false): Promise<Uint8Array> {
  await makeReport('700000000001', PNG_A, NOW);
  await makeReport('700000000002', PNG_B, NOW + 1000);
  await changeReportStatus(db, [1, 2], 'batched', NOW + 2000, { batchId: 'gucci-counterfeit-1' });
  await changeReportStatus(db, [1], 'submitted', NOW + 3000, { complaintId: 'IPP-2026-0042' });
  return evidenceZip(await db.reports.toArray(), await evidenceChain(db), NOW + 4000, undefined, signed ? await db.keys.get('installation') : null);
}

type Files = Record<string, Uint8Array>;

function chainOf(files: Files): { format: string; entries: Record<string, unknown>[] } {
  return JSON.parse(strFromU8(files['chain.json']!));
}

function withChain(files: Files, entries: unknown[]): Files {
  return { ...files, 'chain.json': strToU8(JSON.stringify({ format: 'counterfeit-radar.evidence-chain', entries }, null, 2) + '\n') };
}

/** What a careful tamperer does after changing files: make manifest and SHA256SUMS agree with them. */
async function withManifestFixed(files: Files, chainLength?: number, chainHead?: string): Promise<Files> {
  const manifest = JSON.parse(strFromU8(files['manifest.json']!));
  manifest.chain.sha256 = await sha256Hex(files['chain.json']!);
  if (chainLength !== undefined) manifest.chain.length = chainLength;
  if (chainHead !== undefined) manifest.chain.head = chainHead;
  const sums: string[] = [];
  for (const report of manifest.reports) {
    for (const path of Object.keys(report.files)) {
      report.files[path] = await sha256Hex(files[path]!);
      sums.push(`${report.files[path]}  ${path}`);
    }
  }
  sums.push(`${manifest.chain.sha256}  chain.json`);
  return { ...files, 'manifest.json': strToU8(JSON.stringify(manifest, null, 2) + '\n'), SHA256SUMS: strToU8(sums.join('\n') + '\n') };
}

beforeEach(async () => {
  db = new ActivityDatabase();
  await db.delete();
  await db.open();
});

afterEach(() => db.close());

describe('the evidence log in the activity database', () => {
  it('logs each report made and each status change, and verifies', async () => {
    await exportedZip();
    const chain = await evidenceChain(db);
    expect(chain.map((e) => [e.seq, e.kind, e.reportId])).toEqual([
      [1, 'report', 1],
      [2, 'report', 2],
      [3, 'status', 1],
      [4, 'status', 2],
      [5, 'status', 1],
    ]);
    expect(chain[0]!.files.map((f) => f.name)).toEqual(['listing.json', 'screenshot.png']);
    expect(JSON.parse(chain[4]!.data!)).toEqual({ from: 'batched', to: 'submitted', complaintId: 'IPP-2026-0042' });
    expect(await verifyStoredChain(db)).toMatchObject({ ok: true, length: 5 });
    const report = await db.reports.get(1);
    expect(report).toMatchObject({ status: 'submitted', complaintId: 'IPP-2026-0042', batchId: 'gucci-counterfeit-1' });
    expect(report!.statusChanges).toEqual([
      { status: 'draft', at: NOW },
      { status: 'batched', at: NOW + 2000 },
      { status: 'submitted', at: NOW + 3000 },
    ]);
  });

  it('a status a report already has is not logged again; case details that matter are', async () => {
    await makeReport('700000000001', PNG_A, NOW);
    expect(await changeReportStatus(db, [1, 99], 'draft', NOW + 1)).toBe(0);
    expect(await updateReportCase(db, 1, { notes: 'seller moved shop', reason: 'counterfeit' }, NOW + 2)).toBe(true);
    expect(await updateReportCase(db, 99, { notes: 'x' }, NOW + 3)).toBe(false);
    const chain = await evidenceChain(db);
    expect(chain.map((e) => e.kind)).toEqual(['report', 'status']);
    expect(JSON.parse(chain[1]!.data!)).toEqual({ status: 'draft', reason: 'counterfeit' });
    expect(await db.reports.get(1)).toMatchObject({ notes: 'seller moved shop', reason: 'counterfeit' });
  });

  it('logs reports made before the log once, dated when logged and saying so', async () => {
    await db.reports.bulkPut([reportRecord(7, { itemId: '700000000007', title: 'old' }, { screenshot: PNG_A, screenshotNote: null })]);
    await makeReport('700000000001', PNG_A, NOW);
    expect(await logUnloggedReports(db, NOW + 5000)).toBe(1);
    expect(await logUnloggedReports(db, NOW + 6000)).toBe(0);
    const chain = await evidenceChain(db);
    expect(chain.map((e) => [e.reportId, e.at])).toEqual([
      [8, NOW],
      [7, NOW + 5000],
    ]);
    expect(JSON.parse(chain[1]!.data!)).toMatchObject({ itemId: '700000000007', createdAt: NOW, loggedLate: true });
    const zip = await evidenceZip(await db.reports.toArray(), chain, NOW + 7000);
    expect(await verifyEvidenceZip(zip)).toMatchObject({ ok: true, entries: 2, reports: 2, signedBy: null, notes: ['the zip is not signed (the installation has no Ed25519 key)'] });
  });

  it('a listing reported again gets a capture on its report, logged with its files, exported and checked', async () => {
    const report = await makeReport('700000000001', PNG_A, NOW);
    expect((await reportOfListing(db, '700000000001'))?.id).toBe(report.id);
    expect(await reportOfListing(db, '700000000009')).toBeNull();
    const added = await addCapture(db, report.id!, { at: NOW + DAY_MS, listing: report.listing, verdict: report.verdict, pageUrl: 'https://item.taobao.com/item.htm?id=700000000001', screenshot: PNG_B, screenshotNote: null });
    expect(added?.n).toBe(1);
    expect(added?.entry).toMatchObject({ seq: 2, kind: 'capture', reportId: report.id, files: [{ name: 'capture-1.json' }, { name: 'capture-1.png' }] });
    expect(await addCapture(db, 99, { ...(await db.reports.get(1))!.captures![0]! })).toBeNull();

    const files = unzipSync(await evidenceZip(await db.reports.toArray(), await evidenceChain(db), NOW + 2 * DAY_MS));
    const folder = 'report-1-700000000001';
    expect(Object.keys(files).filter((f) => f.startsWith(`${folder}/`) && !f.endsWith('/')).sort()).toEqual(['capture-1.json', 'capture-1.png', 'listing.json', 'report.json', 'screenshot.png'].map((f) => `${folder}/${f}`));
    expect(JSON.parse(strFromU8(files[`${folder}/report.json`]!)).captures).toEqual([expect.objectContaining({ n: 1, screenshot: true, at: new Date(NOW + DAY_MS).toISOString() })]);
    expect(await verifyEvidenceZip(zipSync(files))).toMatchObject({ ok: true, entries: 2 });
    // The capture's screenshot swapped for the report's, manifest fixed: its entry names it.
    const swapped = await withManifestFixed({ ...files, [`${folder}/capture-1.png`]: files[`${folder}/screenshot.png`]!, [`${folder}/screenshot.png`]: files[`${folder}/capture-1.png`]! });
    expect(await verifyEvidenceZip(zipSync(swapped))).toMatchObject({ ok: false, seq: 1, reason: expect.stringContaining(`${folder}/screenshot.png is not the file it recorded`) });
  });

  it('makes one installation key with the first entry; without Ed25519 there is none and the log still works', async () => {
    await makeReport('700000000001', PNG_A, NOW);
    const key = await db.keys.get('installation');
    expect(key).toMatchObject({ createdAt: NOW, privateKey: { type: 'private', extractable: false } });
    expect(await ensureInstallationKey(db, NOW + 1)).toEqual(key);

    await db.delete();
    await db.open();
    const refuse = vi.spyOn(crypto.subtle, 'generateKey').mockRejectedValue(new DOMException('Unrecognized name', 'NotSupportedError'));
    try {
      await makeReport('700000000001', PNG_A, NOW);
      expect(await db.keys.count()).toBe(0);
      expect(await verifyStoredChain(db)).toMatchObject({ ok: true, length: 1 });
    } finally {
      refuse.mockRestore();
    }
  });

  it('appends one at a time: concurrent appends make one unbroken chain', async () => {
    await Promise.all(Array.from({ length: 12 }, (_, i) => makeReport(String(700000000100 + i), PNG_A, NOW + i)));
    expect(await verifyStoredChain(db)).toMatchObject({ ok: true, length: 12 });
  });
});

describe('cli evidence verify', () => {
  async function verifyFile(bytes: Uint8Array) {
    const path = join(mkdtempSync(join(tmpdir(), 'evidence-')), 'evidence.zip');
    writeFileSync(path, bytes);
    return { path, ...(await cli(['evidence', 'verify', path])) };
  }

  it('an untouched export verifies', async () => {
    const zip = await exportedZip();
    const { path, code, stdout, stderr } = await verifyFile(zip);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(`${path}: verifies: chain of 5 entries`);
    expect(stdout).toContain('2 reports, 9 files');
  });

  it('an export of some reports leaves the others’ data out and still verifies', async () => {
    await exportedZip();
    const zip = await evidenceZip([(await db.reports.get(2))!], await evidenceChain(db), NOW);
    const entries = chainOf(unzipSync(zip)).entries;
    expect(entries.filter((e) => e.data === null).map((e) => e.seq)).toEqual([1, 3, 5]);
    expect(await verifyEvidenceZip(zip)).toMatchObject({ ok: true, entries: 5, reports: 1 });
  });

  it('names the entry with a changed byte', async () => {
    const files = unzipSync(await exportedZip());
    const entries = chainOf(files).entries;
    entries[4]!.data = String(entries[4]!.data).replace('0042', '0043');
    const result = await verifyFile(zipSync(await withManifestFixed(withChain(files, entries))));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/does not verify: entry 5 does not verify: its data does not match/);
  });

  it('names the entry after a deleted one, and a deleted last entry', async () => {
    const files = unzipSync(await exportedZip());
    const entries = chainOf(files).entries;
    const gap = await verifyFile(zipSync(await withManifestFixed(withChain(files, entries.filter((e) => e.seq !== 3)), 4)));
    expect(gap.code).toBe(1);
    expect(gap.stderr).toContain('entry 4 does not verify');
    const cut = await verifyFile(zipSync(await withManifestFixed(withChain(files, entries.slice(0, 4)))));
    expect(cut.code).toBe(1);
    expect(cut.stderr).toContain('the chain has 4 entries');
  });

  it('names reordered entries', async () => {
    const files = unzipSync(await exportedZip());
    const entries = chainOf(files).entries;
    const swapped = [entries[0], entries[2], entries[1], entries[3], entries[4]];
    const result = await verifyFile(zipSync(await withManifestFixed(withChain(files, swapped))));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('entry 3 does not verify');
  });

  it('names a swapped file: by the manifest, and by its chain entry when the manifest is fixed too', async () => {
    const files = unzipSync(await exportedZip());
    const a = 'report-1-700000000001/screenshot.png';
    const b = 'report-2-700000000002/screenshot.png';
    const swapped = { ...files, [a]: files[b]!, [b]: files[a]! };
    const naive = await verifyFile(zipSync(swapped));
    expect(naive.code).toBe(1);
    expect(naive.stderr).toContain(`${a} does not match its SHA-256 in the manifest`);
    const careful = await verifyFile(zipSync(await withManifestFixed(swapped)));
    expect(careful.code).toBe(1);
    expect(careful.stderr).toContain(`entry 1 does not verify: ${a} is not the file it recorded`);
  });

  it('names a changed byte in an evidence file, an added file and a broken zip', async () => {
    const files = unzipSync(await exportedZip());
    const listing = 'report-2-700000000002/listing.json';
    const edited = { ...files, [listing]: strToU8(strFromU8(files[listing]!).replace('高仿', '正品')) };
    expect(await verifyEvidenceZip(zipSync(await withManifestFixed(edited)))).toMatchObject({ ok: false, seq: 2, reason: expect.stringContaining(listing) });
    expect(await verifyEvidenceZip(zipSync({ ...files, 'extra.png': new Uint8Array([1]) }))).toMatchObject({ ok: false, reason: 'extra.png is in the zip but not in the manifest' });
    const broken = await verifyFile(new Uint8Array([1, 2, 3]));
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('not a readable zip');
  });

  it('a signed export names its key; --key requires it; a changed or foreign signature fails', async () => {
    const zip = await exportedZip(true);
    const key = (await db.keys.get('installation'))!;
    const fingerprint = await keyFingerprint(key.publicKey);
    const signed = await verifyFile(zip);
    expect(signed.code).toBe(0);
    expect(signed.stdout).toContain(`signed by installation key ${fingerprint} (${key.publicKey})`);
    const path = signed.path;
    expect((await cli(['evidence', 'verify', path, '--key', key.publicKey])).code).toBe(0);

    const files = unzipSync(zip);
    const signature = JSON.parse(strFromU8(files['signature.json']!));
    const flipped = { ...signature, signature: signature.signature.startsWith('A') ? `B${signature.signature.slice(1)}` : `A${signature.signature.slice(1)}` };
    expect(await verifyEvidenceZip(zipSync({ ...files, 'signature.json': strToU8(JSON.stringify(flipped)) }))).toMatchObject({ ok: false, reason: 'signature.json does not verify under its public key' });

    // A tamperer drops the last entry, fixes the manifest and signs with a key of their own.
    const entries = chainOf(files).entries.slice(0, 4);
    const forged = await withManifestFixed(withChain(files, entries), 4, String(entries[3]!.hash));
    const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair;
    const theirs = toBase64(new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey)));
    const forgedZip = zipSync({ ...forged, 'signature.json': strToU8(JSON.stringify(await signHead({ privateKey: pair.privateKey, publicKey: theirs }, 4, String(entries[3]!.hash)))) });
    expect(await verifyEvidenceZip(forgedZip)).toMatchObject({ ok: true, signedBy: { publicKey: theirs } });
    const caught = await verifyFile(forgedZip);
    const withKey = await cli(['evidence', 'verify', caught.path, '--key', key.publicKey]);
    expect(withKey.code).toBe(1);
    expect(withKey.stderr).toContain(`signed by key ${await keyFingerprint(theirs)}, not by the key given`);
    // The old signature left in place no longer matches the shortened chain.
    expect(await verifyEvidenceZip(zipSync(forged))).toMatchObject({ ok: false, reason: 'signature.json signs another chain head than the one in the zip' });
  });

  it('usage errors exit 2', async () => {
    expect((await cli(['evidence'])).code).toBe(2);
    expect((await cli(['evidence', 'verify', '/nonexistent/evidence.zip'])).stderr).toContain('cannot read');
  });
});
