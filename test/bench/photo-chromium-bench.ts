/**
 * Part of `npm run bench:photos`: the cost of hashing one listing photo in Chromium, as the extension
 * would do it off the page: the photo hash code (lib/photos/photo-hash.ts, bundled as the extension
 * bundles it) run on 800×800 (a Taobao main image) and 400×400 pixels, and the whole path from a JPEG's
 * bytes (createImageBitmap, an OffscreenCanvas, getImageData, then the hash), and the same decoding
 * straight to 256×256 (how far its hash lies from the full-size one). Median of 50 runs each.
 * Needs Chromium (/usr/bin/chromium or CHROMIUM_PATH); no extension build.
 */
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { writePhotoBytes } from '../photos/photo-files';
import { resize } from '../photos/photo-transforms';
import { syntheticPhotos } from '../photos/synthetic-photos';

const bundle = await build({
  stdin: { contents: "export { photoHashes } from './lib/photos/photo-hash';", resolveDir: process.cwd(), loader: 'ts' },
  bundle: true,
  write: false,
  format: 'iife',
  globalName: 'photoHashModule',
  target: 'chrome120',
});

const [first] = syntheticPhotos(1);
const jpegs = [800, 400].map((side) => Buffer.from(writePhotoBytes('jpg', resize(first!, side / first!.width))).toString('base64'));

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  pipe: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
});
try {
  const page = await browser.newPage();
  // tsx names functions with an `__name` helper that the page does not have.
  await page.addScriptTag({ content: `globalThis.__name = (f) => f;\n${bundle.outputFiles[0]!.text}` });
  for (const jpeg of jpegs) {
    const result = await page.evaluate(async (base64: string) => {
      const { photoHashes } = (globalThis as unknown as { photoHashModule: typeof import('../../lib/photos/photo-hash') }).photoHashModule;
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const median = (samples: number[]) => samples.sort((a, b) => a - b)[samples.length >> 1]!;
      const decode = async (side?: number) => {
        const blob = new Blob([bytes], { type: 'image/jpeg' });
        const bitmap = side ? await createImageBitmap(blob, { resizeWidth: side, resizeHeight: side, resizeQuality: 'medium' }) : await createImageBitmap(blob);
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const context = canvas.getContext('2d', { willReadFrequently: true })!;
        context.drawImage(bitmap, 0, 0);
        bitmap.close();
        return context.getImageData(0, 0, canvas.width, canvas.height);
      };
      const pixels = await decode();
      for (let i = 0; i < 10; i++) photoHashes(pixels);
      const hashOnly: number[] = [];
      const whole: number[] = [];
      const reduced: number[] = [];
      for (let i = 0; i < 50; i++) {
        let start = performance.now();
        photoHashes(pixels);
        hashOnly.push(performance.now() - start);
        start = performance.now();
        photoHashes(await decode());
        whole.push(performance.now() - start);
        start = performance.now();
        photoHashes(await decode(256));
        reduced.push(performance.now() - start);
      }
      // How far the hash of the photo decoded straight to 256×256 lies from the full-size one, in bits (64-bit part, 256-bit part).
      const full = photoHashes(pixels).hash;
      const small = photoHashes(await decode(256)).hash;
      const bits = (a: string, b: string) => [...a].reduce((n, c, i) => n + [...(parseInt(c, 16) ^ parseInt(b[i] as string, 16)).toString(2)].filter((d) => d === '1').length, 0);
      return { width: pixels.width, height: pixels.height, hashMs: median(hashOnly), wholeMs: median(whole), reducedMs: median(reduced), reducedDistance: [bits(full.slice(0, 16), small.slice(0, 16)), bits(full.slice(16), small.slice(16))] };
    }, jpeg);
    console.log(
      `Chromium ${await browser.version()}: hash (with its mirror) of a ${result.width}×${result.height} photo ${result.hashMs.toFixed(2)} ms; JPEG bytes → pixels → hash ${result.wholeMs.toFixed(2)} ms; ` +
        `decoded straight to 256×256 ${result.reducedMs.toFixed(2)} ms, its hash ${result.reducedDistance.join(' + ')} bits from the full-size one`,
    );
  }
} finally {
  await browser.close();
}
