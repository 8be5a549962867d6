/**
 * The evidence log as a hash chain: every report, capture and status change is an entry holding the
 * SHA-256 of the entry before it and of its evidence files. Change a byte of any entry, drop one,
 * reorder two or swap a file, and the chain no longer verifies from that entry on. Pure functions:
 * the Dexie table (evidence-log.ts), the zip export and the CLI all use these.
 */
import { canonicalJson } from './canonical-json';
import { sha256Hex } from './sha256';

export type EvidenceKind = 'report' | 'capture' | 'status';

export const EVIDENCE_KINDS: readonly EvidenceKind[] = ['report', 'capture', 'status'];

export interface EvidenceFile {
  /** The file's name inside its report's folder (listing.json, screenshot.png, capture-7.png …). */
  name: string;
  sha256: string;
}

export interface EvidenceEntry {
  /** 1, 2, 3 … with no gaps. */
  seq: number;
  /** When it happened, ms since the epoch. */
  at: number;
  kind: EvidenceKind;
  reportId: number;
  /**
   * Canonical JSON of what happened (canonical-json.ts). null only in an export, for an entry of a
   * report the export does not carry: its dataSha256 still holds it in the chain.
   */
  data: string | null;
  /** SHA-256 of `data`: the entry's hash covers this, so data can be left out without breaking the chain. */
  dataSha256: string;
  files: EvidenceFile[];
  /** Hash of the previous entry, or GENESIS_PREV for the first. */
  prev: string;
  /** SHA-256 of the canonical JSON of every field above. */
  hash: string;
}

/** What a caller says happened; the chain adds seq, prev and hash. */
export interface EvidenceInput {
  at: number;
  kind: EvidenceKind;
  reportId: number;
  /** Any JSON value; stored as its canonical text. */
  data: unknown;
  files?: readonly EvidenceFile[];
}

export const GENESIS_PREV = '0'.repeat(64);

/** chain.json's `format` in an evidence zip. */
export const EVIDENCE_CHAIN_FORMAT = 'counterfeit-radar.evidence-chain';

const HEX64 = /^[0-9a-f]{64}$/;

export function entryHash(entry: Omit<EvidenceEntry, 'hash' | 'data'>): Promise<string> {
  const { seq, at, kind, reportId, dataSha256, files, prev } = entry;
  return sha256Hex(canonicalJson({ seq, at, kind, reportId, dataSha256, files: files.map(({ name, sha256 }) => ({ name, sha256 })), prev }));
}

/** The entry without its data (for an export that does not carry that report); it still verifies. */
export function redacted(entry: EvidenceEntry): EvidenceEntry {
  return { ...entry, data: null };
}

/** The entry that follows `last` (null: the chain is empty). */
export async function nextEntry(last: Pick<EvidenceEntry, 'seq' | 'hash'> | null, input: EvidenceInput): Promise<EvidenceEntry> {
  const data = canonicalJson(input.data);
  const unhashed = {
    seq: last ? last.seq + 1 : 1,
    at: input.at,
    kind: input.kind,
    reportId: input.reportId,
    data,
    dataSha256: await sha256Hex(data),
    files: (input.files ?? []).map(({ name, sha256 }) => ({ name, sha256 })),
    prev: last ? last.hash : GENESIS_PREV,
  };
  return { ...unhashed, hash: await entryHash(unhashed) };
}

export type ChainVerdict =
  | { ok: true; length: number; head: string }
  /** `index` is the position in the list checked; `seq` what that entry claims (null if unreadable). */
  | { ok: false; index: number; seq: number | null; reason: string };

function shapeProblem(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null) return 'is not an object';
  const e = raw as Record<string, unknown>;
  if (!Number.isSafeInteger(e.seq)) return 'has no whole-number seq';
  if (typeof e.at !== 'number' || !Number.isFinite(e.at)) return 'has no time';
  if (!EVIDENCE_KINDS.includes(e.kind as EvidenceKind)) return `has an unknown kind ${JSON.stringify(e.kind)}`;
  if (!Number.isSafeInteger(e.reportId)) return 'has no whole-number reportId';
  if (typeof e.data !== 'string' && e.data !== null) return 'has data that is neither text nor null';
  if (typeof e.dataSha256 !== 'string' || !HEX64.test(e.dataSha256)) return 'has no dataSha256';
  if (!Array.isArray(e.files) || !e.files.every((f: unknown) => typeof f === 'object' && f !== null && typeof (f as EvidenceFile).name === 'string' && HEX64.test(String((f as EvidenceFile).sha256)))) {
    return 'has a files list that is not [{ name, sha256 }]';
  }
  if (typeof e.prev !== 'string' || !HEX64.test(e.prev)) return 'has no prev hash';
  if (typeof e.hash !== 'string' || !HEX64.test(e.hash)) return 'has no hash';
  return null;
}

/**
 * Checks a whole chain from its first entry: shape, seq 1, 2, 3 …, each prev the hash of the entry
 * before, each hash recomputed. Returns the first entry that fails and why.
 */
export async function verifyChain(entries: readonly unknown[]): Promise<ChainVerdict> {
  let prev = GENESIS_PREV;
  for (const [index, raw] of entries.entries()) {
    const problem = shapeProblem(raw);
    const claimed = typeof raw === 'object' && raw !== null && Number.isSafeInteger((raw as EvidenceEntry).seq) ? (raw as EvidenceEntry).seq : null;
    if (problem) return { ok: false, index, seq: claimed, reason: `entry ${problem}` };
    const entry = raw as EvidenceEntry;
    if (entry.seq !== index + 1) {
      return { ok: false, index, seq: entry.seq, reason: `entry at position ${index + 1} says seq ${entry.seq}: an entry is missing or out of order` };
    }
    if (entry.prev !== prev) {
      return { ok: false, index, seq: entry.seq, reason: `prev is not the hash of entry ${index === 0 ? '(none: the first entry)' : String(index)}: an entry before it was changed, removed or moved` };
    }
    if (entry.data !== null && (await sha256Hex(entry.data)) !== entry.dataSha256) {
      return { ok: false, index, seq: entry.seq, reason: 'its data does not match its dataSha256: the entry was changed' };
    }
    const recomputed = await entryHash(entry);
    if (recomputed !== entry.hash) return { ok: false, index, seq: entry.seq, reason: 'its content does not match its hash: the entry was changed' };
    prev = entry.hash;
  }
  return { ok: true, length: entries.length, head: prev };
}
