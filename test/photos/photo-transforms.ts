/**
 * What sellers do to a photo they reuse, as pure functions on RGBA pixels: re-encode as JPEG, resize,
 * paint a text watermark, pad, crop, rotate slightly, mirror. White fills what a rotation or padding
 * uncovers, as on a product page.
 */
import jpeg from 'jpeg-js';
import type { RgbaImage } from '../../lib/photos/photo-hash';
import { blankImage, seededRandom, textBlocks } from './synthetic-photos';

export function reencodeJpeg(image: RgbaImage, quality: number): RgbaImage {
  const encoded = jpeg.encode({ width: image.width, height: image.height, data: Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength) }, quality);
  const decoded = jpeg.decode(encoded.data, { useTArray: true });
  return { width: decoded.width, height: decoded.height, data: decoded.data };
}

/** Writes into `out` pixel (x, y) the bilinear blend of `image` at the fractional position (sx, sy), clamped at the edges. */
function sampleInto(out: RgbaImage, x: number, y: number, image: RgbaImage, sx: number, sy: number): void {
  const x0 = Math.max(0, Math.min(image.width - 1, Math.floor(sx)));
  const y0 = Math.max(0, Math.min(image.height - 1, Math.floor(sy)));
  const x1 = Math.min(image.width - 1, x0 + 1);
  const y1 = Math.min(image.height - 1, y0 + 1);
  const fx = Math.max(0, Math.min(1, sx - x0));
  const fy = Math.max(0, Math.min(1, sy - y0));
  const { data, width } = image;
  const a = (y0 * width + x0) * 4;
  const b = (y0 * width + x1) * 4;
  const c = (y1 * width + x0) * 4;
  const d = (y1 * width + x1) * 4;
  const o = (y * out.width + x) * 4;
  for (let ch = 0; ch < 3; ch++) {
    const top = (data[a + ch] as number) * (1 - fx) + (data[b + ch] as number) * fx;
    const bottom = (data[c + ch] as number) * (1 - fx) + (data[d + ch] as number) * fx;
    out.data[o + ch] = top * (1 - fy) + bottom * fy;
  }
}

/** Resized by `factor`: box-averaged when shrinking (as image tools do), bilinear when enlarging. */
export function resize(image: RgbaImage, factor: number): RgbaImage {
  const width = Math.max(1, Math.round(image.width * factor));
  const height = Math.max(1, Math.round(image.height * factor));
  const out = blankImage(width, height);
  const step = 1 / factor;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (factor >= 1) {
        sampleInto(out, x, y, image, (x + 0.5) * step - 0.5, (y + 0.5) * step - 0.5);
        continue;
      }
      const sum = [0, 0, 0];
      let n = 0;
      for (let sy = Math.floor(y * step); sy < Math.min(image.height, Math.ceil((y + 1) * step)); sy++) {
        for (let sx = Math.floor(x * step); sx < Math.min(image.width, Math.ceil((x + 1) * step)); sx++) {
          const i = (sy * image.width + sx) * 4;
          for (let c = 0; c < 3; c++) sum[c] = (sum[c] as number) + (image.data[i + c] as number);
          n++;
        }
      }
      for (let c = 0; c < 3; c++) out.data[(y * width + x) * 4 + c] = (sum[c] as number) / n;
    }
  }
  return out;
}

function copy(image: RgbaImage): RgbaImage {
  return { width: image.width, height: image.height, data: new Uint8ClampedArray(image.data) };
}

/** A shop-name watermark: a line of half-opaque text blocks somewhere on the photo, about 40 % wide. */
export function watermark(image: RgbaImage, seed: number): RgbaImage {
  const out = copy(image);
  const random = seededRandom(seed);
  const lineHeight = image.height * 0.05;
  const x = image.width * (0.05 + random() * 0.5);
  const y = image.height * (0.05 + random() * 0.85);
  textBlocks(out, random, x, y, image.width * 0.4, lineHeight, 1, random() < 0.5 ? [255, 255, 255] : [60, 60, 60], 0.6);
  return out;
}

/** White margins of `fraction` of each side around the photo (the canvas grows). */
export function pad(image: RgbaImage, fraction: number): RgbaImage {
  const dx = Math.round(image.width * fraction);
  const dy = Math.round(image.height * fraction);
  const out = blankImage(image.width + 2 * dx, image.height + 2 * dy);
  for (let y = 0; y < image.height; y++) {
    out.data.set(image.data.subarray(y * image.width * 4, (y + 1) * image.width * 4), ((y + dy) * out.width + dx) * 4);
  }
  return out;
}

/** `fraction` of the width and of the height cut away, split at random between the two sides. */
export function crop(image: RgbaImage, fraction: number, seed: number): RgbaImage {
  const random = seededRandom(seed);
  const cutX = Math.round(image.width * fraction);
  const cutY = Math.round(image.height * fraction);
  const left = Math.round(cutX * random());
  const top = Math.round(cutY * random());
  const width = image.width - cutX;
  const height = image.height - cutY;
  const out = blankImage(width, height);
  for (let y = 0; y < height; y++) {
    const from = ((y + top) * image.width + left) * 4;
    out.data.set(image.data.subarray(from, from + width * 4), y * width * 4);
  }
  return out;
}

/** Rotated by `degrees` about the centre on a canvas of the same size, white where nothing lands. */
export function rotate(image: RgbaImage, degrees: number): RgbaImage {
  const out = blankImage(image.width, image.height);
  const angle = (degrees * Math.PI) / 180;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const cx = image.width / 2;
  const cy = image.height / 2;
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const sx = cos * (x + 0.5 - cx) + sin * (y + 0.5 - cy) + cx - 0.5;
      const sy = -sin * (x + 0.5 - cx) + cos * (y + 0.5 - cy) + cy - 0.5;
      if (sx < -0.5 || sy < -0.5 || sx > image.width - 0.5 || sy > image.height - 0.5) continue;
      sampleInto(out, x, y, image, sx, sy);
    }
  }
  return out;
}

export function mirror(image: RgbaImage): RgbaImage {
  const out = copy(image);
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const from = (y * image.width + (image.width - 1 - x)) * 4;
      out.data.set(image.data.subarray(from, from + 4), (y * image.width + x) * 4);
    }
  }
  return out;
}
