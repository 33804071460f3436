import fc from 'fast-check';
import { generateKeyPairSync } from 'node:crypto';
import { checkpointSignatureValid, entryLeafHash, HASHED_COLUMNS, leafData, LeafRow, parsePublicKey, parseSigningKey, signCheckpoint } from './ledger';
import { LedgerVerifier } from './ledger-verify';
import { MerkleAppender } from './merkle';

const row = (i: number, over: Partial<LeafRow> = {}): LeafRow => ({
  id: String(i + 1), xid: String(1000 + i), occurred_at: '2025-01-06T09:30:00.000000Z', actor_id: null, actor_name: 'Lê Thu Trang', action: 'unit.update',
  entity_type: 'unit', entity_id: `u${i}`, block_id: null, before: '{"name": "A"}', after: `{"name": "B${i}"}`, reason: '', request_id: null, ...over,
});

describe('ledger leaves and checkpoints', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const keyId = 'k1';
  const trusted = new Map([[keyId, publicKey]]);

  it('every column changes the leaf, and null differs from empty text', () => {
    fc.assert(fc.property(fc.constantFrom(...HASHED_COLUMNS), fc.string(), (col, value) => {
      const r = row(1);
      fc.pre(r[col] !== value);
      expect(entryLeafHash({ ...r, [col]: value })).not.toEqual(entryLeafHash(r));
    }));
    expect(entryLeafHash(row(1, { reason: null }))).not.toEqual(entryLeafHash(row(1, { reason: '' })));
  });

  it('an entry without a request id keeps the v1 leaf (leaves sealed before the column existed stay valid); with one, v2 seals it too', () => {
    const r = row(1);
    expect(leafData(r)).toBe(JSON.stringify(['thidua-audit-v1', '2', '1001', '2025-01-06T09:30:00.000000Z', null, 'Lê Thu Trang', 'unit.update', 'unit', 'u1', null, '{"name": "A"}', '{"name": "B1"}', '']));
    const withId = row(1, { request_id: 'a1b2c3d4-0000-4000-8000-000000000001' });
    expect(JSON.parse(leafData(withId))).toEqual(['thidua-audit-v2', ...JSON.parse(leafData(r)).slice(1), 'a1b2c3d4-0000-4000-8000-000000000001']);
    expect(entryLeafHash(withId)).not.toEqual(entryLeafHash(r));
    expect(entryLeafHash(row(1, { request_id: '' }))).not.toEqual(entryLeafHash(r));
  });

  it('a signature covers size, root and time', () => {
    const cp = { treeSize: 3, rootHash: Buffer.alloc(32, 1), sealedAt: '2025-01-06T02:30:00.000Z' };
    const sig = signCheckpoint(cp, privateKey);
    expect(checkpointSignatureValid(cp, sig, publicKey)).toBe(true);
    expect(checkpointSignatureValid({ ...cp, treeSize: 2 }, sig, publicKey)).toBe(false);
    expect(checkpointSignatureValid({ ...cp, sealedAt: '2025-01-06T02:30:00.001Z' }, sig, publicKey)).toBe(false);
    expect(checkpointSignatureValid({ ...cp, rootHash: Buffer.alloc(32, 2) }, sig, publicKey)).toBe(false);
    expect(checkpointSignatureValid(cp, sig, generateKeyPairSync('ed25519').publicKey)).toBe(false);
  });

  it('reads keys as PEM or base64 DER, and refuses other kinds', () => {
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const der = privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
    expect(parseSigningKey(pem).equals(privateKey)).toBe(true);
    expect(parseSigningKey(der).equals(privateKey)).toBe(true);
    expect(parsePublicKey(publicKey.export({ type: 'spki', format: 'der' }).toString('base64')).equals(publicKey)).toBe(true);
    expect(() => parseSigningKey(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString())).toThrow();
    expect(() => parseSigningKey('không phải khóa')).toThrow();
  });

  describe('the verifier', () => {
    /** A ledger of n rows with a signed checkpoint after each of `at`. */
    function ledger(n: number, at: number[]) {
      const rows = [...Array(n).keys()].map((i) => row(i));
      const t = new MerkleAppender();
      const cps = [];
      for (const r of rows) {
        t.append(entryLeafHash(r));
        if (at.includes(t.size)) {
          const cp = { treeSize: t.size, rootHash: t.root(), sealedAt: new Date(2025, 0, t.size).toISOString() };
          cps.push({ ...cp, keyId, signature: signCheckpoint(cp, privateKey) });
        }
      }
      return { rows, leaves: rows.map(entryLeafHash), cps };
    }
    function run(l: ReturnType<typeof ledger>, rows = l.rows, seqs = rows.map((_, i) => i), leaves = l.leaves) {
      const v = new LedgerVerifier(trusted);
      const f = v.addCheckpoints(l.cps);
      if (f) return f;
      for (let i = 0; i < rows.length; i++) {
        const fault = v.leaf(seqs[i], rows[i], leaves[i]);
        if (fault) return fault;
      }
      return v.finish();
    }

    it('accepts an intact ledger, matching every checkpoint', () => {
      const l = ledger(10, [1, 2, 4, 7, 10]);
      const v = new LedgerVerifier(trusted);
      expect(v.addCheckpoints(l.cps)).toBeNull();
      l.rows.forEach((r, i) => expect(v.leaf(i, r, l.leaves[i])).toBeNull());
      expect(v.finish()).toBeNull();
      expect(v.checkpoints).toBe(5);
    });
    it('names an edited row, a gap, a removed entry, a cut tail, a re-rooted and a forged checkpoint', () => {
      const l = ledger(10, [4, 7, 10]);
      expect(run(l, l.rows.map((r, i) => (i === 5 ? { ...r, actor_name: 'Người khác' } : r)))).toMatchObject({ problem: 'content', seq: 5, entryId: '6' });
      expect(run(l, l.rows.filter((_, i) => i !== 3), [0, 1, 2, 4, 5, 6, 7, 8, 9], l.leaves.filter((_, i) => i !== 3))).toMatchObject({ problem: 'gap', seq: 3 });
      expect(run(l, l.rows.map((r, i) => (i === 2 ? (null as unknown as LeafRow) : r)))).toMatchObject({ problem: 'missing_entry', seq: 2 });
      expect(run(l, l.rows.slice(0, 8), undefined, l.leaves.slice(0, 8))).toMatchObject({ problem: 'missing_tail', seq: 8, treeSize: 10 });
      const edited = l.rows.map((r, i) => (i === 5 ? { ...r, reason: 'sửa lén' } : r));
      expect(run(l, edited, undefined, edited.map(entryLeafHash))).toMatchObject({ problem: 'root', treeSize: 7 });
      const rerooted = { ...l, cps: l.cps.map((c, i) => (i === 1 ? { ...c, rootHash: Buffer.alloc(32, 9) } : c)) };
      expect(run(rerooted)).toMatchObject({ problem: 'signature', treeSize: 7 });
      const untrusted = { ...l, cps: l.cps.map((c) => ({ ...c, keyId: 'other' })) };
      expect(run(untrusted)).toMatchObject({ problem: 'signature', treeSize: 4 });
    });
  });
});
