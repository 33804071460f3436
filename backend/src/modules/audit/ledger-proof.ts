import { ed25519 } from '@noble/curves/ed25519';
import { hexToBytes } from '@noble/hashes/utils';
import { leafHash, rootFromInclusionProof } from './merkle';

/**
 * Pure and shared: checking that a document's ledger entry is in a signed checkpoint. The server checks
 * with it before answering; the browser (through the `@ledger-proof` alias) checks again on its own with
 * the public key the app shows: recompute the leaf from the entry, walk the inclusion path up to the root,
 * check the checkpoint's Ed25519 signature. Nothing from NestJS, TypeORM or Node here.
 */

/** A signed checkpoint as the API sends it. */
export interface SignedCheckpoint {
  treeSize: number;
  /** hex */
  rootHash: string;
  /** ISO 8601 UTC, milliseconds, exactly as signed. */
  sealedAt: string;
  /** base64 */
  signature: string;
}

/** What a document carries: its entry's leaf as hashed, the leaf's place, the path and the checkpoint. */
export interface DocumentProof {
  leafIndex: number;
  leafData: string;
  /** hex, the sibling subtrees from the leaf up (RFC 6962 PATH). */
  proof: string[];
  checkpoint: SignedCheckpoint;
}

/** shape: the proof cannot be read; content: the entry as it is now does not lead to the signed root; signature: the checkpoint is not signed by the key. */
export type ProofProblem = 'shape' | 'content' | 'signature';

export interface ProofCheck {
  ok: boolean;
  problem: ProofProblem | null;
  /** The leaf recomputed from the entry (hex). */
  leafHash: string;
  /** The root the path leads to (hex), or null when the path has the wrong shape. */
  root: string | null;
}

/** Hex of any bytes (a Node Buffer too, which @noble's helpers refuse). */
export const toHex = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
const toBase64 = (b: Uint8Array): string => btoa(Array.from(b, (x) => String.fromCharCode(x)).join(''));
const fromBase64 = (s: string): Uint8Array => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

/** The text a checkpoint's signature covers (a signed note in the manner of Go's sumdb / Trillian). */
export function checkpointNote(c: { treeSize: number; rootHash: Uint8Array; sealedAt: string }): string {
  return `thidua-audit-ledger\n${c.treeSize}\n${toBase64(c.rootHash)}\n${c.sealedAt}\n`;
}

/** SPKI DER of an Ed25519 public key: this 12-byte header, then the 32-byte key. */
const ED25519_SPKI_PREFIX = '302a300506032b6570032100';

/** The raw 32-byte key of an Ed25519 public key in PEM (SPKI), or null if it is not one. */
export function ed25519KeyFromPem(pem: string): Uint8Array | null {
  try {
    const der = fromBase64(pem.replace(/-----[^-]*-----/g, '').replace(/\s+/g, ''));
    return der.length === 44 && toHex(der.subarray(0, 12)) === ED25519_SPKI_PREFIX ? der.subarray(12) : null;
  } catch {
    return null;
  }
}

const HEX32 = /^[0-9a-f]{64}$/;

export { rootFingerprint } from './ledger-fingerprint';

/** Checks a document's proof against its checkpoint and the public key (PEM). */
export function verifyDocumentProof(p: DocumentProof, publicKeyPem: string): ProofCheck {
  const leaf = leafHash(p.leafData);
  const result = (problem: ProofProblem | null, root: Uint8Array | null): ProofCheck => ({ ok: !problem, problem, leafHash: toHex(leaf), root: root && toHex(root) });
  const c = p.checkpoint;
  if (!Number.isSafeInteger(p.leafIndex) || !Number.isSafeInteger(c.treeSize) || !HEX32.test(c.rootHash) || !p.proof.every((h) => HEX32.test(h))) return result('shape', null);
  const root = rootFromInclusionProof(p.leafIndex, c.treeSize, leaf, p.proof.map(hexToBytes));
  if (!root) return result('shape', null);
  const key = ed25519KeyFromPem(publicKeyPem);
  let signed = false;
  try {
    const note = new TextEncoder().encode(checkpointNote({ treeSize: c.treeSize, rootHash: hexToBytes(c.rootHash), sealedAt: c.sealedAt }));
    signed = !!key && ed25519.verify(fromBase64(c.signature), note, key, { zip215: false });
  } catch {
    signed = false;
  }
  if (!signed) return result('signature', root);
  return result(toHex(root) === c.rootHash ? null : 'content', root);
}
