/**
 * An Ed25519 key pair per installation, made with WebCrypto where the browser has Ed25519 (Chrome
 * 137+, Firefox 129+, Node 20): its signature over the chain's head makes an export attributable to
 * this installation. The private key is non-extractable and stays in IndexedDB as a CryptoKey; the
 * public key is shown in the options for the team to record. Where Ed25519 is missing, exports are
 * simply unsigned.
 */
import type { ActivityDatabase } from '../activity/activity-db';
import { canonicalJson } from './canonical-json';
import { sha256Hex } from './sha256';

export const INSTALLATION_KEY_ID = 'installation';

export interface InstallationKeyRecord {
  id: string;
  privateKey: CryptoKey;
  /** The raw 32-byte public key, base64. */
  publicKey: string;
  createdAt: number;
}

export const toBase64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));
export const fromBase64 = (text: string): Uint8Array => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** The key's short name: the first 16 hex digits of the SHA-256 of the raw public key. */
export async function keyFingerprint(publicKeyBase64: string): Promise<string> {
  return (await sha256Hex(fromBase64(publicKeyBase64))).slice(0, 16);
}

/** Made once (by the background, the database's writer); null when the browser has no Ed25519. */
export async function ensureInstallationKey(db: ActivityDatabase, now: number): Promise<InstallationKeyRecord | null> {
  const existing = await db.keys.get(INSTALLATION_KEY_ID);
  if (existing) return existing;
  let pair: CryptoKeyPair;
  try {
    pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair;
  } catch {
    return null;
  }
  const publicKey = toBase64(new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey)));
  const record = { id: INSTALLATION_KEY_ID, privateKey: pair.privateKey, publicKey, createdAt: now };
  // Another worker may have won the race: keep whichever key was stored first.
  await db.keys.add(record).catch(() => undefined);
  return (await db.keys.get(INSTALLATION_KEY_ID)) ?? null;
}

/** What is signed: the chain's length and head, as canonical JSON. */
export function signedHeadText(length: number, head: string): string {
  return canonicalJson({ format: 'counterfeit-radar.evidence-head', length, head });
}

export interface HeadSignature {
  algorithm: 'Ed25519';
  publicKey: string;
  signed: string;
  signature: string;
}

export async function signHead(key: Pick<InstallationKeyRecord, 'privateKey' | 'publicKey'>, length: number, head: string): Promise<HeadSignature> {
  const signed = signedHeadText(length, head);
  const signature = new Uint8Array(await crypto.subtle.sign('Ed25519', key.privateKey, new TextEncoder().encode(signed)));
  return { algorithm: 'Ed25519', publicKey: key.publicKey, signed, signature: toBase64(signature) };
}

/** true when the signature is by `publicKey` over exactly `signed`; false otherwise (or when Ed25519 is missing). */
export async function signatureHolds(signature: HeadSignature): Promise<boolean> {
  try {
    const key = await crypto.subtle.importKey('raw', fromBase64(signature.publicKey) as Uint8Array<ArrayBuffer>, { name: 'Ed25519' }, false, ['verify']);
    return await crypto.subtle.verify('Ed25519', key, fromBase64(signature.signature) as Uint8Array<ArrayBuffer>, new TextEncoder().encode(signature.signed));
  } catch {
    return false;
  }
}
