import fc from 'fast-check';
import { generateKeyPairSync } from 'node:crypto';
import { publicKeyPem, signCheckpoint } from './ledger';
import { checkpointNote, DocumentProof, ed25519KeyFromPem, verifyDocumentProof } from './ledger-proof';
import { inclusionProof, leafHash, MerkleAppender, NodeId } from './merkle';
import { sha256 } from '@noble/hashes/sha2';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const pem = publicKeyPem(publicKey);

/** A ledger of n entries "entry i", sealed under one signed checkpoint; the proof of entry m. */
function proofOf(m: number, n: number): DocumentProof {
  const tree = new MerkleAppender();
  const nodes = new Map<string, Buffer>();
  for (let i = 0; i < n; i++) {
    const leaf = leafHash(`entry ${i}`);
    nodes.set(`0:${i}`, leaf);
    for (const c of tree.append(leaf)) nodes.set(`${c.level}:${c.index}`, c.hash);
  }
  const checkpoint = { treeSize: n, rootHash: tree.root(), sealedAt: '2026-12-07T06:00:00.123Z' };
  const path = inclusionProof(m, n, (id: NodeId) => nodes.get(`${id.level}:${id.index}`)!);
  return {
    leafIndex: m, leafData: `entry ${m}`, proof: path.map((p) => p.toString('hex')),
    checkpoint: { treeSize: n, rootHash: checkpoint.rootHash.toString('hex'), sealedAt: checkpoint.sealedAt, signature: signCheckpoint(checkpoint, privateKey).toString('base64') },
  };
}

describe('verifyDocumentProof', () => {
  it('accepts every entry of trees of any size under their signed checkpoint', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 70 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.constant(n))), ([m, n]) => {
      const check = verifyDocumentProof(proofOf(m, n), pem);
      expect(check).toMatchObject({ ok: true, problem: null, leafHash: leafHash(`entry ${m}`).toString('hex') });
    }), { numRuns: 60 });
  });

  it('names an edited entry, a forged checkpoint, another key and an unreadable proof', () => {
    const p = proofOf(5, 13);
    expect(verifyDocumentProof({ ...p, leafData: 'entry 5 ' }, pem).problem).toBe('content');
    expect(verifyDocumentProof({ ...p, leafIndex: 6 }, pem).problem).toBe('content');
    expect(verifyDocumentProof({ ...p, proof: p.proof.slice(1) }, pem).problem).toBe('shape');
    expect(verifyDocumentProof({ ...p, proof: ['zz'] }, pem).problem).toBe('shape');
    expect(verifyDocumentProof({ ...p, checkpoint: { ...p.checkpoint, sealedAt: '2026-12-07T06:00:01.123Z' } }, pem).problem).toBe('signature');
    // A root recomputed by someone without the key: the path leads to it, the signature does not.
    const other = proofOf(5, 14);
    expect(verifyDocumentProof({ ...p, checkpoint: { ...p.checkpoint, rootHash: other.checkpoint.rootHash } }, pem).problem).toBe('signature');
    expect(verifyDocumentProof(p, publicKeyPem(generateKeyPairSync('ed25519').publicKey)).problem).toBe('signature');
    expect(verifyDocumentProof(p, 'not a key').problem).toBe('signature');
  });

  it('the portable hash (what a browser runs) builds the same tree and checks the same proof', () => {
    const p = proofOf(9, 23);
    const proc = process as { getBuiltinModule?: unknown };
    const saved = proc.getBuiltinModule;
    proc.getBuiltinModule = undefined;
    try {
      jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const portable = require('./ledger-proof') as typeof import('./ledger-proof');
        expect(portable.verifyDocumentProof(p, pem)).toMatchObject({ ok: true, leafHash: leafHash('entry 9').toString('hex') });
        expect(portable.verifyDocumentProof({ ...p, leafData: 'entry 8' }, pem).problem).toBe('content');
      });
    } finally {
      proc.getBuiltinModule = saved;
    }
  });

  it('writes the note Node signs, and reads the raw key out of a PEM', () => {
    const root = Buffer.from(sha256(new Uint8Array([1])));
    expect(checkpointNote({ treeSize: 3, rootHash: root, sealedAt: 'T' })).toBe(`thidua-audit-ledger\n3\n${root.toString('base64')}\nT\n`);
    expect(Buffer.from(ed25519KeyFromPem(pem)!)).toEqual(publicKey.export({ type: 'spki', format: 'der' }).subarray(12));
    expect(ed25519KeyFromPem(publicKeyPem(generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey))).toBeNull();
  });
});
