/**
 * The cryptography of an electronic secret ballot, Helios-style. Pure and shared: the server imports it to
 * verify and count, the browser (through the `@ballot-crypto` alias) to encrypt and prove. Nothing from
 * NestJS, TypeORM or Node here; randomness comes from Web Crypto (`crypto.getRandomValues`).
 *
 * - Group: ristretto255 (prime order, no cofactor), generator G, scalars mod its order n.
 * - A ballot's key pair: secret x, public H = x·G.
 * - A paper, per candidate, is an exponential-ElGamal encryption of m ∈ {0, 1} (1 = đồng ý):
 *   (a, b) = (r·G, m·G + r·H) with a fresh random r.
 * - Each encryption carries a disjunctive Chaum–Pedersen proof that m is 0 or 1, and the sum of the
 *   paper's encryptions (Σa, Σb) carries one that Σm is in 0..quota (empty when the quota is at least the
 *   number of candidates: no paper of 0s and 1s can exceed it). Non-interactive by Fiat–Shamir: the
 *   challenge hashes the ballot id, the public key, what is proved (candidate index or the sum with its
 *   quota) and the ciphertext, so a paper proved for one ballot or one position fails anywhere else.
 * - Counting multiplies (adds, in additive notation) the encryptions per candidate and decrypts only the
 *   sums: k·G with k at most the number of papers, found by walking G, 2G, … Each decrypted sum carries a
 *   Chaum–Pedersen proof that it was decrypted with the ballot's key, so anyone can check the count.
 */
import { ristretto255 } from '@noble/curves/ed25519';
import { sha256, sha512 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

const Point = ristretto255.Point;
type Point = InstanceType<typeof Point>;
const G = Point.BASE;
const N = Point.Fn.ORDER;
const DOMAIN = 'thidua-ballot-v1';
const HEX64 = /^[0-9a-f]{64}$/;

/** Hex of 32 bytes: a ristretto255 point or a scalar (little-endian). */
export type Hex32 = string;

export interface Ciphertext { a: Hex32; b: Hex32 }
/** Proof that a ciphertext holds one of 0..max: a challenge and a response per possible value. */
export interface RangeProof { c: Hex32[]; s: Hex32[] }
export interface EncryptedChoice extends Ciphertext { proof: RangeProof }
/** What a unit casts: one encrypted 0/1 per candidate (in the ballot's candidate order) and the quota proof. */
export interface EncryptedPaper { choices: EncryptedChoice[]; quotaProof: RangeProof }

/** What a paper is bound to. */
export interface PaperContext {
  ballotId: string;
  publicKey: Hex32;
  candidates: number;
  quota: number;
}

export interface KeyPair { secretKey: Hex32; publicKey: Hex32 }

/** A decrypted per-candidate sum with the proof that the ballot's key decrypted it. */
export interface DecryptedSum extends Ciphertext { count: number; proof: { c: Hex32; s: Hex32 } }

export type PaperProblemCode = 'paper_shape' | 'paper_point' | 'choice_proof' | 'quota_proof';
export interface PaperProblem { field: string; code: PaperProblemCode; index?: number }

// ---------------------------------------------------------------- encoding

const mod = (x: bigint) => ((x % N) + N) % N;

function randomScalar(): bigint {
  const bytes = new Uint8Array(64);
  globalThis.crypto.getRandomValues(bytes);
  const x = mod(leToBigint(bytes));
  return x === 0n ? randomScalar() : x;
}

function leToBigint(bytes: Uint8Array): bigint {
  let x = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) x = (x << 8n) | BigInt(bytes[i]);
  return x;
}

function scalarHex(x: bigint): Hex32 {
  const out = new Uint8Array(32);
  let v = x;
  for (let i = 0; i < 32; i++) { out[i] = Number(v & 0xffn); v >>= 8n; }
  return bytesToHex(out);
}

/** A canonical scalar (< n), or null. */
function parseScalar(hex: unknown): bigint | null {
  if (typeof hex !== 'string' || !HEX64.test(hex)) return null;
  const bytes = new Uint8Array(32);
  for (let i = 0; i < 32; i++) bytes[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  const x = leToBigint(bytes);
  return x < N ? x : null;
}

/** A valid ristretto255 encoding, or null. */
function parsePoint(hex: unknown): Point | null {
  if (typeof hex !== 'string' || !HEX64.test(hex)) return null;
  try {
    return Point.fromHex(hex);
  } catch {
    return null;
  }
}

const hexOf = (p: Point): Hex32 => p.toHex();

/** The ballot's public key, with its multiples tabled: a paper multiplies it dozens of times. */
function publicKeyPoint(hex: Hex32): Point {
  const h = parsePoint(hex);
  if (!h || h.is0()) throw new Error('invalid ballot public key');
  return h.precompute(8);
}
/** x·P for public data; 0·P is the identity (noble refuses a zero scalar in multiply). */
const mulPublic = (p: Point, x: bigint): Point => (x === 0n ? Point.ZERO : p.multiplyUnsafe(x));
const mulSecret = (p: Point, x: bigint): Point => (x === 0n ? Point.ZERO : p.multiply(x));
/** k·G for a small public k. */
const small = (k: number): Point => mulPublic(G, BigInt(k));

function challenge(parts: string[]): bigint {
  return mod(leToBigint(sha512(utf8ToBytes([DOMAIN, ...parts].join('|')))));
}

/**
 * Range proofs use 128-bit challenges (added mod 2^128 across the branches): 128-bit soundness, and the
 * verifier's c·P multiplications take half the doublings. Responses stay full scalars mod n.
 */
const CH = 1n << 128n;
const modCh = (x: bigint) => ((x % CH) + CH) % CH;
const rangeChallenge = (parts: string[]) => challenge(parts) % CH;
function randomChallenge(): bigint {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return leToBigint(bytes);
}

// ---------------------------------------------------------------- keys

export function generateKeyPair(): KeyPair {
  const x = randomScalar();
  return { secretKey: scalarHex(x), publicKey: hexOf(mulSecret(G, x)) };
}

export function isPublicKey(hex: unknown): boolean {
  const p = parsePoint(hex);
  return !!p && !p.is0();
}

// ---------------------------------------------------------------- range proofs (0..max)

/** What a range proof is about: the ciphertext as points and as its (canonical) encoding. */
interface Statement { label: string; a: Point; b: Point; hex: Ciphertext; max: number }

function statementParts(ctx: PaperContext, st: Statement): string[] {
  return [ctx.ballotId.toLowerCase(), ctx.publicKey, st.label, String(st.max), st.hex.a, st.hex.b];
}

/** Proves (a, b) = (r·G, m·G + r·H) with m in 0..max, simulating every other value. */
function proveRange(ctx: PaperContext, h: Point, st: Statement, r: bigint, m: number): RangeProof {
  const cs: bigint[] = [];
  const ss: bigint[] = [];
  const commits: string[] = [];
  const w = randomScalar();
  for (let j = 0; j <= st.max; j++) {
    if (j === m) {
      cs.push(0n); ss.push(0n);
      commits.push(hexOf(mulSecret(G, w)), hexOf(mulSecret(h, w)));
      continue;
    }
    const c = randomChallenge();
    const s = randomScalar();
    cs.push(c); ss.push(s);
    const [A, B] = simulated(h, st, j, c, s);
    commits.push(hexOf(A), hexOf(B));
  }
  const total = rangeChallenge([...statementParts(ctx, st), ...commits]);
  const cm = modCh(total - cs.reduce((x, y) => x + y, 0n));
  cs[m] = cm;
  ss[m] = mod(w + cm * r);
  return { c: cs.map(scalarHex), s: ss.map(scalarHex) };
}

/** The commitments a proof with challenge c and response s implies for value j. */
function simulated(h: Point, st: Statement, j: number, c: bigint, s: bigint): [Point, Point] {
  const A = mulPublic(G, s).subtract(mulPublic(st.a, c));
  const B = mulPublic(h, s).subtract(mulPublic(st.b.subtract(small(j)), c));
  return [A, B];
}

function verifyRange(ctx: PaperContext, h: Point, st: Statement, proof: RangeProof): boolean {
  if (!proof || !Array.isArray(proof.c) || !Array.isArray(proof.s) || proof.c.length !== st.max + 1 || proof.s.length !== st.max + 1) return false;
  const cs = proof.c.map(parseScalar);
  const ss = proof.s.map(parseScalar);
  if (cs.some((x) => x === null || x >= CH) || ss.some((x) => x === null)) return false;
  const commits: string[] = [];
  for (let j = 0; j <= st.max; j++) {
    const [A, B] = simulated(h, st, j, cs[j]!, ss[j]!);
    commits.push(hexOf(A), hexOf(B));
  }
  const total = rangeChallenge([...statementParts(ctx, st), ...commits]);
  return modCh(cs.reduce((x, y) => x! + y!, 0n)!) === total;
}

const choiceLabel = (index: number) => `choice:${index}`;
/** The quota needs its own proof only when a paper could approve more candidates than it allows. */
const quotaBinds = (ctx: PaperContext) => ctx.quota < ctx.candidates;
const SUM_LABEL = 'sum';

// ---------------------------------------------------------------- papers

/**
 * Encrypts a paper: `approvals[i]` says whether candidate i (in the ballot's order) is approved. Throws
 * when the paper would be refused (wrong length, more approvals than the quota): nobody proves a lie.
 */
export function encryptPaper(ctx: PaperContext, approvals: readonly boolean[]): EncryptedPaper {
  if (approvals.length !== ctx.candidates) throw new Error(`a paper has ${ctx.candidates} choices, got ${approvals.length}`);
  const total = approvals.filter(Boolean).length;
  if (total > ctx.quota) throw new Error(`at most ${ctx.quota} approvals, got ${total}`);
  const h = publicKeyPoint(ctx.publicKey);
  let sumA = Point.ZERO;
  let sumB = Point.ZERO;
  let sumR = 0n;
  const choices = approvals.map((yes, i) => {
    const r = randomScalar();
    const m = yes ? 1 : 0;
    const a = mulSecret(G, r);
    const b = mulSecret(h, r).add(small(m));
    sumA = sumA.add(a); sumB = sumB.add(b); sumR = mod(sumR + r);
    const hex = { a: hexOf(a), b: hexOf(b) };
    return { ...hex, proof: proveRange(ctx, h, { label: choiceLabel(i), a, b, hex, max: 1 }, r, m) };
  });
  if (!quotaBinds(ctx)) return { choices, quotaProof: { c: [], s: [] } };
  const sum = { label: SUM_LABEL, a: sumA, b: sumB, hex: { a: hexOf(sumA), b: hexOf(sumB) }, max: ctx.quota };
  return { choices, quotaProof: proveRange(ctx, h, sum, sumR, total) };
}

/**
 * Why a paper is refused, or null when it is well formed and every proof holds. Checks the shape before
 * any arithmetic, so a malformed paper costs nothing.
 */
export function paperProblem(ctx: PaperContext, paper: unknown): PaperProblem | null {
  const h = publicKeyPoint(ctx.publicKey);
  const p = paper as EncryptedPaper;
  if (!p || typeof p !== 'object' || !Array.isArray(p.choices)) return { field: 'paper.choices', code: 'paper_shape' };
  if (p.choices.length !== ctx.candidates) return { field: 'paper.choices', code: 'paper_shape' };
  const points: [Point, Point][] = [];
  for (const [i, c] of p.choices.entries()) {
    if (!c || typeof c !== 'object') return { field: `paper.choices.${i}`, code: 'paper_shape', index: i };
    const a = parsePoint(c.a);
    const b = parsePoint(c.b);
    if (!a || !b || a.is0()) return { field: `paper.choices.${i}`, code: 'paper_point', index: i };
    points.push([a, b]);
  }
  for (const [i, [a, b]] of points.entries()) {
    const hex = { a: p.choices[i].a, b: p.choices[i].b };
    if (!verifyRange(ctx, h, { label: choiceLabel(i), a, b, hex, max: 1 }, p.choices[i].proof)) return { field: `paper.choices.${i}.proof`, code: 'choice_proof', index: i };
  }
  if (!quotaBinds(ctx)) {
    const q = p.quotaProof;
    return q && Array.isArray(q.c) && Array.isArray(q.s) && q.c.length === 0 && q.s.length === 0 ? null : { field: 'paper.quotaProof', code: 'quota_proof' };
  }
  const sumA = points.reduce((s, [a]) => s.add(a), Point.ZERO);
  const sumB = points.reduce((s, [, b]) => s.add(b), Point.ZERO);
  const sum = { label: SUM_LABEL, a: sumA, b: sumB, hex: { a: hexOf(sumA), b: hexOf(sumB) }, max: ctx.quota };
  if (!verifyRange(ctx, h, sum, p.quotaProof)) return { field: 'paper.quotaProof', code: 'quota_proof' };
  return null;
}

/** The paper as stored and hashed: exactly the fields above, in this order, lower-case hex. */
export function canonicalPaper(paper: EncryptedPaper): EncryptedPaper {
  const proof = (x: RangeProof): RangeProof => ({ c: x.c.map((v) => v.toLowerCase()), s: x.s.map((v) => v.toLowerCase()) });
  return {
    choices: paper.choices.map((c) => ({ a: c.a.toLowerCase(), b: c.b.toLowerCase(), proof: proof(c.proof) })),
    quotaProof: proof(paper.quotaProof),
  };
}

/** Biên nhận: SHA-256 of the canonical paper. Proves the paper is in the count, says nothing of its content. */
export function paperReceipt(paper: EncryptedPaper): string {
  return bytesToHex(sha256(utf8ToBytes(JSON.stringify(canonicalPaper(paper)))));
}

// ---------------------------------------------------------------- counting

/** Per candidate, the sum of every paper's encryption: an encryption of the number of approvals. */
export function sumPapers(papers: readonly EncryptedPaper[], candidates: number): Ciphertext[] {
  const sums = Array.from({ length: candidates }, () => ({ a: Point.ZERO, b: Point.ZERO }));
  for (const p of papers) {
    for (let i = 0; i < candidates; i++) {
      sums[i].a = sums[i].a.add(Point.fromHex(p.choices[i].a));
      sums[i].b = sums[i].b.add(Point.fromHex(p.choices[i].b));
    }
  }
  return sums.map((s) => ({ a: hexOf(s.a), b: hexOf(s.b) }));
}

/** Decrypts a sum known to be in 0..max and proves it was decrypted with the ballot's key. */
export function decryptSum(ctx: Pick<PaperContext, 'ballotId' | 'publicKey'>, secretKey: Hex32, sum: Ciphertext, max: number): DecryptedSum {
  const x = parseScalar(secretKey);
  const a = parsePoint(sum.a);
  const b = parsePoint(sum.b);
  if (x === null || !a || !b) throw new Error('invalid key or ciphertext');
  const mG = b.subtract(mulSecret(a, x));
  let count = -1;
  let acc = Point.ZERO;
  for (let k = 0; k <= max; k++) {
    if (acc.equals(mG)) { count = k; break; }
    acc = acc.add(G);
  }
  if (count < 0) throw new Error(`the sum is not in 0..${max}`);
  const w = randomScalar();
  const c = challenge(decryptionParts(ctx, sum, count, mulSecret(G, w), mulSecret(a, w)));
  return { a: sum.a, b: sum.b, count, proof: { c: scalarHex(c), s: scalarHex(mod(w + c * x)) } };
}

function decryptionParts(ctx: Pick<PaperContext, 'ballotId' | 'publicKey'>, sum: Ciphertext, count: number, A: Point, B: Point): string[] {
  return [ctx.ballotId.toLowerCase(), ctx.publicKey, 'decrypt', sum.a, sum.b, String(count), hexOf(A), hexOf(B)];
}

/** Anyone can check a published count: the proof shows b − count·G = x·a for the x behind the public key. */
export function verifyDecryption(ctx: Pick<PaperContext, 'ballotId' | 'publicKey'>, d: DecryptedSum): boolean {
  const h = parsePoint(ctx.publicKey);
  const a = parsePoint(d.a);
  const b = parsePoint(d.b);
  const c = parseScalar(d.proof?.c);
  const s = parseScalar(d.proof?.s);
  if (!h || !a || !b || c === null || s === null || !Number.isInteger(d.count) || d.count < 0) return false;
  const A = mulPublic(G, s).subtract(mulPublic(h, c));
  const B = mulPublic(a, s).subtract(mulPublic(b.subtract(small(d.count)), c));
  return challenge(decryptionParts(ctx, d, d.count, A, B)) === c;
}
