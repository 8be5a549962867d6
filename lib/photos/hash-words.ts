/**
 * A hash as 32-bit words, and its text form: lower-case hex, word 0 first, each word as 8 digits
 * (a 64-bit hash is 16 hex digits). Distances count differing bits with a 32-bit popcount, which is
 * many times faster than BigInt arithmetic in V8.
 */
export type HashWords = Uint32Array;

export function bitsToHex(words: HashWords): string {
  let hex = '';
  for (const word of words) hex += word.toString(16).padStart(8, '0');
  return hex;
}

const HEX = /^(?:[0-9a-f]{8})+$/;

/** The words of a hex hash; throws on anything that is not whole 32-bit words of hex. */
export function hexToBits(hex: string): HashWords {
  const text = hex.toLowerCase();
  if (!HEX.test(text)) throw new Error(`not a photo hash: "${hex}"`);
  const words = new Uint32Array(text.length / 8);
  for (let i = 0; i < words.length; i++) words[i] = Number.parseInt(text.slice(i * 8, i * 8 + 8), 16);
  return words;
}

export function popcount32(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** Differing bits of two hashes of the same length. */
export function hammingDistance(a: HashWords, b: HashWords): number {
  if (a.length !== b.length) throw new Error(`hashes of ${a.length * 32} and ${b.length * 32} bits cannot be compared`);
  let distance = 0;
  for (let i = 0; i < a.length; i++) distance += popcount32(((a[i] as number) ^ (b[i] as number)) >>> 0);
  return distance;
}

/** Differing bits of two hex hashes. */
export function hexDistance(a: string, b: string): number {
  return hammingDistance(hexToBits(a), hexToBits(b));
}
