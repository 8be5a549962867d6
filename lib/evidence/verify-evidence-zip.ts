/**
 * Checks an evidence zip (reports-export.ts) offline: the chain from its first entry, the chain's
 * length and head against the manifest, every file against the manifest and SHA256SUMS, and every
 * evidence file against the hash its chain entry recorded when the report was made. Stops at the first
 * problem and names the entry (or file) it is in.
 */
import { strFromU8, unzipSync } from 'fflate';
import { verifyChain, type EvidenceEntry } from './evidence-chain';
import { keyFingerprint, signatureHolds, signedHeadText, type HeadSignature } from './installation-key';
import { sha256Hex } from './sha256';

export type ZipVerdict =
  | { ok: true; entries: number; head: string; reports: number; files: number; notes: string[]; signedBy: { publicKey: string; fingerprint: string } | null }
  /** `seq`: the chain entry that does not verify (null when the problem is not in one entry). */
  | { ok: false; seq: number | null; reason: string };

interface ManifestReport {
  reportId: number | null;
  folder: string;
  files: Record<string, string>;
}

interface Manifest {
  format?: unknown;
  formatVersion?: unknown;
  chain?: { file?: unknown; sha256?: unknown; length?: unknown; head?: unknown };
  reports?: ManifestReport[];
}

const fail = (reason: string, seq: number | null = null): ZipVerdict => ({ ok: false, seq, reason });

function parseJson(bytes: Uint8Array | undefined, name: string): { value: unknown } | { error: string } {
  if (!bytes) return { error: `the zip has no ${name}` };
  try {
    return { value: JSON.parse(strFromU8(bytes)) };
  } catch (error) {
    return { error: `${name} is not JSON: ${(error as Error).message}` };
  }
}

export interface VerifyOptions {
  /** The installation's public key (base64, as the options page shows it): the zip must be signed by it. */
  publicKey?: string;
}

export async function verifyEvidenceZip(zip: Uint8Array, options: VerifyOptions = {}): Promise<ZipVerdict> {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(zip);
  } catch (error) {
    return fail(`not a readable zip: ${(error as Error).message}`);
  }
  const manifestJson = parseJson(files['manifest.json'], 'manifest.json');
  if ('error' in manifestJson) return fail(manifestJson.error);
  const manifest = manifestJson.value as Manifest;
  if (manifest.format !== 'counterfeit-radar.evidence' || typeof manifest.formatVersion !== 'number' || manifest.formatVersion < 2) {
    return fail('manifest.json is not a Counterfeit Radar evidence manifest of format version 2 or later (older zips carry no chain)');
  }
  const chainJson = parseJson(files['chain.json'], 'chain.json');
  if ('error' in chainJson) return fail(chainJson.error);
  const entries = (chainJson.value as { entries?: unknown }).entries;
  if (!Array.isArray(entries)) return fail('chain.json has no entries list');

  const chain = await verifyChain(entries);
  if (!chain.ok) return fail(`entry ${chain.seq ?? `at position ${chain.index + 1}`} does not verify: ${chain.reason}`, chain.seq);
  const claimed = manifest.chain ?? {};
  if (claimed.length !== chain.length || claimed.head !== chain.head) {
    return fail(`the chain has ${chain.length} entries ending in ${chain.head.slice(0, 12)}…, the manifest says ${String(claimed.length)} ending in ${String(claimed.head).slice(0, 12)}…: entries were removed from the end or added`, null);
  }

  // Every file is listed in the manifest (chain.json under manifest.chain) with its true hash.
  const listed = new Map<string, string>([['chain.json', String(claimed.sha256)]]);
  const reports = Array.isArray(manifest.reports) ? manifest.reports : [];
  for (const report of reports) for (const [path, hash] of Object.entries(report.files ?? {})) listed.set(path, hash);
  for (const [path, bytes] of Object.entries(files)) {
    if (path.endsWith('/') || path === 'manifest.json' || path === 'SHA256SUMS' || path === 'signature.json') continue;
    const expected = listed.get(path);
    if (expected === undefined) return fail(`${path} is in the zip but not in the manifest`);
    if ((await sha256Hex(bytes)) !== expected) return fail(`${path} does not match its SHA-256 in the manifest`);
  }
  for (const path of listed.keys()) if (!files[path]) return fail(`${path} is in the manifest but not in the zip`);
  const sums = files['SHA256SUMS'] ? strFromU8(files['SHA256SUMS']).trimEnd().split('\n') : [];
  for (const line of sums) {
    const [hash, path] = line.split('  ');
    if (path === undefined || listed.get(path) !== hash) return fail(`SHA256SUMS line "${line}" does not match the manifest`);
  }

  // Each evidence file is the one its chain entry hashed when the report was made (or captured).
  const notes: string[] = [];
  const byReport = new Map<number, EvidenceEntry[]>();
  for (const entry of entries as EvidenceEntry[]) byReport.set(entry.reportId, [...(byReport.get(entry.reportId) ?? []), entry]);
  for (const report of reports) {
    const logged = report.reportId === null ? [] : (byReport.get(report.reportId) ?? []);
    if (!logged.some((e) => e.kind === 'report')) {
      notes.push(`report ${String(report.reportId)} was made before the evidence log: its files are checked against the manifest only`);
    }
    for (const entry of logged) {
      if (entry.data === null) return fail(`entry ${entry.seq} is for report ${entry.reportId}, which the zip carries, but has no data`, entry.seq);
      for (const file of entry.files) {
        const path = `${report.folder}/${file.name}`;
        const bytes = files[path];
        if (!bytes) return fail(`entry ${entry.seq} records ${path}, which is not in the zip`, entry.seq);
        if ((await sha256Hex(bytes)) !== file.sha256) return fail(`entry ${entry.seq} does not verify: ${path} is not the file it recorded (changed or swapped)`, entry.seq);
      }
    }
  }
  // The signature, when there is one, is over exactly this chain's length and head.
  let signedBy: { publicKey: string; fingerprint: string } | null = null;
  if (files['signature.json']) {
    const parsed = parseJson(files['signature.json'], 'signature.json');
    if ('error' in parsed) return fail(parsed.error);
    const signature = parsed.value as HeadSignature;
    if (signature.algorithm !== 'Ed25519' || typeof signature.publicKey !== 'string' || typeof signature.signature !== 'string' || typeof signature.signed !== 'string') {
      return fail('signature.json is not an Ed25519 signature of the chain head');
    }
    if (signature.signed !== signedHeadText(chain.length, chain.head)) return fail('signature.json signs another chain head than the one in the zip');
    if (!(await signatureHolds(signature))) return fail('signature.json does not verify under its public key');
    signedBy = { publicKey: signature.publicKey, fingerprint: await keyFingerprint(signature.publicKey) };
  }
  if (options.publicKey !== undefined && signedBy?.publicKey !== options.publicKey.trim()) {
    return fail(signedBy ? `the zip is signed by key ${signedBy.fingerprint}, not by the key given` : 'the zip is not signed, and a key was given');
  }
  if (!signedBy) notes.push('the zip is not signed (the installation has no Ed25519 key)');
  return { ok: true, signedBy, entries: chain.length, head: chain.head, reports: reports.length, files: Object.keys(files).filter((name) => !name.endsWith('/')).length, notes };
}
