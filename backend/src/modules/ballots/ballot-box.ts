/**
 * The ballot box (hòm phiếu) of an electronic ballot. Pure: no NestJS or TypeORM here.
 *
 * A paper is the sorted list of the candidate unit ids it approves (the order a voter ticked them in is
 * not kept). The box is every paper of the ballot in one array, shuffled again with a cryptographic
 * random source each time a paper is added, so the position of a paper says nothing about when it was cast.
 */
import { randomInt } from 'node:crypto';

/** The stored form of a paper: distinct ids, sorted. */
export function canonicalPaper(approvals: readonly string[]): string[] {
  return [...new Set(approvals.map((a) => a.toLowerCase()))].sort();
}

/** Fisher–Yates with `rand(n)` returning an integer in [0, n). */
export function shuffled<T>(items: readonly T[], rand: (n: number) => number = randomInt): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rand(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** The box after one more paper: all papers, the new one included, in a fresh random order. */
export function withPaper(papers: readonly (readonly string[])[], paper: readonly string[], rand?: (n: number) => number): string[][] {
  return shuffled([...papers.map((p) => [...p]), [...paper]], rand);
}
