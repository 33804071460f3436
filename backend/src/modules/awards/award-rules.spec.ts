import fc from 'fast-check';
import { DEFAULT_AWARD_GATES, EXCELLENT_COLLECTIVE_TITLE, isValidQuota } from '../../domain/year-end';
import { DEFAULT_RULE_SET, quotaLimit, type Quota } from '@thidua/rules';
import {
  awardsByYear, blockLateness, bonusesByUnit, byRankThenName, cycleStep, overviewOrder, decisionDateProblem, defaultCatalogue, DEFAULT_BONUS_POINTS, effectiveBlockLimit, isStandardAward, normalizeTitle,
  quotaProblem, vnDate,
} from './award-rules';

describe('defaultCatalogue', () => {
  it('holds the three awards of docs/domain.md §5 with their default gates, the rule set quotas, no city limit and the glossary bonuses', () => {
    const c = defaultCatalogue();
    expect(c.map((e) => e.code)).toEqual(['gov_flag', 'city_flag', 'city_merit']);
    expect(c.map((e) => e.name)).toEqual(['Cờ thi đua của Chính phủ', 'Cờ thi đua của UBND Thành phố', 'Bằng khen của Chủ tịch UBND Thành phố']);
    for (const e of c) {
      expect(e.gates).toEqual(DEFAULT_AWARD_GATES[e.code as keyof typeof DEFAULT_AWARD_GATES]);
      expect(e.blockQuota).toEqual(DEFAULT_RULE_SET.quotas[e.code as keyof typeof DEFAULT_RULE_SET.quotas]);
      expect(e.cityQuota).toBeNull();
    }
    expect(c.map((e) => e.bonusPoints)).toEqual([15, 10, 5]);
    expect(DEFAULT_BONUS_POINTS).toEqual({ gov_flag: 15, city_flag: 10, city_merit: 5 });
    expect(c.find((e) => e.code === 'city_flag')!.gates.requiredTitle).toBe(EXCELLENT_COLLECTIVE_TITLE);
  });

  it('gives copies: editing one catalogue never changes the defaults', () => {
    const a = defaultCatalogue();
    a[0].gates.topN!.value = 9;
    a[0].blockQuota.value = 9;
    expect(defaultCatalogue()[0].gates.topN!.value).toBe(1);
    expect(DEFAULT_AWARD_GATES.gov_flag.topN!.value).toBe(1);
    expect(DEFAULT_RULE_SET.quotas.gov_flag.value).toBe(1);
  });

  it('knows which codes are the standard ones', () => {
    expect(isStandardAward('city_flag')).toBe(true);
    expect(isStandardAward('city_collective_merit')).toBe(false);
  });
});

describe('quotaProblem', () => {
  it('accepts whole counts and percentages from 0 to 100', () => {
    for (const q of [{ kind: 'count', value: 0 }, { kind: 'count', value: 3 }, { kind: 'percent', value: 0 }, { kind: 'percent', value: 20 }, { kind: 'percent', value: 100 }, { kind: 'percent', value: 12.5 }] as Quota[]) {
      expect(quotaProblem(q)).toBeNull();
    }
  });

  it('names what is wrong, in Vietnamese', () => {
    expect(quotaProblem({ kind: 'count', value: -1 })).toBe('không được âm');
    expect(quotaProblem({ kind: 'percent', value: -5 })).toBe('không được âm');
    expect(quotaProblem({ kind: 'count', value: 1.5 })).toBe('phải là số nguyên khi tính theo số đơn vị');
    expect(quotaProblem({ kind: 'percent', value: 101 })).toBe('không được vượt quá 100 (%)');
    expect(quotaProblem({ kind: 'percent', value: 10.125 })).toBe('chỉ được có tối đa 2 chữ số thập phân');
    expect(quotaProblem({ kind: 'percent', value: Number.NaN })).toBe('phải là số');
    expect(quotaProblem({ kind: 'share', value: 1 } as unknown as Quota)).toMatch(/loại/);
  });

  it('never accepts what the pure rules refuse (property)', () => {
    fc.assert(fc.property(fc.constantFrom<'count' | 'percent'>('count', 'percent'), fc.double({ min: -1000, max: 1000, noNaN: true }), (kind, value) => {
      if (quotaProblem({ kind, value }) === null) expect(isValidQuota({ kind, value })).toBe(true);
    }));
  });
});

describe('effectiveBlockLimit', () => {
  it('is the catalogue quota, capped by the rule set quota when there is one', () => {
    expect(effectiveBlockLimit({ kind: 'percent', value: 50 }, { kind: 'percent', value: 50 }, 5)).toBe(2);
    expect(effectiveBlockLimit({ kind: 'count', value: 3 }, { kind: 'count', value: 1 }, 5)).toBe(1);
    expect(effectiveBlockLimit({ kind: 'count', value: 1 }, { kind: 'percent', value: 20 }, 11)).toBe(1);
    expect(effectiveBlockLimit({ kind: 'percent', value: 20 }, null, 11)).toBe(2);
    expect(effectiveBlockLimit({ kind: 'count', value: 2 }, undefined, 0)).toBe(2);
  });

  it('never exceeds either limit and equals one of them (property)', () => {
    const quota = fc.oneof(
      fc.record({ kind: fc.constant<'count'>('count'), value: fc.integer({ min: 0, max: 20 }) }),
      fc.record({ kind: fc.constant<'percent'>('percent'), value: fc.integer({ min: 0, max: 100 }) }),
    );
    fc.assert(fc.property(quota, fc.option(quota, { nil: null }), fc.integer({ min: 0, max: 60 }), (own, rule, members) => {
      const limit = effectiveBlockLimit(own, rule, members);
      expect(limit).toBeLessThanOrEqual(quotaLimit(own, members));
      if (rule) {
        expect(limit).toBeLessThanOrEqual(quotaLimit(rule, members));
        expect([quotaLimit(own, members), quotaLimit(rule, members)]).toContain(limit);
      } else expect(limit).toBe(quotaLimit(own, members));
    }));
  });
});

describe('byRankThenName', () => {
  it('orders by rank, shared ranks and unranked units by Vietnamese name, unranked last', () => {
    const units = [
      { rank: null, name: 'Đảng ủy Khối Doanh nghiệp' },
      { rank: 2, name: 'Trường Đào tạo cán bộ' },
      { rank: 2, name: 'Ban quản lý' },
      { rank: 1, name: 'Sở Y tế' },
      { rank: null, name: 'Ân Thi' },
      { rank: null, name: 'Đan Phượng' },
    ];
    expect([...units].sort(byRankThenName).map((u) => u.name)).toEqual(['Sở Y tế', 'Ban quản lý', 'Trường Đào tạo cán bộ', 'Ân Thi', 'Đan Phượng', 'Đảng ủy Khối Doanh nghiệp']);
  });
});

describe('titles and dates', () => {
  it('normalises titles: NFC, trimmed, single spaces', () => {
    expect(normalizeTitle('  Tập thể   lao động\txuất sắc ')).toBe('Tập thể lao động xuất sắc');
    expect(normalizeTitle('Tập thể lao động xuất sắc'.normalize('NFD'))).toBe('Tập thể lao động xuất sắc');
  });

  it('refuses a decision dated before its award year, in the future, or not a date', () => {
    expect(decisionDateProblem(2023, '2024-03-15', '2025-01-01')).toBeNull();
    expect(decisionDateProblem(2023, '2023-01-01', '2025-01-01')).toBeNull();
    expect(decisionDateProblem(2023, '2022-12-31', '2025-01-01')).toBe('không được trước năm khen thưởng 2023');
    expect(decisionDateProblem(2024, '2025-01-02', '2025-01-01')).toBe('không được sau ngày hôm nay');
    expect(decisionDateProblem(2024, '2024-02-30', '2025-01-01')).toBe('phải là ngày hợp lệ (yyyy-mm-dd)');
    expect(decisionDateProblem(2024, '15/03/2024', '2025-01-01')).toBe('phải là ngày hợp lệ (yyyy-mm-dd)');
  });

  it('shows dates the Vietnamese way', () => {
    expect(vnDate('2024-03-15')).toBe('15/03/2024');
  });
});

describe('bonusesByUnit', () => {
  const award = (unitId: string, code: string, bonusPoints: number) => ({ id: `${unitId}-${code}`, unitId, year: 2023, code, awardName: code, decisionNumber: '1/QĐ-UBND', decisionDate: '2024-03-15', bonusPoints });

  it('lists every member unit in Vietnamese name order with its awards and their total', () => {
    const units = [{ id: 'b', name: 'Đảng ủy Khối' }, { id: 'a', name: 'Ban quản lý' }, { id: 'c', name: 'Trường' }];
    const r = bonusesByUnit(units, [award('b', 'city_flag', 10), award('b', 'city_merit', 5), award('c', 'gov_flag', 15), award('x', 'city_flag', 10)]);
    expect(r.map((u) => [u.name, u.total, u.awards.length])).toEqual([['Ban quản lý', 0, 0], ['Đảng ủy Khối', 15, 2], ['Trường', 15, 1]]);
  });

  it('adds decimals without drift', () => {
    const r = bonusesByUnit([{ id: 'a', name: 'A' }], [award('a', 'x', 0.1), award('a', 'y', 0.2)]);
    expect(r[0].total).toBe(0.3);
  });
});

describe('awardsByYear', () => {
  it('counts per year and code, every code in every year, years ascending', () => {
    const r = awardsByYear([{ year: 2023, code: 'city_flag', count: 3 }, { year: 2022, code: 'gov_flag', count: 1 }, { year: 2023, code: 'special', count: 2 }], ['gov_flag', 'city_flag', 'city_merit']);
    expect(r).toEqual([
      { year: 2022, counts: { gov_flag: 1, city_flag: 0, city_merit: 0, special: 0 }, total: 1 },
      { year: 2023, counts: { gov_flag: 0, city_flag: 3, city_merit: 0, special: 2 }, total: 5 },
    ]);
    expect(awardsByYear([], ['gov_flag'])).toEqual([]);
  });
});

describe('cycleStep', () => {
  const base = { status: 'setup', covenantInForce: false, rounds: [], proposalSubmitted: false, decisions: 0 };
  it('follows the annual cycle of docs/domain.md §3', () => {
    expect(cycleStep(base)).toBe('setup');
    expect(cycleStep({ ...base, status: 'planning' })).toBe('planning');
    expect(cycleStep({ ...base, status: 'planning', covenantInForce: true })).toBe('signed');
    expect(cycleStep({ ...base, status: 'in_progress' })).toBe('signed');
    expect(cycleStep({ ...base, status: 'in_progress', rounds: [{ kind: 'mid_year', phase: 'review' }] })).toBe('mid_year');
    expect(cycleStep({ ...base, status: 'in_progress', rounds: [{ kind: 'mid_year', phase: 'finalised' }, { kind: 'year_end', phase: 'self_assessment' }] })).toBe('year_end');
    expect(cycleStep({ ...base, status: 'in_progress', rounds: [{ kind: 'year_end', phase: 'finalised' }] })).toBe('ranked');
    expect(cycleStep({ ...base, status: 'year_end', rounds: [{ kind: 'year_end', phase: 'finalised' }], proposalSubmitted: true })).toBe('submitted');
    expect(cycleStep({ ...base, status: 'submitted', decisions: 2 })).toBe('decided');
    expect(cycleStep({ ...base, status: 'archived', decisions: 2 })).toBe('archived');
  });

  it('a reopened year-end round is no longer "ranked"', () => {
    expect(cycleStep({ ...base, status: 'in_progress', rounds: [{ kind: 'year_end', phase: 'final_review' }] })).toBe('year_end');
  });
});

describe('blockLateness', () => {
  const now = new Date('2025-06-10T12:00:00Z');
  const days = (n: number) => new Date(now.getTime() - n * 86_400_000);
  const open = (o: Partial<{ unitsOverdue: number; earliestMissed: Date | null; finalReviewUntil: Date | null }> = {}) => ({ unitsOverdue: 0, earliestMissed: null, finalReviewUntil: null, ...o });

  it('is on time with nothing missed, and with deadlines still ahead', () => {
    expect(blockLateness({ openRounds: [], appraisalDue: null }, now)).toEqual({ reasons: [], overdueSince: null, daysLate: 0 });
    expect(blockLateness({ openRounds: [open({ finalReviewUntil: days(-1) })], appraisalDue: days(-3) }, now).reasons).toEqual([]);
    // A missed date with no unit overdue is not a late self-assessment.
    expect(blockLateness({ openRounds: [open({ unitsOverdue: 0, earliestMissed: days(5) })], appraisalDue: null }, now).reasons).toEqual([]);
  });

  it('names every reason in a fixed order and counts whole days since the earliest missed deadline', () => {
    const l = blockLateness({ openRounds: [open({ finalReviewUntil: days(2.5) }), open({ unitsOverdue: 3, earliestMissed: days(9.2) })], appraisalDue: days(1) }, now);
    expect(l.reasons).toEqual(['self_assessment', 'finalisation', 'appraisal']);
    expect(l.overdueSince).toEqual(days(9.2));
    expect(l.daysLate).toBe(9);
    expect(blockLateness({ openRounds: [], appraisalDue: new Date(now.getTime() - 3_600_000) }, now)).toMatchObject({ reasons: ['appraisal'], daysLate: 0 });
  });

  it('is late exactly when some deadline lies before now (property)', () => {
    fc.assert(fc.property(
      fc.array(fc.record({ unitsOverdue: fc.nat(5), earliestMissed: fc.option(fc.integer({ min: -30, max: 30 })), finalReviewUntil: fc.option(fc.integer({ min: -30, max: 30 })) }), { maxLength: 2 }),
      fc.option(fc.integer({ min: -30, max: 30 })),
      (rounds, appraisal) => {
        const l = blockLateness({
          openRounds: rounds.map((r) => ({ unitsOverdue: r.unitsOverdue, earliestMissed: r.earliestMissed === null ? null : days(r.earliestMissed), finalReviewUntil: r.finalReviewUntil === null ? null : days(r.finalReviewUntil) })),
          appraisalDue: appraisal === null ? null : days(appraisal),
        }, now);
        const missed = [...rounds.flatMap((r) => [r.unitsOverdue > 0 ? r.earliestMissed : null, r.finalReviewUntil]), appraisal].filter((d): d is number => d !== null && d > 0);
        expect(l.reasons.length > 0).toBe(missed.length > 0);
        expect(l.daysLate).toBe(missed.length ? Math.floor(Math.max(...missed)) : 0);
      },
    ));
  });
});

describe('overviewOrder', () => {
  const b = (nameOrder: number, stepIndex: number, daysLate: number) => ({ nameOrder, stepIndex, daysLate, late: daysLate > 0 });
  const rows = [b(0, 5, 0), b(1, 2, 3), b(2, 2, 0), b(3, 7, 10), b(4, 0, 3)];
  const order = (sort: 'name' | 'step' | 'lateness') => [...rows].sort(overviewOrder(sort)).map((r) => r.nameOrder);

  it('sorts by name, by step (least advanced first), by lateness (longest overdue first), ties in name order', () => {
    expect(order('name')).toEqual([0, 1, 2, 3, 4]);
    expect(order('step')).toEqual([4, 1, 2, 0, 3]);
    expect(order('lateness')).toEqual([3, 1, 4, 0, 2]);
  });
});
