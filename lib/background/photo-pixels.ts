/**
 * One listing photo's pixels, in the background: downloaded from the browser's cache where it has the
 * image (the page showed it a moment ago), decoded by the browser straight to 256×256 (decoding the
 * full 800×800 costs most of the time; the hash moves by a few bits, well inside the threshold:
 * README, "Reused photos"), and read back from an OffscreenCanvas (Chromium's service worker, Firefox's
 * background page) or, where there is none, a canvas element.
 */
import type { RgbaImage } from '../photos/photo-hash';

export const PHOTO_SIDE = 256;
/** Larger answers are not a product photo (an 800×800 JPEG is about 100 KB). */
export const MAX_PHOTO_BYTES = 8 * 1024 * 1024;

function canvas2d(): OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D {
  if (typeof OffscreenCanvas !== 'undefined') {
    const context = new OffscreenCanvas(PHOTO_SIDE, PHOTO_SIDE).getContext('2d', { willReadFrequently: true });
    if (context) return context;
  }
  const element = document.createElement('canvas');
  element.width = PHOTO_SIDE;
  element.height = PHOTO_SIDE;
  const context = element.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('no 2-D canvas to read the photo from');
  return context;
}

export async function fetchPhotoPixels(fetch: typeof globalThis.fetch, url: string): Promise<RgbaImage> {
  const response = await fetch(url, { cache: 'force-cache', credentials: 'omit', referrerPolicy: 'no-referrer' });
  if (!response.ok) throw new Error(`the image answered ${response.status}`);
  const length = Number(response.headers.get('content-length') ?? '0');
  if (length > MAX_PHOTO_BYTES) throw new Error(`the image is ${length} bytes, over ${MAX_PHOTO_BYTES}`);
  const blob = await response.blob();
  if (blob.size > MAX_PHOTO_BYTES) throw new Error(`the image is ${blob.size} bytes, over ${MAX_PHOTO_BYTES}`);
  const bitmap = await createImageBitmap(blob, { resizeWidth: PHOTO_SIDE, resizeHeight: PHOTO_SIDE, resizeQuality: 'medium' });
  try {
    const context = canvas2d();
    context.drawImage(bitmap, 0, 0);
    return context.getImageData(0, 0, PHOTO_SIDE, PHOTO_SIDE);
  } finally {
    bitmap.close();
  }
}
