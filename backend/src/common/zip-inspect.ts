/**
 * Zip-based uploads (docx, xlsx, pptx, odt, …) are inspected before anything unpacks them: the central
 * directory is read from the buffer and every entry is inflated through a zlib stream that only counts
 * bytes and is destroyed past the cap, so a decompression bomb costs a few chunks of memory, never its
 * inflated size. Limits follow Apache POI's ZipSecureFile (inflate ratio 1:100) with a total cap.
 */
import { createInflateRaw } from 'node:zlib';

export interface ZipLimits {
  /** Inflated bytes over all entries. */
  maxTotalBytes: number;
  /** Inflated / compressed size of one entry, checked once the entry is past `ratioGraceBytes`. */
  maxRatio: number;
  ratioGraceBytes: number;
  maxEntries: number;
}

export const ZIP_LIMITS: ZipLimits = { maxTotalBytes: 100 * 1024 * 1024, maxRatio: 100, ratioGraceBytes: 1024 * 1024, maxEntries: 10_000 };

export type ZipVerdict =
  | { ok: true; entries: number; inflatedBytes: number }
  | { ok: false; problem: 'unreadable' | 'too_large' | 'ratio' | 'too_many_entries' };

export const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const isZip = (buf: Buffer) => buf.length >= 4 && buf.subarray(0, 4).equals(ZIP_MAGIC);

/** Inspects `buf` if it is a zip (starts with a local file header); anything else is `null`. */
export async function inspectZip(buf: Buffer, limits: ZipLimits = ZIP_LIMITS): Promise<ZipVerdict | null> {
  if (!isZip(buf)) return null;
  const eocd = findEndOfCentralDirectory(buf);
  if (eocd < 0) return { ok: false, problem: 'unreadable' };
  const count = buf.readUInt16LE(eocd + 10);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  // Zip64 markers: no Office file within our upload limits needs them.
  if (count === 0xffff || cdOffset === 0xffffffff) return { ok: false, problem: 'unreadable' };
  if (count > limits.maxEntries) return { ok: false, problem: 'too_many_entries' };
  let p = cdOffset;
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) return { ok: false, problem: 'unreadable' };
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const declared = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const next = p + 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    p = next;
    if (flags & 0x1) return { ok: false, problem: 'unreadable' }; // encrypted: cannot be inspected
    if (declared > limits.maxTotalBytes - total) return { ok: false, problem: 'too_large' };
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL) return { ok: false, problem: 'unreadable' };
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (start + compressed > buf.length) return { ok: false, problem: 'unreadable' };
    const data = buf.subarray(start, start + compressed);
    let size: number | ZipProblem;
    if (method === 0) size = compressed;
    else if (method === 8) size = await inflatedSize(data, limits.maxTotalBytes - total, limits);
    else return { ok: false, problem: 'unreadable' };
    if (typeof size !== 'number') return { ok: false, problem: size };
    total += size;
    if (total > limits.maxTotalBytes) return { ok: false, problem: 'too_large' };
  }
  return { ok: true, entries: count, inflatedBytes: total };
}

type ZipProblem = 'unreadable' | 'too_large' | 'ratio';

function findEndOfCentralDirectory(buf: Buffer): number {
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= stop; i--) if (buf.readUInt32LE(i) === EOCD) return i;
  return -1;
}

/** Inflated size of one raw-deflate entry, counted chunk by chunk; stops at `budget` or past the ratio. */
function inflatedSize(data: Buffer, budget: number, limits: ZipLimits): Promise<number | ZipProblem> {
  return new Promise((resolve) => {
    const z = createInflateRaw({ chunkSize: 64 * 1024 });
    let n = 0;
    let settled = false;
    const settle = (r: number | ZipProblem) => {
      if (settled) return;
      settled = true;
      z.removeAllListeners('data');
      z.on('error', () => undefined);
      z.destroy();
      resolve(r);
    };
    z.on('data', (chunk: Buffer) => {
      n += chunk.length;
      if (n > budget) settle('too_large');
      else if (n > limits.ratioGraceBytes && n > limits.maxRatio * Math.max(1, data.length)) settle('ratio');
    });
    z.on('error', () => settle('unreadable'));
    z.on('end', () => settle(n));
    z.end(data);
  });
}
