/** The hash chain as pure functions: canonical JSON, entries, and what verify says of each kind of tampering. */
import { describe, expect, it } from 'vitest';
import { canonicalJson, CanonicalJsonError } from '../../lib/evidence/canonical-json';
import { GENESIS_PREV, nextEntry, redacted, verifyChain, type EvidenceEntry, type EvidenceInput } from '../../lib/evidence/evidence-chain';
import { sha256Hex } from '../../lib/evidence/sha256';

const T = Date.UTC(2026, 2, 15, 12);

async function chainOf(inputs: EvidenceInput[]): Promise<EvidenceEntry[]> {
  const entries: EvidenceEntry[] = [];
  for (const input of inputs) entries.push(await nextEntry(entries.at(-1) ?? null, input));
  return entries;
}

const inputs: EvidenceInput[] = [
  { at: T, kind: 'report', reportId: 1, data: { itemId: '700000000001', brand: 'gucci' }, files: [{ name: 'listing.json', sha256: 'a'.repeat(64) }] },
  { at: T + 1000, kind: 'report', reportId: 2, data: { itemId: '700000000002', brand: 'chanel' } },
  { at: T + 2000, kind: 'status', reportId: 1, data: { from: 'draft', to: 'submitted', complaintId: 'IPP-123' } },
  { at: T + 3000, kind: 'capture', reportId: 2, data: { screenshot: true }, files: [{ name: 'capture-4.png', sha256: 'b'.repeat(64) }] },
];

describe('canonical JSON', () => {
  it('sorts keys at every depth, drops undefined members, keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1, { z: null, y: 'x' }], c: undefined } })).toBe('{"a":{"d":[3,1,{"y":"x","z":null}]},"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
    expect(canonicalJson(['é', '\u2028', 1e21, -0])).toBe('["é","\u2028",1e+21,0]');
  });

  it('refuses what JSON cannot say', () => {
    expect(() => canonicalJson({ n: NaN })).toThrow(CanonicalJsonError);
    expect(() => canonicalJson(Infinity)).toThrow(CanonicalJsonError);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(CanonicalJsonError);
    expect(() => canonicalJson(1n)).toThrow(CanonicalJsonError);
  });
});

describe('the evidence chain', () => {
  it('links each entry to the one before with SHA-256, from a zero genesis', async () => {
    const chain = await chainOf(inputs);
    expect(chain.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(chain[0]!.prev).toBe(GENESIS_PREV);
    for (let i = 1; i < chain.length; i++) expect(chain[i]!.prev).toBe(chain[i - 1]!.hash);
    expect(chain[2]!.data).toBe('{"complaintId":"IPP-123","from":"draft","to":"submitted"}');
    expect(chain[2]!.dataSha256).toBe(await sha256Hex(chain[2]!.data!));
    expect(await verifyChain(chain)).toEqual({ ok: true, length: 4, head: chain[3]!.hash });
    expect(await verifyChain([])).toEqual({ ok: true, length: 0, head: GENESIS_PREV });
  });

  it('the same facts always give the same hashes, fixed here so an old export keeps verifying', async () => {
    const chain = await chainOf(inputs);
    expect(chain.map((e) => e.hash)).toEqual((await chainOf(inputs)).map((e) => e.hash));
    // What the first entry's hash covers, spelled out for anyone re-implementing the check.
    const first = chain[0]!;
    expect(first.data).toBe('{"brand":"gucci","itemId":"700000000001"}');
    const covered = `{"at":${T},"dataSha256":"${first.dataSha256}","files":[{"name":"listing.json","sha256":"${'a'.repeat(64)}"}],"kind":"report","prev":"${GENESIS_PREV}","reportId":1,"seq":1}`;
    expect(first.hash).toBe(await sha256Hex(covered));
    expect(first.hash).toMatchInlineSnapshot(`"b31c15ac3bb45997a0ab4b54d7e12d7efd713118fb26cdf827a80a94a34294d5"`);
  });

  it('names a changed data byte, a changed field and a changed file hash', async () => {
    const chain = await chainOf(inputs);
    const dataChanged = chain.map((e) => (e.seq === 3 ? { ...e, data: e.data!.replace('IPP-123', 'IPP-124') } : e));
    expect(await verifyChain(dataChanged)).toMatchObject({ ok: false, seq: 3, reason: expect.stringContaining('data does not match') });
    const timeChanged = chain.map((e) => (e.seq === 2 ? { ...e, at: e.at + 1 } : e));
    expect(await verifyChain(timeChanged)).toMatchObject({ ok: false, seq: 2, reason: expect.stringContaining('does not match its hash') });
    const fileChanged = chain.map((e) => (e.seq === 1 ? { ...e, files: [{ name: 'listing.json', sha256: 'c'.repeat(64) }] } : e));
    expect(await verifyChain(fileChanged)).toMatchObject({ ok: false, seq: 1 });
  });

  it('a changed entry re-hashed by the tamperer breaks the next one', async () => {
    const chain = await chainOf(inputs);
    const forged = await nextEntry(chain[0]!, { ...inputs[1]!, data: { itemId: '700000000009' } });
    expect(await verifyChain([chain[0]!, forged, ...chain.slice(2)])).toMatchObject({ ok: false, seq: 3, reason: expect.stringContaining('prev is not the hash of entry 2') });
  });

  it('names the entry after a deleted one, and reordered entries', async () => {
    const chain = await chainOf(inputs);
    expect(await verifyChain([chain[0]!, chain[2]!, chain[3]!])).toMatchObject({ ok: false, index: 1, seq: 3, reason: expect.stringContaining('missing or out of order') });
    expect(await verifyChain([chain[1]!, chain[0]!, chain[2]!, chain[3]!])).toMatchObject({ ok: false, index: 0, seq: 2 });
    // Renumbered after the deletion: the prev link still gives it away.
    const renumbered = [chain[0]!, { ...chain[2]!, seq: 2 }, { ...chain[3]!, seq: 3 }];
    expect(await verifyChain(renumbered)).toMatchObject({ ok: false, seq: 2, reason: expect.stringContaining('prev') });
  });

  it('a redacted entry (data left out) still verifies; a malformed one is named', async () => {
    const chain = await chainOf(inputs);
    expect(await verifyChain(chain.map((e) => (e.reportId === 2 ? redacted(e) : e)))).toMatchObject({ ok: true, length: 4 });
    expect(await verifyChain([chain[0]!, { ...chain[1]!, kind: 'deleted' }])).toMatchObject({ ok: false, seq: 2, reason: expect.stringContaining('unknown kind') });
    expect(await verifyChain(['x'])).toMatchObject({ ok: false, index: 0, seq: null });
  });
});
