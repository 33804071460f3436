import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { EMPTY_ROOT, frontierIds, inclusionProof, inclusionProofIds, leafHash, MerkleAppender, nodeHash, NodeId, rootFromInclusionProof } from './merkle';

/** RFC 6962 §2.1 MTH, straight from the definition. */
function mth(leaves: Buffer[]): Buffer {
  if (leaves.length === 0) return createHash('sha256').digest();
  if (leaves.length === 1) return leaves[0];
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return nodeHash(mth(leaves.slice(0, k)), mth(leaves.slice(k)));
}

const leavesOf = (n: number) => [...Array(n).keys()].map((i) => leafHash(`entry ${i}`));

/** Every complete subtree of a tree, as a store would hold it. */
function store(leaves: Buffer[]): (id: NodeId) => Buffer {
  const t = new MerkleAppender();
  const nodes = new Map<string, Buffer>();
  leaves.forEach((l, i) => {
    nodes.set(`0:${i}`, l);
    for (const n of t.append(l)) nodes.set(`${n.level}:${n.index}`, n.hash);
  });
  return (id) => {
    const h = nodes.get(`${id.level}:${id.index}`);
    if (!h) throw new Error(`no node ${id.level}:${id.index}`);
    return h;
  };
}

describe('Merkle tree (RFC 6962)', () => {
  it('hashes leaves and nodes with the 0x00 / 0x01 prefixes', () => {
    expect(leafHash('').toString('hex')).toBe('6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d');
    expect(EMPTY_ROOT.toString('hex')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(new MerkleAppender().root()).toEqual(EMPTY_ROOT);
  });

  it('the incremental root equals MTH at every size, also when continued from a stored frontier', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 }), (n, cut) => {
      const leaves = leavesOf(n);
      const t = new MerkleAppender();
      leaves.forEach((l) => t.append(l));
      expect(t.root()).toEqual(mth(leaves));
      const k = Math.min(cut, n);
      const node = store(leaves);
      const resumed = new MerkleAppender(k, frontierIds(k).map(node));
      leaves.slice(k).forEach((l) => resumed.append(l));
      expect(resumed.root()).toEqual(mth(leaves));
    }), { numRuns: 60 });
  });

  it('every inclusion proof verifies against the root, and only for its own leaf, index and size', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 200 }).chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 0, max: n - 1 }))), ([n, m]) => {
      const leaves = leavesOf(n);
      const root = mth(leaves);
      const node = store(leaves);
      const proof = inclusionProof(m, n, node);
      expect(rootFromInclusionProof(m, n, leaves[m], proof)).toEqual(root);
      expect(inclusionProofIds(m, n).every((id) => node(id))).toBe(true);
      expect(rootFromInclusionProof(m, n, leafHash('forged'), proof)).not.toEqual(root);
      if (n > 1) expect(rootFromInclusionProof((m + 1) % n, n, leaves[m], proof)).not.toEqual(root);
      if (proof.length) {
        const bent = proof.map((p, i) => (i === proof.length - 1 ? leafHash('x') : p));
        expect(rootFromInclusionProof(m, n, leaves[m], bent)).not.toEqual(root);
      }
    }), { numRuns: 200 });
  });

  it('a proof of the wrong length or an index outside the tree is refused', () => {
    const leaves = leavesOf(5);
    const proof = inclusionProof(2, 5, store(leaves));
    expect(rootFromInclusionProof(2, 5, leaves[2], proof.slice(1))).not.toEqual(mth(leaves));
    expect(rootFromInclusionProof(5, 5, leaves[2], proof)).toBeNull();
    expect(() => inclusionProof(5, 5, store(leaves))).toThrow();
  });
});
