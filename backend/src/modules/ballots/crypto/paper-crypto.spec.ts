import { ristretto255 } from '@noble/curves/ed25519';
import fc from 'fast-check';
import {
  decryptSum, encryptPaper, generateKeyPair, paperProblem, paperReceipt, sumPapers, verifyDecryption, type EncryptedPaper, type PaperContext,
} from './paper-crypto';

const key = generateKeyPair();
const ctx = (over: Partial<PaperContext> = {}): PaperContext => ({
  ballotId: '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f', publicKey: key.publicKey, candidates: 4, quota: 2, ...over,
});
const clone = (p: EncryptedPaper): EncryptedPaper => JSON.parse(JSON.stringify(p));
/** A paper of `candidates` choices with at most `quota` approvals. */
const votes = (candidates: number, quota: number) =>
  fc.uniqueArray(fc.nat(candidates - 1), { maxLength: quota }).map((idx) => Array.from({ length: candidates }, (_, i) => idx.includes(i)));

describe('encrypted papers', () => {
  it('the homomorphic sum, decrypted, is the number of approvals of each candidate; the decryption proof holds', () => {
    fc.assert(fc.property(fc.array(votes(4, 2), { minLength: 0, maxLength: 6 }), (ballots) => {
      const c = ctx();
      const papers = ballots.map((v) => encryptPaper(c, v));
      const counts = sumPapers(papers, 4).map((s) => decryptSum(c, key.secretKey, s, papers.length));
      expect(counts.map((d) => d.count)).toEqual([0, 1, 2, 3].map((i) => ballots.filter((v) => v[i]).length));
      for (const d of counts) expect(verifyDecryption(c, d)).toBe(true);
      // A wrong count does not verify.
      expect(verifyDecryption(c, { ...counts[0], count: counts[0].count + 1 })).toBe(false);
    }), { numRuns: 15 });
  });

  it('every honest paper verifies; its receipt is stable and differs between papers', () => {
    fc.assert(fc.property(votes(4, 2), (v) => {
      const p = encryptPaper(ctx(), v);
      expect(paperProblem(ctx(), p)).toBeNull();
      expect(paperReceipt(clone(p))).toBe(paperReceipt(p));
      expect(paperReceipt(encryptPaper(ctx(), v))).not.toBe(paperReceipt(p));
    }), { numRuns: 10 });
  });

  it('the same approvals encrypt differently every time (nothing to compare papers by)', () => {
    const a = encryptPaper(ctx(), [true, false, false, false]);
    const b = encryptPaper(ctx(), [true, false, false, false]);
    expect(a.choices[0].a).not.toBe(b.choices[0].a);
    expect(a.choices[0].b).not.toBe(b.choices[0].b);
  });

  it('refuses to prove a paper over the quota or of the wrong length', () => {
    expect(() => encryptPaper(ctx(), [true, true, true, false])).toThrow(/at most 2/);
    expect(() => encryptPaper(ctx(), [true])).toThrow(/4 choices/);
  });
});

describe('invalid papers are refused', () => {
  const honest = () => encryptPaper(ctx(), [true, false, true, false]);

  it('a choice that encrypts 2 or −1 (with a proof made for 1) fails its 0-or-1 proof', () => {
    for (const shift of [1, -1]) {
      const p = clone(honest());
      // Adds ±G to b: the encrypted value becomes 2 (or −1 for a 0 choice); the proof no longer matches.
      const P = ristretto255.Point;
      const b = P.fromHex(p.choices[0].b);
      p.choices[0].b = (shift > 0 ? b.add(P.BASE) : b.subtract(P.BASE)).toHex();
      expect(paperProblem(ctx(), p)).toMatchObject({ field: 'paper.choices.0.proof', code: 'choice_proof' });
    }
  });

  it('more approvals than the quota: each choice proves 0-or-1, the sum proof cannot', () => {
    // Proved for a quota of 3, cast in a ballot whose quota is 2: the sum's proof covers 0..3, not 0..2.
    const p = encryptPaper(ctx({ quota: 3 }), [true, true, true, false]);
    expect(paperProblem(ctx({ quota: 2 }), p)).toMatchObject({ field: 'paper.quotaProof', code: 'quota_proof' });
    // Dropping the last response to fit the shape does not help.
    const cut = clone(p);
    cut.quotaProof = { c: p.quotaProof.c.slice(0, 3), s: p.quotaProof.s.slice(0, 3) };
    expect(paperProblem(ctx({ quota: 2 }), cut)).toMatchObject({ code: 'quota_proof' });
  });

  it('no quota proof when the quota is at least the number of candidates; one sent anyway is refused', () => {
    const all = ctx({ quota: 4 });
    const p = encryptPaper(all, [true, true, true, true]);
    expect(p.quotaProof).toEqual({ c: [], s: [] });
    expect(paperProblem(all, p)).toBeNull();
    const withProof = { ...p, quotaProof: encryptPaper(ctx({ quota: 3 }), [true, true, true, false]).quotaProof };
    expect(paperProblem(all, withProof)).toMatchObject({ field: 'paper.quotaProof', code: 'quota_proof' });
    // The same paper where the quota binds (3 of 4) has no proof to show.
    expect(paperProblem(ctx({ quota: 3 }), p)).toMatchObject({ field: 'paper.quotaProof', code: 'quota_proof' });
  });

  it('a tampered proof or ciphertext is refused, whichever byte changes', () => {
    const p = honest();
    fc.assert(fc.property(fc.nat(3), fc.constantFrom<'c' | 's'>('c', 's'), fc.nat(1), fc.nat(63), (i, k, j, pos) => {
      const t = clone(p);
      const arr = t.choices[i].proof[k];
      const ch = arr[j][pos];
      arr[j] = arr[j].slice(0, pos) + (ch === '0' ? '1' : '0') + arr[j].slice(pos + 1);
      expect(paperProblem(ctx(), t)).not.toBeNull();
    }), { numRuns: 25 });
    const swapped = clone(p);
    [swapped.choices[0], swapped.choices[1]] = [swapped.choices[1], swapped.choices[0]];
    expect(paperProblem(ctx(), swapped)).toMatchObject({ code: 'choice_proof' });
  });

  it('a paper replayed in another ballot, or under another key, is refused', () => {
    const p = honest();
    expect(paperProblem(ctx({ ballotId: '0e1f2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b' }), p)).toMatchObject({ code: 'choice_proof' });
    expect(paperProblem(ctx({ publicKey: generateKeyPair().publicKey }), p)).toMatchObject({ code: 'choice_proof' });
  });

  it('wrong shapes are refused before any arithmetic, naming the field', () => {
    const p = honest();
    const cases: [unknown, string][] = [
      [null, 'paper.choices'], [{}, 'paper.choices'], [{ ...p, choices: p.choices.slice(1) }, 'paper.choices'],
      [{ ...p, choices: [...p.choices.slice(0, 3), 'x'] }, 'paper.choices.3'],
      [{ ...p, choices: [{ ...p.choices[0], a: 'zz' }, ...p.choices.slice(1)] }, 'paper.choices.0'],
      [{ ...p, choices: [{ ...p.choices[0], a: p.choices[0].a.toUpperCase() }, ...p.choices.slice(1)] }, 'paper.choices.0'],
      [{ ...p, choices: [{ ...p.choices[0], a: '0'.repeat(64) }, ...p.choices.slice(1)] }, 'paper.choices.0'],
      [{ ...p, choices: [{ ...p.choices[0], proof: { c: ['1'], s: [] } }, ...p.choices.slice(1)] }, 'paper.choices.0.proof'],
      [{ ...p, quotaProof: null }, 'paper.quotaProof'],
    ];
    for (const [paper, field] of cases) expect(paperProblem(ctx(), paper)?.field).toBe(field);
  });
});
