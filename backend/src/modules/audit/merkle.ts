import * as crypto from 'node:crypto';
import { createHash } from 'node:crypto';

/**
 * Pure: an append-only Merkle tree with the hashing of Certificate Transparency (RFC 6962 / RFC 9162 §2.1):
 * leaf = SHA-256(0x00 ‖ data), node = SHA-256(0x01 ‖ left ‖ right), the empty tree's root = SHA-256("").
 * A complete subtree of 2^level leaves starting at leaf index·2^level is named { level, index }.
 */
export interface NodeId {
  level: number;
  index: number;
}
export interface StoredNode extends NodeId {
  hash: Buffer;
}

export const EMPTY_ROOT = createHash('sha256').digest();

/** One-shot SHA-256 (Node ≥ 20.12): about twice as fast as a Hash object on inputs this small. */
const oneShot = (crypto as { hash?: (algorithm: string, data: string | Buffer, encoding: 'buffer') => Buffer }).hash;
const sha256 = oneShot ? (data: string | Buffer) => oneShot('sha256', data, 'buffer') : (data: string | Buffer) => createHash('sha256').update(data).digest();

export function leafHash(data: string | Buffer): Buffer {
  // "\u0000" is the single byte 0x00 in UTF-8.
  return sha256(typeof data === 'string' ? `\u0000${data}` : Buffer.concat([Buffer.from([0]), data]));
}

/** Scratch for 0x01 ‖ left ‖ right: hashing is synchronous, so one buffer serves every call. */
const pair = Buffer.alloc(65, 1);

export function nodeHash(left: Buffer, right: Buffer): Buffer {
  left.copy(pair, 1);
  right.copy(pair, 33);
  return sha256(pair);
}

/** The largest power of two strictly below n (n ≥ 2). */
function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** The complete subtrees that make up leaves [start, start + size), largest first (start aligned as in RFC 6962's recursion). */
export function rangeIds(start: number, size: number): NodeId[] {
  const ids: NodeId[] = [];
  let pos = start;
  let left = size;
  let width = 1;
  let level = 0;
  while (width * 2 <= left) {
    width *= 2;
    level++;
  }
  for (; left > 0; width /= 2, level--) {
    if (left >= width) {
      ids.push({ level, index: pos / width });
      pos += width;
      left -= width;
    }
  }
  return ids;
}

/** The frontier of a tree of n leaves: the complete subtrees a further append builds on. */
export const frontierIds = (n: number): NodeId[] => rangeIds(0, n);

/** MTH over subtrees given largest first: fold from the right, as RFC 6962's split does. */
export function rootOf(subtrees: Buffer[]): Buffer {
  if (!subtrees.length) return EMPTY_ROOT;
  let acc = subtrees[subtrees.length - 1];
  for (let i = subtrees.length - 2; i >= 0; i--) acc = nodeHash(subtrees[i], acc);
  return acc;
}

/** An incremental tree: append leaves, read the root at any size; reports each complete subtree it closes. */
export class MerkleAppender {
  private stack: StoredNode[];
  private count: number;

  /** Continues a tree of `size` leaves from its frontier (the hashes of frontierIds(size), in order). */
  constructor(size = 0, frontier: Buffer[] = []) {
    const ids = frontierIds(size);
    if (ids.length !== frontier.length) throw new Error(`frontier of ${size} needs ${ids.length} hashes, got ${frontier.length}`);
    this.stack = ids.map((id, i) => ({ ...id, hash: frontier[i] }));
    this.count = size;
  }

  get size(): number {
    return this.count;
  }

  /** Appends one leaf hash; returns the subtrees above level 0 that this leaf completes (into `closed` when given). */
  append(leaf: Buffer, closed: StoredNode[] = []): StoredNode[] {
    let node: StoredNode = { level: 0, index: this.count, hash: leaf };
    this.count++;
    while (this.stack.length && this.stack[this.stack.length - 1].level === node.level) {
      const left = this.stack.pop()!;
      node = { level: node.level + 1, index: left.index / 2, hash: nodeHash(left.hash, node.hash) };
      closed.push(node);
    }
    this.stack.push(node);
    return closed;
  }

  root(): Buffer {
    return rootOf(this.stack.map((n) => n.hash));
  }
}

/** RFC 6962 §2.1.1 PATH(m, D[n]), built from complete subtrees looked up by `node`. */
export function inclusionProof(m: number, n: number, node: (id: NodeId) => Buffer): Buffer[] {
  if (!(m >= 0 && m < n)) throw new Error(`leaf ${m} is not in a tree of ${n}`);
  const mth = (start: number, size: number) => rootOf(rangeIds(start, size).map(node));
  const path = (i: number, start: number, size: number): Buffer[] => {
    if (size === 1) return [];
    const k = splitPoint(size);
    return i < k ? [...path(i, start, k), mth(start + k, size - k)] : [...path(i - k, start + k, size - k), mth(start, k)];
  };
  return path(m, 0, n);
}

/** Which stored subtrees inclusionProof(m, n) reads, so they can be fetched in one query. */
export function inclusionProofIds(m: number, n: number): NodeId[] {
  const ids = new Map<string, NodeId>();
  inclusionProof(m, n, (id) => {
    ids.set(`${id.level}:${id.index}`, id);
    return EMPTY_ROOT;
  });
  return [...ids.values()];
}

/** RFC 9162 §2.1.3.2: the root that an inclusion proof of leaf m in a tree of n leads to, or null if the proof has the wrong shape. */
export function rootFromInclusionProof(m: number, n: number, leaf: Buffer, proof: Buffer[]): Buffer | null {
  if (!(m >= 0 && m < n)) return null;
  let fn = m;
  let sn = n - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return null;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? r : null;
}
