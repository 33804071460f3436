import { ResultsCache, resultsKey } from './ranking-cache';

describe('ResultsCache', () => {
  it('returns a value only for the exact key it was stored under', () => {
    const c = new ResultsCache<number[]>(4);
    c.set('r1', 'k1', [1]);
    expect(c.get('r1', 'k1')).toEqual([1]);
    expect(c.get('r1', 'k2')).toBeUndefined();
    expect(c.get('r2', 'k1')).toBeUndefined();
    c.set('r1', 'k2', [2]); // one entry per round: the newer key replaces the older
    expect(c.get('r1', 'k1')).toBeUndefined();
    expect(c.get('r1', 'k2')).toEqual([2]);
    expect(c.size).toBe(1);
  });

  it('keeps at most `limit` rounds, dropping the least recently used', () => {
    const c = new ResultsCache<string>(2);
    c.set('a', 'k', 'A');
    c.set('b', 'k', 'B');
    expect(c.get('a', 'k')).toBe('A'); // a is now the most recently used
    c.set('c', 'k', 'C');
    expect(c.size).toBe(2);
    expect(c.get('b', 'k')).toBeUndefined();
    expect(c.get('a', 'k')).toBe('A');
    expect(c.get('c', 'k')).toBe('C');
  });

  it('freezes what it stores, deeply: callers share it', () => {
    const c = new ResultsCache<{ rows: { total: number }[] }>(1);
    const v = c.set('r', 'k', { rows: [{ total: 1 }] });
    expect(() => {
      (v.rows[0] as { total: number }).total = 2;
    }).toThrow(TypeError);
    expect(Object.isFrozen(c.get('r', 'k')!.rows)).toBe(true);
  });
});

describe('resultsKey', () => {
  const round = { id: 'r', schemeId: 's', blockYearId: 'y' };
  const rules = { finalScoreRule: 'leader_appraisal', tieBreakChain: ['first_group_score'] };
  const fp = { entries: '10:1', assignments: '2:3', targets: '1:4', members: '5:6', scheme: '7/8:9' };
  const cov = [{ unitId: 'u', indicator: 'II.1', targetValue: 10 }];
  const base = resultsKey(round, rules, fp, cov);

  it('is stable for the same inputs and changes with every one of them', () => {
    expect(resultsKey({ ...round }, { ...rules }, { ...fp }, [...cov])).toBe(base);
    const variants = [
      resultsKey({ ...round, id: 'r2' }, rules, fp, cov),
      resultsKey({ ...round, schemeId: 's2' }, rules, fp, cov),
      resultsKey({ ...round, blockYearId: 'y2' }, rules, fp, cov),
      resultsKey(round, { ...rules, finalScoreRule: 'peer_median' }, fp, cov),
      resultsKey(round, { ...rules, tieBreakChain: ['fewer_deductions'] }, fp, cov),
      ...(Object.keys(fp) as (keyof typeof fp)[]).map((k) => resultsKey(round, rules, { ...fp, [k]: `${fp[k]}x` }, cov)),
      resultsKey(round, rules, fp, cov, new Map([['u1', [{ awardId: 'a1', points: 10 }]]])),
      resultsKey(round, rules, fp, [{ ...cov[0], targetValue: 11 }]),
      resultsKey(round, rules, fp, [{ ...cov[0], indicator: 'II.2' }]),
      resultsKey(round, rules, fp, []),
    ];
    for (const v of variants) expect(v).not.toBe(base);
    expect(new Set(variants).size).toBe(variants.length);
  });
});
