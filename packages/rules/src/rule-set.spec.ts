import { defaultLegalBasis, defaultRuleSet, hasQuorum, quorumNeeded, quotaLimit } from './rule-set';

describe('rule set', () => {
  it('needs two thirds of members, rounded up', () => {
    const r = defaultRuleSet();
    expect(quorumNeeded(5, r)).toBe(4);
    expect(quorumNeeded(6, r)).toBe(4);
    expect(quorumNeeded(9, r)).toBe(6);
    expect(hasQuorum(3, 5, r)).toBe(false);
    expect(hasQuorum(4, 5, r)).toBe(true);
    expect(hasQuorum(0, 0, r)).toBe(false);
    expect(quorumNeeded(9, { quorumNumerator: 1, quorumDenominator: 2 })).toBe(5);
  });
  it('computes quotas by count and by percent of members', () => {
    expect(quotaLimit({ kind: 'count', value: 1 }, 9)).toBe(1);
    expect(quotaLimit({ kind: 'percent', value: 50 }, 5)).toBe(2);
    expect(quotaLimit({ kind: 'percent', value: 20 }, 10)).toBe(2);
    expect(quotaLimit({ kind: 'percent', value: 20 }, 11)).toBe(2);
    expect(quotaLimit({ kind: 'count', value: 1 }, 11)).toBe(1);
  });
  it('cites the decree in force for the year', () => {
    expect(defaultLegalBasis(2024).map((i) => i.number)).toContain('98/2023/NĐ-CP');
    expect(defaultLegalBasis(2026).map((i) => i.number)).toContain('152/2025/NĐ-CP');
  });
  it('gives each caller its own copy of the defaults', () => {
    const a = defaultRuleSet();
    a.quotas.gov_flag.value = 9;
    expect(defaultRuleSet().quotas.gov_flag.value).toBe(1);
  });
});
