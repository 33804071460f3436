import { canonicalPaper, shuffled, withPaper } from './ballot-box';

describe('ballot box', () => {
  it('stores a paper as its distinct approvals, sorted', () => {
    expect(canonicalPaper(['B', 'a', 'c', 'b'])).toEqual(['a', 'b', 'c']);
    expect(canonicalPaper([])).toEqual([]);
  });

  it('keeps every paper when one is added, as a multiset', () => {
    const box = [['a'], [], ['a']];
    const next = withPaper(box, ['b']);
    expect(next).toHaveLength(4);
    const key = (p: string[]) => JSON.stringify(p);
    expect(next.map(key).sort()).toEqual([...box, ['b']].map(key).sort());
  });

  it('does not keep the casting order: each position is reached by the newest paper', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 400 && seen.size < 5; i++) seen.add(withPaper([['1'], ['2'], ['3'], ['4']], ['new']).findIndex((p) => p[0] === 'new'));
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('shuffles with the given random source (Fisher–Yates)', () => {
    // rand always 0: each step swaps position i with 0.
    expect(shuffled([1, 2, 3], () => 0)).toEqual([2, 3, 1]);
    // rand(n) = n - 1: nothing moves.
    expect(shuffled([1, 2, 3], (n) => n - 1)).toEqual([1, 2, 3]);
  });
});
