/**
 * Where the reported listing is on a screenshot. The page gives its card's box in CSS pixels of the
 * viewport; the screenshot is in device pixels, so the box is scaled by the image's width over the
 * viewport's (the device pixel ratio, and any zoom) and clamped to the image.
 */

/** A box in a screenshot's pixels. */
export interface ImageBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What the content script says of the listing's card while the tab is captured. */
export interface PageFrame {
  /** The card's box in CSS pixels, relative to the viewport (getBoundingClientRect). */
  box: { x: number; y: number; width: number; height: number };
  /** The viewport's width in CSS pixels (innerWidth, without the scroll bar: documentElement.clientWidth). */
  viewportWidth: number;
}

/** Width and height from a PNG's header (IHDR), or null when the bytes are not a PNG. */
export function pngSize(png: Uint8Array): { width: number; height: number } | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.length < 24 || signature.some((byte, i) => png[i] !== byte)) return null;
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** The card's box on the screenshot, or null when it is not on it at all (scrolled away, or nonsense). */
export function frameInImage(frame: PageFrame, image: { width: number; height: number }): ImageBox | null {
  const { box, viewportWidth } = frame;
  const numbers = [box.x, box.y, box.width, box.height, viewportWidth];
  if (!numbers.every(Number.isFinite) || viewportWidth <= 0 || box.width <= 0 || box.height <= 0) return null;
  const scale = image.width / viewportWidth;
  const left = Math.max(0, Math.round(box.x * scale));
  const top = Math.max(0, Math.round(box.y * scale));
  const right = Math.min(image.width, Math.round((box.x + box.width) * scale));
  const bottom = Math.min(image.height, Math.round((box.y + box.height) * scale));
  if (right - left < 2 || bottom - top < 2) return null;
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** A stored box is usable on an image of this size: whole pixels, inside it. */
export function boxFits(box: ImageBox, image: { width: number; height: number }): boolean {
  const { x, y, width, height } = box;
  return [x, y, width, height].every(Number.isInteger) && x >= 0 && y >= 0 && width >= 2 && height >= 2 && x + width <= image.width && y + height <= image.height;
}
