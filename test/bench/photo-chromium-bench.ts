/**
 * Part of `npm run bench:photos`: the cost of hashing one listing photo in Chromium, as the extension
 * would do it off the page: the photo hash code (lib/photos/photo-hash.ts, bundled as the extension
 * bundles it) run on 800×800 (a Taobao main image) and 400×400 pixels, and the whole path from a JPEG's
 * bytes (createImageBitmap, an OffscreenCanvas, getImageData, then the hash). Median of 50 runs each.
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
      const decode = async () => {
        const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/jpeg' }));
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
      for (let i = 0; i < 50; i++) {
        let start = performance.now();
        photoHashes(pixels);
        hashOnly.push(performance.now() - start);
        start = performance.now();
        photoHashes(await decode());
        whole.push(performance.now() - start);
      }
      return { width: pixels.width, height: pixels.height, hashMs: median(hashOnly), wholeMs: median(whole) };
    }, jpeg);
    console.log(`Chromium ${await browser.version()}: hash (with its mirror) of a ${result.width}×${result.height} photo ${result.hashMs.toFixed(2)} ms; JPEG bytes → pixels → hash ${result.wholeMs.toFixed(2)} ms`);
  }
} finally {
  await browser.close();
}
