/**
 * Product-like photos drawn from a seed, so the benchmark and the tests need no downloads and ship no
 * third-party images: a background (plain white as most main images are, a light gradient, or a
 * two-tone "room" with grain), one to three shaded product shapes (bag bodies with handles, boxes,
 * bottles, watch faces, some with a monogram-like pattern), and text-like blocks (the banners and
 * price tags sellers paint on). A share of the photos use one of a few shop templates (the same
 * background, banner and text layout with a different product), as a shop's own listings do: those are
 * the hard negatives.
 */
import type { RgbaImage } from '../../lib/photos/photo-hash';

export type Random = () => number;

/** mulberry32: small, fast and the same on every machine. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rgb = [number, number, number];

export function blankImage(width: number, height: number, color: Rgb = [255, 255, 255]): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < data.length; i += 4) {
    data[i] = color[0];
    data[i + 1] = color[1];
    data[i + 2] = color[2];
    data[i + 3] = 255;
  }
  return { width, height, data };
}

/** Blends a colour over one pixel with the given opacity. */
export function blendPixel(image: RgbaImage, x: number, y: number, color: Rgb, alpha: number): void {
  if (x < 0 || y < 0 || x >= image.width || y >= image.height) return;
  const i = (y * image.width + x) * 4;
  const { data } = image;
  for (let c = 0; c < 3; c++) data[i + c] = Math.round((data[i + c] as number) * (1 - alpha) + color[c as 0 | 1 | 2] * alpha);
}

/** Fills where `inside(x, y)` holds within a box, with the colour `paint(x, y)` gives. */
function fillShape(image: RgbaImage, box: [number, number, number, number], inside: (x: number, y: number) => boolean, paint: (x: number, y: number) => Rgb, alpha = 1): void {
  const [x0, y0, x1, y1] = box.map(Math.round) as [number, number, number, number];
  for (let y = Math.max(0, y0); y < Math.min(image.height, y1); y++) {
    for (let x = Math.max(0, x0); x < Math.min(image.width, x1); x++) if (inside(x, y)) blendPixel(image, x, y, paint(x, y), alpha);
  }
}

export function fillRect(image: RgbaImage, x: number, y: number, w: number, h: number, color: Rgb, alpha = 1): void {
  fillShape(image, [x, y, x + w, y + h], () => true, () => color, alpha);
}

/** Rows of dark blocks of varying width: reads as a line of text at thumbnail size. */
export function textBlocks(image: RgbaImage, random: Random, x: number, y: number, width: number, lineHeight: number, lines: number, color: Rgb, alpha = 1): void {
  for (let line = 0; line < lines; line++) {
    let cx = x;
    const top = y + line * lineHeight * 1.6;
    while (cx < x + width) {
      const glyph = lineHeight * (0.6 + random() * 0.5);
      if (cx + glyph > x + width) break;
      fillRect(image, cx, top, glyph, lineHeight, color, alpha);
      cx += glyph + lineHeight * (random() < 0.2 ? 0.9 : 0.25);
    }
  }
}

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const between = (random: Random, low: number, high: number): number => low + random() * (high - low);
const shade = (color: Rgb, factor: number): Rgb => color.map((c) => Math.max(0, Math.min(255, c * factor))) as Rgb;

function randomColor(random: Random, light: boolean): Rgb {
  const base = light ? 190 : 20;
  const span = light ? 65 : 200;
  return [base + random() * span, base + random() * span, base + random() * span];
}

interface Template {
  background: (image: RgbaImage) => void;
  banner: (image: RgbaImage) => void;
}

function background(image: RgbaImage, random: Random): void {
  const kind = random();
  const { width, height } = image;
  if (kind < 0.5) return; // plain white
  if (kind < 0.8) {
    const top = randomColor(random, true);
    const bottom = randomColor(random, true);
    fillShape(image, [0, 0, width, height], () => true, (_x, y) => top.map((c, i) => c + ((bottom[i] as number) - c) * (y / height)) as Rgb);
    return;
  }
  const wall = randomColor(random, true);
  const floor = shade(randomColor(random, true), 0.8);
  const horizon = height * between(random, 0.45, 0.75);
  const grain = seededRandom(Math.floor(random() * 1e9));
  fillShape(image, [0, 0, width, height], () => true, (_x, y) => shade(y < horizon ? wall : floor, 0.94 + grain() * 0.12));
}

function banner(image: RgbaImage, random: Random): void {
  const { width, height } = image;
  const where = random();
  if (where < 0.3) return;
  const band = height * between(random, 0.08, 0.16);
  const top = where < 0.65 ? 0 : height - band;
  fillRect(image, 0, top, width, band, randomColor(random, random() < 0.5));
  textBlocks(image, random, width * between(random, 0.04, 0.2), top + band * 0.3, width * between(random, 0.3, 0.6), band * 0.4, 1, random() < 0.5 ? [255, 255, 255] : [20, 20, 20]);
  if (random() < 0.5) textBlocks(image, random, width * between(random, 0.05, 0.5), height * between(random, 0.2, 0.7), width * 0.3, height * 0.03, 1 + Math.floor(random() * 3), randomColor(random, false));
}

/** One product shape: a bag body with a handle, a box, a bottle or a watch face, shaded top to bottom. */
function product(image: RgbaImage, random: Random, cx: number, cy: number, size: number): void {
  const color = randomColor(random, random() < 0.3);
  const kind = pick(random, ['bag', 'box', 'bottle', 'watch'] as const);
  const pattern = random() < 0.35;
  const patternColor = shade(color, random() < 0.5 ? 0.6 : 1.4);
  const cell = Math.max(3, size * between(random, 0.04, 0.09));
  const paint = (top: number, bottom: number) => (x: number, y: number): Rgb => {
    const lit = shade(color, 1.15 - 0.4 * ((y - top) / Math.max(1, bottom - top)));
    if (pattern && (Math.floor(x / cell) + Math.floor(y / cell)) % 2 === 0) return shade(patternColor, 1.15 - 0.4 * ((y - top) / Math.max(1, bottom - top)));
    return lit;
  };
  const w = size * between(random, 0.7, 1.1);
  const h = size * between(random, 0.55, 0.95);
  if (kind === 'bag') {
    const top = cy - h / 2;
    const handle = h * between(random, 0.3, 0.55);
    const ring = (x: number, y: number): boolean => {
      const d = Math.hypot((x - cx) / (w * 0.32), (y - top) / handle);
      return d <= 1 && d >= 0.8 && y <= top;
    };
    fillShape(image, [cx - w, top - handle - 2, cx + w, top + 1], ring, () => shade(color, 0.55));
    const slope = between(random, 0, 0.15);
    fillShape(image, [cx - w / 2 - w * slope, top, cx + w / 2 + w * slope, top + h], (x, y) => Math.abs(x - cx) <= w / 2 + w * slope * ((y - top) / h), paint(top, top + h));
    if (random() < 0.6) fillRect(image, cx - w * 0.08, top + h * 0.2, w * 0.16, h * 0.12, [212, 175, 55]);
  } else if (kind === 'box') {
    fillShape(image, [cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2], () => true, paint(cy - h / 2, cy + h / 2));
    fillRect(image, cx - w / 2, cy - h / 2, w, h * 0.12, shade(color, 0.7));
    textBlocks(image, random, cx - w * 0.3, cy, w * 0.6, h * 0.08, 1, shade(color, 0.4));
  } else if (kind === 'bottle') {
    const bw = w * 0.45;
    fillShape(image, [cx - bw / 2, cy - h / 2, cx + bw / 2, cy + h / 2], () => true, paint(cy - h / 2, cy + h / 2));
    fillRect(image, cx - bw * 0.18, cy - h / 2 - h * 0.2, bw * 0.36, h * 0.2, shade(color, 0.5));
    fillRect(image, cx - bw * 0.4, cy - h * 0.05, bw * 0.8, h * 0.25, [245, 240, 230]);
  } else {
    const r = size * between(random, 0.3, 0.45);
    fillRect(image, cx - r * 0.35, cy - r * 2, r * 0.7, r * 4, shade(color, 0.6));
    fillShape(image, [cx - r, cy - r, cx + r, cy + r], (x, y) => Math.hypot(x - cx, y - cy) <= r, () => [200, 200, 205]);
    fillShape(image, [cx - r, cy - r, cx + r, cy + r], (x, y) => Math.hypot(x - cx, y - cy) <= r * 0.85, paint(cy - r, cy + r));
    const angle = random() * Math.PI * 2;
    fillShape(image, [cx - r, cy - r, cx + r, cy + r], (x, y) => {
      const along = (x - cx) * Math.cos(angle) + (y - cy) * Math.sin(angle);
      const across = -(x - cx) * Math.sin(angle) + (y - cy) * Math.cos(angle);
      return along >= 0 && along <= r * 0.7 && Math.abs(across) <= 2;
    }, () => [15, 15, 15]);
  }
}

function templates(count: number, seed: number): Template[] {
  return Array.from({ length: count }, (_, i) => {
    const backgroundSeed = seed * 31 + i * 7 + 1;
    const bannerSeed = seed * 17 + i * 13 + 5;
    return {
      background: (image: RgbaImage) => background(image, seededRandom(backgroundSeed)),
      banner: (image: RgbaImage) => banner(image, seededRandom(bannerSeed)),
    };
  });
}

/** `count` distinct product-like photos; one in five shares a shop template with others. */
export function syntheticPhotos(count: number, seed = 1): RgbaImage[] {
  const shops = templates(4, seed);
  return Array.from({ length: count }, (_, index) => {
    const random = seededRandom(seed * 100_003 + index);
    const shape = random();
    const width = shape < 0.7 ? 400 : shape < 0.85 ? 480 : 360;
    const height = shape < 0.7 ? 400 : shape < 0.85 ? 360 : 480;
    const image = blankImage(width, height);
    const template = random() < 0.2 ? pick(random, shops) : null;
    if (template) template.background(image);
    else background(image, random);
    const products = 1 + Math.floor(random() * random() * 3);
    for (let p = 0; p < products; p++) {
      const size = Math.min(width, height) * between(random, 0.25, 0.5) / Math.sqrt(products);
      product(image, random, width * between(random, 0.3, 0.7), height * between(random, 0.35, 0.7), size);
    }
    if (template) template.banner(image);
    else banner(image, random);
    return image;
  });
}
