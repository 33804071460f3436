import { AWARD_CODES } from '@thidua/rules';
import * as api from './index';
import { AWARD_NAMES, isCount, isValidQuota, LEADING_UNIT_ONLY_AWARDS, repeatedIds, RuleInputError, unitLabel } from './common';

describe('common rule helpers', () => {
  it('recognises counts', () => {
    expect([0, 1, 12].every(isCount)).toBe(true);
    expect([-1, 1.5, Number.NaN, Infinity, '3', null].some((x) => isCount(x))).toBe(false);
  });

  it('recognises usable quotas', () => {
    expect(isValidQuota({ kind: 'count', value: 0 })).toBe(true);
    expect(isValidQuota({ kind: 'percent', value: 50 })).toBe(true);
    expect(isValidQuota({ kind: 'percent', value: 12.5 })).toBe(true);
    expect(isValidQuota({ kind: 'count', value: 1.5 })).toBe(false);
    expect(isValidQuota({ kind: 'percent', value: 101 })).toBe(false);
    expect(isValidQuota({ kind: 'share', value: 1 } as never)).toBe(false);
  });

  it('labels units by name when known, by id otherwise, ignoring inherited keys', () => {
    expect(unitLabel('u1', { u1: 'Sở Nội vụ' })).toBe('Sở Nội vụ');
    expect(unitLabel('u2', { u1: 'Sở Nội vụ' })).toBe('u2');
    expect(unitLabel('constructor', {})).toBe('constructor');
    expect(unitLabel('u1')).toBe('u1');
  });

  it('lists repeated ids once each', () => {
    expect(repeatedIds(['a', 'b', 'a', 'c', 'b', 'a'])).toEqual(['a', 'b']);
    expect(repeatedIds([])).toEqual([]);
  });

  it('carries every problem in a RuleInputError', () => {
    const e = new RuleInputError([
      { field: 'a', message: 'Một' },
      { field: 'b', message: 'Hai' },
    ]);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('RuleInputError');
    expect(e.message).toBe('Một; Hai');
    expect(e.errors.map((x) => x.field)).toEqual(['a', 'b']);
  });

  it('names every award and keeps the Government flag for leading units', () => {
    expect(Object.keys(AWARD_NAMES).sort()).toEqual([...AWARD_CODES].sort());
    expect(AWARD_NAMES.gov_flag).toBe('Cờ thi đua của Chính phủ');
    expect(LEADING_UNIT_ONLY_AWARDS).toEqual(['gov_flag']);
  });

  it('re-exports the public API from the index', () => {
    for (const name of ['tally', 'paperTally', 'checkPaperTally', 'resultFromCounts', 'revoteSetup', 'checkEligibility', 'eligibleUnitIds', 'checkBlockQuotas', 'checkCityQuotas', 'suggestNextSeats']) {
      expect(typeof (api as Record<string, unknown>)[name]).toBe('function');
    }
  });
});
