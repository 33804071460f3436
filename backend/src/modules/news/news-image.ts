import { createHash } from 'node:crypto';
import sharp from 'sharp';

export const MAX_PHOTO_BYTES = 15 * 1024 * 1024;
/** Longest side of a stored photo. */
export const MAX_PHOTO_SIDE = 1600;

const startsWith = (b: Buffer, bytes: number[], at = 0) => b.length >= at + bytes.length && bytes.every((x, i) => b[at + i] === x);

/** A photo's format by its content (magic bytes), never by its name: JPEG, PNG, WebP or GIF; null otherwise. */
export function detectImage(buf: Buffer): 'jpeg' | 'png' | 'webp' | 'gif' | null {
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(buf, [0x52, 0x49, 0x46, 0x46]) && startsWith(buf, [0x57, 0x45, 0x42, 0x50], 8)) return 'webp';
  if (startsWith(buf, [0x47, 0x49, 0x46, 0x38])) return 'gif';
  return null;
}

export interface StoredImage {
  content: Buffer;
  mimeType: 'image/jpeg';
  width: number;
  height: number;
  sha256: string;
}

/**
 * Decodes, turns upright, shrinks to MAX_PHOTO_SIDE and re-encodes as JPEG: metadata (GPS, camera) is
 * dropped and whatever else the file carried does not survive. Throws when the content does not decode.
 */
export async function reencodePhoto(buf: Buffer): Promise<StoredImage> {
  const { data, info } = await sharp(buf, { limitInputPixels: 60_000_000, animated: false })
    .rotate()
    .resize({ width: MAX_PHOTO_SIDE, height: MAX_PHOTO_SIDE, fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 82, mozjpeg: true })
    .toBuffer({ resolveWithObject: true });
  return { content: data, mimeType: 'image/jpeg', width: info.width, height: info.height, sha256: createHash('sha256').update(data).digest('hex') };
}

/** A plain, neutral placeholder picture (grey with a lighter frame), for demo items that have no real photo. */
export async function placeholderPhoto(shade: number, width = 960, height = 640): Promise<Buffer> {
  const g = Math.max(60, Math.min(200, shade));
  const frame = `<svg width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg"><rect x="40" y="40" width="${width - 80}" height="${height - 80}" fill="none" stroke="rgb(${g + 40},${g + 40},${g + 40})" stroke-width="6"/><circle cx="${width / 2}" cy="${height / 2 - 30}" r="70" fill="rgb(${g + 25},${g + 25},${g + 25})"/><rect x="${width / 2 - 160}" y="${height / 2 + 70}" width="320" height="40" rx="8" fill="rgb(${g + 25},${g + 25},${g + 25})"/></svg>`;
  return sharp({ create: { width, height, channels: 3, background: { r: g, g, b: g } } })
    .composite([{ input: Buffer.from(frame), top: 0, left: 0 }])
    .jpeg({ quality: 80 })
    .toBuffer();
}
