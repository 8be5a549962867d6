/** Writes a synthetic photo as JPEG (jpeg-js), PNG (fast-png) or WebP (@jsquash/webp), for the CLI and decoder tests. */
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { encode as encodePng } from 'fast-png';
import jpeg from 'jpeg-js';
import type { RgbaImage } from '../../lib/photos/photo-hash';

let webpEncoder: Promise<(image: ImageData, options: { quality: number }) => Promise<ArrayBuffer>> | undefined;

async function encodeWebp(image: RgbaImage): Promise<Uint8Array> {
  webpEncoder ??= (async () => {
    const webp = await import('@jsquash/webp/encode.js');
    const wasm = createRequire(import.meta.url).resolve('@jsquash/webp/codec/enc/webp_enc.wasm');
    await (webp.init as unknown as (module: WebAssembly.Module) => Promise<void>)(await WebAssembly.compile(await readFile(wasm)));
    return webp.default as unknown as (image: ImageData, options: { quality: number }) => Promise<ArrayBuffer>;
  })();
  const encode = await webpEncoder;
  const data = new Uint8ClampedArray(image.data);
  return new Uint8Array(await encode({ width: image.width, height: image.height, data, colorSpace: 'srgb' } as ImageData, { quality: 90 }));
}

/** JPEG (quality 90) or PNG bytes of the photo. */
export function writePhotoBytes(format: 'jpg' | 'png', image: RgbaImage): Uint8Array {
  if (format === 'jpg') return jpeg.encode({ width: image.width, height: image.height, data: Buffer.from(image.data) }, 90).data;
  return encodePng({ width: image.width, height: image.height, data: new Uint8Array(image.data), channels: 4 });
}

export async function writePhoto(path: string, image: RgbaImage): Promise<void> {
  let bytes: Uint8Array;
  if (path.endsWith('.jpg')) bytes = writePhotoBytes('jpg', image);
  else if (path.endsWith('.png')) bytes = writePhotoBytes('png', image);
  else if (path.endsWith('.webp')) bytes = await encodeWebp(image);
  else throw new Error(`no encoder for ${path}`);
  await writeFile(path, bytes);
}
