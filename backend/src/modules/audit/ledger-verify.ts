import type { KeyObject } from 'node:crypto';
import { checkpointSignatureValid, entryLeafHash, LeafRow } from './ledger';
import { MerkleAppender } from './merkle';

/** Pure: replays the ledger leaf by leaf and names the first thing that does not hold. */
export type LedgerProblem =
  | 'signature' // a checkpoint whose signature fails (forged or recomputed without the key), or signed by an untrusted key
  | 'gap' // a hole in the sequence of sealed positions
  | 'missing_entry' // a sealed position whose entry row is gone
  | 'content' // an entry's columns differ from what was sealed
  | 'root' // the tree rebuilt from the entries differs from a signed checkpoint
  | 'missing_tail'; // a signed checkpoint counts more entries than the ledger holds

export interface CheckpointRow {
  treeSize: number;
  rootHash: Buffer;
  sealedAt: string;
  keyId: string;
  signature: Buffer;
}

export interface LedgerFault {
  problem: LedgerProblem;
  /** The sealed position concerned (leaf index), when there is one. */
  seq: number | null;
  entryId: string | null;
  /** The checkpoint concerned, when there is one. */
  treeSize: number | null;
}

export class LedgerVerifier {
  private readonly tree = new MerkleAppender();
  private pending: CheckpointRow[] = [];
  checkpoints = 0;

  constructor(private readonly trusted: Map<string, KeyObject>) {}

  get size(): number {
    return this.tree.size;
  }

  /** Whether checkpoints given earlier are still waiting for the tree to reach their size. */
  get hasPending(): boolean {
    return this.pending.length > 0;
  }

  /** Checkpoints in increasing tree size, each larger than the current tree. */
  addCheckpoints(rows: CheckpointRow[]): LedgerFault | null {
    for (const c of rows) {
      const key = this.trusted.get(c.keyId);
      if (!key || !checkpointSignatureValid(c, c.signature, key)) return { problem: 'signature', seq: null, entryId: null, treeSize: c.treeSize };
      this.pending.push(c);
    }
    return null;
  }

  /** The next sealed leaf: its position, its entry as stored now (null if gone) and the hash sealed for it. */
  leaf(seq: number, entry: LeafRow | null, sealedHash: Buffer): LedgerFault | null {
    if (seq !== this.tree.size) return { problem: 'gap', seq: this.tree.size, entryId: null, treeSize: null };
    if (!entry || entry.id === null) return { problem: 'missing_entry', seq, entryId: null, treeSize: null };
    const leaf = entryLeafHash(entry);
    if (!leaf.equals(sealedHash)) return { problem: 'content', seq, entryId: entry.id, treeSize: null };
    this.tree.append(leaf);
    const next = this.pending[0];
    if (next && next.treeSize === this.tree.size) {
      this.pending.shift();
      this.checkpoints++;
      if (!this.tree.root().equals(next.rootHash)) return { problem: 'root', seq, entryId: entry.id, treeSize: next.treeSize };
    }
    return null;
  }

  /** After the last leaf and every checkpoint: a signed checkpoint beyond the tree means its tail was cut. */
  finish(): LedgerFault | null {
    const latest = this.pending[this.pending.length - 1];
    return latest && latest.treeSize > this.tree.size ? { problem: 'missing_tail', seq: this.tree.size, entryId: null, treeSize: latest.treeSize } : null;
  }
}
