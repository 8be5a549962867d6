/**
 * Decodes a JPEG, PNG or WebP file's bytes into RGBA pixels, outside the browser (the CLI, the
 * benchmark, tests); the extension decodes with the browser's own image decoder instead. Pure JS for
 * JPEG (jpeg-js) and PNG (fast-png); WebP with libwebp compiled to WebAssembly (@jsquash/webp),
 * loaded only when a WebP file comes.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { convertIndexedToRgb, decode as decodePng } from 'fast-png';
import jpeg from 'jpeg-js';
import type { RgbaImage } from './photo-hash';

export type PhotoFormat = 'jpeg' | 'png' | 'webp';

/** The format the bytes start with, or null. */
export function sniffPhotoFormat(bytes: Uint8Array): PhotoFormat | null {
  const at = (i: number) => bytes[i];
  if (at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return 'jpeg';
  if (at(0) === 0x89 && at(1) === 0x50 && at(2) === 0x4e && at(3) === 0x47) return 'png';
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  return null;
}

/** Photos larger than this are refused rather than decoded into gigabytes. */
const MAX_MEGAPIXELS = 50;

export async function decodePhoto(bytes: Uint8Array): Promise<RgbaImage> {
  const format = sniffPhotoFormat(bytes);
  if (format === null) throw new Error('not a JPEG, PNG or WebP image');
  try {
    if (format === 'jpeg') {
      const image = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: MAX_MEGAPIXELS, maxMemoryUsageInMB: 1024 });
      return { width: image.width, height: image.height, data: image.data };
    }
    if (format === 'png') return pngToRgba(decodePng(bytes));
    return await decodeWebp(bytes);
  } catch (error) {
    throw new Error(`cannot decode this ${format.toUpperCase()} image: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

export async function readPhotoFile(path: string): Promise<RgbaImage> {
  return decodePhoto(new Uint8Array(await readFile(path)));
}

function pngToRgba(png: ReturnType<typeof decodePng>): RgbaImage {
  const { width, height } = png;
  if (width * height > MAX_MEGAPIXELS * 1e6) throw new Error(`${width}×${height} is over ${MAX_MEGAPIXELS} megapixels`);
  let source: ArrayLike<number> = png.data;
  let channels = png.channels;
  let depth: number = png.depth;
  if (png.palette) {
    source = convertIndexedToRgb(png);
    channels = source.length / (width * height);
    depth = 8;
  }
  if (depth !== 8 && depth !== 16) throw new Error(`${depth}-bit grayscale PNG is not supported`);
  const shift = depth === 16 ? 8 : 0;
  const data = new Uint8ClampedArray(width * height * 4);
  for (let p = 0; p < width * height; p++) {
    const value = (c: number) => (source[p * channels + c] as number) >> shift;
    const gray = channels < 3;
    data[p * 4] = value(0);
    data[p * 4 + 1] = gray ? value(0) : value(1);
    data[p * 4 + 2] = gray ? value(0) : value(2);
    data[p * 4 + 3] = channels === 2 ? value(1) : channels === 4 ? value(3) : 255;
  }
  return { width, height, data };
}

let webpReady: Promise<(buffer: ArrayBuffer) => Promise<{ width: number; height: number; data: Uint8ClampedArray }>> | undefined;

async function decodeWebp(bytes: Uint8Array): Promise<RgbaImage> {
  webpReady ??= (async () => {
    const webp = await import('@jsquash/webp/decode.js');
    // Outside a browser the codec cannot fetch its .wasm file: compile it from the package and hand it over.
    const wasmPath = createRequire(import.meta.url).resolve('@jsquash/webp/codec/dec/webp_dec.wasm');
    const init = webp.init as unknown as (module: WebAssembly.Module) => Promise<void>;
    await init(await WebAssembly.compile(await readFile(wasmPath)));
    return webp.default;
  })();
  const decode = await webpReady;
  const copy = bytes.slice().buffer;
  const image = await decode(copy);
  return { width: image.width, height: image.height, data: image.data };
}
