/**
 * The listing's part of a screenshot, with a box drawn around the listing: what a reviewer at the IP
 * protection platform looks at first. The whole screenshot stays in the evidence unchanged; this crop
 * is made from it and the listing's box (both hashed), the same bytes every time (fast-png), so the
 * zip built later carries the file the evidence log hashed when the report was made.
 */
import { decode, encode } from 'fast-png';
import { boxFits, type ImageBox } from './listing-frame';

/** Screenshot pixels of context kept around the box (device pixels). */
export const CROP_MARGIN = 32;
/** Thickness of the drawn box, device pixels: visible at a glance, covering little of the card. */
export const HIGHLIGHT_WIDTH = 4;
/** The box's colour (RGB): a saturated red that product photos rarely frame themselves with. */
export const HIGHLIGHT_RGB = [0xe0, 0x1b, 0x24] as const;

/** The crop as PNG bytes, or null when the screenshot is not a decodable 8-bit PNG or the box does not fit it. */
export function highlightedCrop(png: Uint8Array, box: ImageBox): Uint8Array | null {
  let image: ReturnType<typeof decode>;
  try {
    image = decode(png);
  } catch {
    return null;
  }
  const { width, height, channels, depth, data } = image;
  if (depth !== 8 || (channels !== 3 && channels !== 4) || !boxFits(box, { width, height })) return null;

  const left = Math.max(0, box.x - CROP_MARGIN);
  const top = Math.max(0, box.y - CROP_MARGIN);
  const right = Math.min(width, box.x + box.width + CROP_MARGIN);
  const bottom = Math.min(height, box.y + box.height + CROP_MARGIN);
  const cropWidth = right - left;
  const cropHeight = bottom - top;
  const out = new Uint8Array(cropWidth * cropHeight * 4);
  for (let row = 0; row < cropHeight; row++) {
    for (let col = 0; col < cropWidth; col++) {
      const from = ((top + row) * width + (left + col)) * channels;
      const to = (row * cropWidth + col) * 4;
      out[to] = data[from] as number;
      out[to + 1] = data[from + 1] as number;
      out[to + 2] = data[from + 2] as number;
      out[to + 3] = channels === 4 ? (data[from + 3] as number) : 255;
    }
  }

  // The box is drawn just outside the listing's own edge, so none of the listing is covered.
  const boxLeft = box.x - left - HIGHLIGHT_WIDTH;
  const boxTop = box.y - top - HIGHLIGHT_WIDTH;
  const boxRight = box.x + box.width - left + HIGHLIGHT_WIDTH;
  const boxBottom = box.y + box.height - top + HIGHLIGHT_WIDTH;
  const paint = (col: number, row: number) => {
    if (col < 0 || row < 0 || col >= cropWidth || row >= cropHeight) return;
    const at = (row * cropWidth + col) * 4;
    out[at] = HIGHLIGHT_RGB[0];
    out[at + 1] = HIGHLIGHT_RGB[1];
    out[at + 2] = HIGHLIGHT_RGB[2];
    out[at + 3] = 255;
  };
  for (let t = 0; t < HIGHLIGHT_WIDTH; t++) {
    for (let col = boxLeft; col < boxRight; col++) {
      paint(col, boxTop + t);
      paint(col, boxBottom - 1 - t);
    }
    for (let row = boxTop; row < boxBottom; row++) {
      paint(boxLeft + t, row);
      paint(boxRight - 1 - t, row);
    }
  }
  return encode({ width: cropWidth, height: cropHeight, data: out, channels: 4, depth: 8 });
}
