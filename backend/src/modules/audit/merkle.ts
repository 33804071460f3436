import { sha256 as portableSha256 } from '@noble/hashes/sha2';

/**
 * Pure and shared: an append-only Merkle tree with the hashing of Certificate Transparency (RFC 6962 / RFC 9162 §2.1):
 * leaf = SHA-256(0x00 ‖ data), node = SHA-256(0x01 ‖ left ‖ right), the empty tree's root = SHA-256("").
 * A complete subtree of 2^level leaves starting at leaf index·2^level is named { level, index }.
 * The server seals and verifies with it; the browser (through the `@ledger-proof` alias) checks a document's proof.
 * Nothing from NestJS, TypeORM or Node is imported: under Node the hash is Node's own (through
 * process.getBuiltinModule, about 2.5× faster than the portable one), in the browser @noble/hashes.
 */

/** Bytes as the platform has them: Node's Buffer on the server (where its types are loaded), Uint8Array in the browser. */
export type Bytes = typeof globalThis extends { Buffer: { prototype: infer B } } ? B : Uint8Array;

export interface NodeId {
  level: number;
  index: number;
}
export interface StoredNode extends NodeId {
  hash: Bytes;
}

interface NodeCrypto {
  hash?: (algorithm: string, data: string | Uint8Array, encoding: 'buffer') => Bytes;
  createHash: (algorithm: string) => { update(data: string | Uint8Array): { digest(): Bytes } };
}
const nodeCrypto = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule?.('node:crypto') as NodeCrypto | undefined;
const nodeBuffer = (globalThis as { Buffer?: { from(b: ArrayBufferLike, offset: number, length: number): Bytes } }).Buffer;
const encoder = new TextEncoder();

/** SHA-256 of bytes or of a string's UTF-8. */
const sha256: (data: string | Uint8Array) => Bytes = nodeCrypto?.hash
  ? (data) => nodeCrypto.hash!('sha256', data, 'buffer')
  : nodeCrypto
    ? (data) => nodeCrypto.createHash('sha256').update(data).digest()
    : (data) => {
      const h = portableSha256(typeof data === 'string' ? encoder.encode(data) : data);
      return (nodeBuffer ? nodeBuffer.from(h.buffer, h.byteOffset, h.length) : h) as Bytes;
    };

export const EMPTY_ROOT: Bytes = sha256('');

export function leafHash(data: string | Uint8Array): Bytes {
  // "\u0000" is the single byte 0x00 in UTF-8.
  if (typeof data === 'string') return sha256(`\u0000${data}`);
  const prefixed = new Uint8Array(data.length + 1);
  prefixed.set(data, 1);
  return sha256(prefixed);
}

/** Scratch for 0x01 ‖ left ‖ right: hashing is synchronous, so one buffer serves every call. */
const pair = new Uint8Array(65).fill(1);

export function nodeHash(left: Uint8Array, right: Uint8Array): Bytes {
  pair.set(left, 1);
  pair.set(right, 33);
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
export function rootOf(subtrees: Bytes[]): Bytes {
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
  constructor(size = 0, frontier: Bytes[] = []) {
    const ids = frontierIds(size);
    if (ids.length !== frontier.length) throw new Error(`frontier of ${size} needs ${ids.length} hashes, got ${frontier.length}`);
    this.stack = ids.map((id, i) => ({ ...id, hash: frontier[i] }));
    this.count = size;
  }

  get size(): number {
    return this.count;
  }

  /** Appends one leaf hash; returns the subtrees above level 0 that this leaf completes (into `closed` when given). */
  append(leaf: Bytes, closed: StoredNode[] = []): StoredNode[] {
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

  root(): Bytes {
    return rootOf(this.stack.map((n) => n.hash));
  }
}

/** RFC 6962 §2.1.1 PATH(m, D[n]), built from complete subtrees looked up by `node`. */
export function inclusionProof(m: number, n: number, node: (id: NodeId) => Bytes): Bytes[] {
  if (!(m >= 0 && m < n)) throw new Error(`leaf ${m} is not in a tree of ${n}`);
  const mth = (start: number, size: number) => rootOf(rangeIds(start, size).map(node));
  const path = (i: number, start: number, size: number): Bytes[] => {
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
export function rootFromInclusionProof(m: number, n: number, leaf: Bytes, proof: Uint8Array[]): Bytes | null {
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
