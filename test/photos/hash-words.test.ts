import { describe, expect, it } from 'vitest';
import { bitsToHex, hammingDistance, hexDistance, hexToBits, popcount32 } from '../../lib/photos/hash-words';
import { seededRandom } from './synthetic-photos';

/** Bit counting the slow, obvious way, to check the popcount against. */
function slowPopcount(value: number): number {
  let count = 0;
  for (let bit = 0; bit < 32; bit++) if ((value >>> bit) & 1) count++;
  return count;
}

describe('hash words', () => {
  it('counts bits like the obvious loop, at the edges and at random', () => {
    const random = seededRandom(5);
    const values = [0, 1, 0x80000000, 0xffffffff, 0x55555555, 0xaaaaaaaa, ...Array.from({ length: 1000 }, () => Math.floor(random() * 2 ** 32))];
    for (const value of values) expect(popcount32(value)).toBe(slowPopcount(value));
  });

  it('writes and reads hex, word 0 first, 8 digits a word', () => {
    const words = Uint32Array.of(0x0000abcd, 0xffffffff);
    expect(bitsToHex(words)).toBe('0000abcdffffffff');
    expect([...hexToBits('0000ABCDffffffff')]).toEqual([0xabcd, 0xffffffff]);
  });

  it('refuses text that is not whole words of hex', () => {
    expect(() => hexToBits('')).toThrow(/not a photo hash/);
    expect(() => hexToBits('abc')).toThrow(/not a photo hash/);
    expect(() => hexToBits('0000abcdffffffzz')).toThrow(/not a photo hash/);
  });

  it('measures the distance as differing bits', () => {
    expect(hexDistance('0000000000000000', '0000000000000000')).toBe(0);
    expect(hexDistance('0000000000000000', 'ffffffffffffffff')).toBe(64);
    expect(hexDistance('0000000100000000', '0000000000000003')).toBe(3);
    expect(() => hammingDistance(Uint32Array.of(1), Uint32Array.of(1, 2))).toThrow(/32 and 64 bits/);
  });
});
