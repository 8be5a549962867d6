import { describe, expect, it } from 'vitest';
import { photoHash, photoHashes } from '../../lib/photos/photo-hash';
import { distanceToPhoto, isSamePhoto } from '../../lib/photos/same-photo';
import { mirror, reencodeJpeg, resize } from './photo-transforms';
import { blankImage, fillRect, syntheticPhotos } from './synthetic-photos';

const photos = syntheticPhotos(12, 3);

describe('photo hash', () => {
  it('is 320 bits of hex (64 then 256) and the same every time for the same pixels', () => {
    const [photo] = photos;
    const hash = photoHash(photo!);
    expect(hash).toMatch(/^[0-9a-f]{80}$/);
    expect(photoHash({ ...photo!, data: new Uint8ClampedArray(photo!.data) })).toBe(hash);
  });

  it('stays within the threshold after a JPEG re-encode and a resize', () => {
    for (const photo of photos.slice(0, 4)) {
      const hashes = photoHashes(photo);
      expect(isSamePhoto(distanceToPhoto(hashes, photoHash(reencodeJpeg(photo, 70))))).toBe(true);
      expect(isSamePhoto(distanceToPhoto(hashes, photoHash(resize(photo, 0.5))))).toBe(true);
    }
  });

  it('tells different photos apart', () => {
    const hashes = photos.map((photo) => photoHashes(photo));
    for (let i = 0; i < hashes.length; i++) {
      for (let j = i + 1; j < hashes.length; j++) expect(isSamePhoto(distanceToPhoto(hashes[i]!, hashes[j]!.hash)), `photos ${i} and ${j}`).toBe(false);
    }
  });

  it("gives a photo's mirror image the hash computed for the mirrored photo", () => {
    for (const photo of photos.slice(0, 4)) {
      const { mirrored } = photoHashes(photo);
      expect(mirrored).toBe(photoHash(mirror(photo)));
    }
  });

  it('keeps the hash it had: stored hashes must stay comparable across versions', () => {
    // Changing the recipe makes every hash in users' indexes stale: change this value only with a
    // migration that drops or rebuilds them.
    const image = blankImage(120, 90);
    fillRect(image, 10, 20, 50, 40, [200, 30, 30]);
    fillRect(image, 70, 5, 40, 70, [20, 60, 160]);
    fillRect(image, 0, 75, 120, 15, [40, 40, 40]);
    expect(photoHashes(image)).toEqual({
      hash: '0191ebeb766601d6c6ebc6eb7089b91139119b768f76077699543111b91187760776b91146eeb954',
      mirrored: '5cc4bebe232344a393be93be2ddcec446c44ce23da235a23ee236e44ec44fa235a23ec441bbbec01',
    });
  });

  it('composites transparent pixels on white', () => {
    const opaque = blankImage(64, 64);
    fillRect(opaque, 10, 10, 30, 40, [0, 0, 0]);
    const transparent = blankImage(64, 64, [0, 0, 0]);
    for (let i = 3; i < transparent.data.length; i += 4) transparent.data[i] = 0;
    fillRect(transparent, 10, 10, 30, 40, [0, 0, 0]);
    for (let y = 10; y < 50; y++) for (let x = 10; x < 40; x++) transparent.data[(y * 64 + x) * 4 + 3] = 255;
    expect(photoHash(transparent)).toBe(photoHash(opaque));
  });

  it('refuses pixels that do not fill the stated size', () => {
    expect(() => photoHash({ width: 10, height: 10, data: new Uint8Array(10) })).toThrow(/not an RGBA image of 10×10/);
    expect(() => photoHash({ width: 0, height: 10, data: new Uint8Array(0) })).toThrow(/not an RGBA image/);
  });
});
