import { decode, encode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { CROP_MARGIN, HIGHLIGHT_RGB, HIGHLIGHT_WIDTH, highlightedCrop } from '../../lib/evidence/highlight-crop';
import { boxFits, frameInImage, pngSize } from '../../lib/evidence/listing-frame';

/** A screenshot-like PNG: every pixel's colour says where it is (r = x, g = y), blue 7. */
function gradient(width: number, height: number): Uint8Array {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data.set([x % 256, y % 256, 7, 255], (y * width + x) * 4);
  return encode({ width, height, data, channels: 4, depth: 8 });
}

const pixel = (png: ReturnType<typeof decode>, x: number, y: number) => [...png.data.slice((y * png.width + x) * png.channels, (y * png.width + x) * png.channels + 3)];

describe('where the listing is on the screenshot', () => {
  it('reads a PNG header and refuses what is not one', () => {
    expect(pngSize(gradient(300, 200))).toEqual({ width: 300, height: 200 });
    expect(pngSize(new TextEncoder().encode('GIF89a, not a png at all'))).toBeNull();
  });

  it('scales the CSS box by the device pixel ratio the image shows, and clamps it to the image', () => {
    // A 1280 px wide viewport captured at ratio 2 is 2560 px wide.
    const image = { width: 2560, height: 1800 };
    expect(frameInImage({ box: { x: 100.4, y: 50, width: 240, height: 320 }, viewportWidth: 1280 }, image)).toEqual({ x: 201, y: 100, width: 480, height: 640 });
    // Half above the top of the viewport: only the part on screen.
    expect(frameInImage({ box: { x: 0, y: -100, width: 240, height: 320 }, viewportWidth: 1280 }, image)).toEqual({ x: 0, y: 0, width: 480, height: 440 });
    expect(frameInImage({ box: { x: 0, y: 2000, width: 240, height: 320 }, viewportWidth: 1280 }, image)).toBeNull();
    expect(frameInImage({ box: { x: Number.NaN, y: 0, width: 240, height: 320 }, viewportWidth: 1280 }, image)).toBeNull();
  });

  it('takes a stored box only when it lies inside the image in whole pixels', () => {
    expect(boxFits({ x: 0, y: 0, width: 10, height: 10 }, { width: 10, height: 10 })).toBe(true);
    expect(boxFits({ x: 1, y: 0, width: 10, height: 10 }, { width: 10, height: 10 })).toBe(false);
    expect(boxFits({ x: 0.5, y: 0, width: 5, height: 5 }, { width: 10, height: 10 })).toBe(false);
  });
});

describe('the highlighted crop', () => {
  const screenshot = gradient(400, 300);
  const box = { x: 100, y: 80, width: 120, height: 90 };

  it('keeps the listing and a margin around it, pixel for pixel, with a box drawn just outside the listing', () => {
    const crop = decode(highlightedCrop(screenshot, box)!);
    expect([crop.width, crop.height]).toEqual([box.width + 2 * CROP_MARGIN, box.height + 2 * CROP_MARGIN]);
    // The listing itself is untouched: its corner pixels are the screenshot's.
    expect(pixel(crop, CROP_MARGIN, CROP_MARGIN)).toEqual([100, 80, 7]);
    expect(pixel(crop, CROP_MARGIN + box.width - 1, CROP_MARGIN + box.height - 1)).toEqual([219, 169, 7]);
    // The box runs round it, HIGHLIGHT_WIDTH thick.
    expect(pixel(crop, CROP_MARGIN - 1, CROP_MARGIN + 10)).toEqual([...HIGHLIGHT_RGB]);
    expect(pixel(crop, CROP_MARGIN - HIGHLIGHT_WIDTH, CROP_MARGIN + 10)).toEqual([...HIGHLIGHT_RGB]);
    expect(pixel(crop, CROP_MARGIN + 10, CROP_MARGIN + box.height)).toEqual([...HIGHLIGHT_RGB]);
    // Beyond the box, the margin is the screenshot again.
    expect(pixel(crop, CROP_MARGIN - HIGHLIGHT_WIDTH - 1, CROP_MARGIN + 10)).toEqual([100 - HIGHLIGHT_WIDTH - 1, 90, 7]);
  });

  it('is the same bytes every time, so the file the zip carries is the one the evidence log hashed', () => {
    expect(highlightedCrop(screenshot, box)).toEqual(highlightedCrop(screenshot, box));
  });

  it('stops at the screenshot edges and refuses a box outside it or a file that is no PNG', () => {
    const corner = decode(highlightedCrop(screenshot, { x: 0, y: 0, width: 50, height: 40 })!);
    expect([corner.width, corner.height]).toEqual([50 + CROP_MARGIN, 40 + CROP_MARGIN]);
    expect(highlightedCrop(screenshot, { x: 390, y: 0, width: 50, height: 40 })).toBeNull();
    expect(highlightedCrop(new Uint8Array([0x89, 0x50, 0x4e, 0x47]), box)).toBeNull();
  });
});
