import fc from 'fast-check';
import { INPUT_FIELD, scoreCriterion, validateCriterionInput } from './criterion-score';
import type { CriterionInput } from './criterion-score';
import type { BonusNode, DeductionNode, GroupNode, PassFailNode, PerOccurrenceNode, PointsNode, SchemeNode, TargetNode } from './scheme';

const base = { parentId: 'g', title: 'Tiêu chí', guidance: '', order: 1, evidenceRequired: true };
const pointsNode: PointsNode = { ...base, id: 'p', code: 'I.1', max: 10, type: 'points' };
const passFailNode: PassFailNode = { ...base, id: 'pf', code: 'I.2.a', max: 5, type: 'pass_fail' };
const perOccurrenceNode: PerOccurrenceNode = { ...base, id: 'po', code: 'I.2.b', max: 10, type: 'per_occurrence', pointsPerOccurrence: 2.5 };
const targetNode: TargetNode = { ...base, id: 't', code: 'I.3', max: 20, type: 'target' };
const groupNode: GroupNode = { ...base, id: 'g', parentId: null, code: 'I', max: 45, type: 'group' };
const bonusNode: BonusNode = {
  ...base,
  parentId: null,
  id: 'b',
  code: 'C',
  max: 20,
  type: 'bonus',
  items: [
    { id: 'gov', title: 'Cờ thi đua của Chính phủ', points: 15, cap: null },
    { id: 'city', title: 'Cờ thi đua của UBND Thành phố', points: 10, cap: null },
    { id: 'article', title: 'Bài viết được đăng', points: 0.5, cap: 2 },
  ],
};
const deductionNode: DeductionNode = {
  ...base,
  parentId: null,
  id: 'd',
  code: 'D',
  max: 10,
  type: 'deduction',
  items: [
    { id: 'late', title: 'Gửi báo cáo chậm', points: 2, cap: 6 },
    { id: 'discipline', title: 'Cán bộ bị kỷ luật', points: 5, cap: null },
  ],
};

const score = (node: SchemeNode, input: CriterionInput): number => {
  const r = scoreCriterion(node, input);
  if (!r.ok) throw new Error(`unexpected error: ${r.error.message}`);
  return r.score;
};
const errorOf = (node: SchemeNode, input: CriterionInput) => {
  const r = scoreCriterion(node, input);
  if (r.ok) throw new Error(`expected an error, got ${r.score}`);
  return r.error;
};

describe('points criteria', () => {
  it.each([0, 0.5, 7.25, 10])('takes %p as entered', (v) => {
    expect(scoreCriterion(pointsNode, { score: v })).toEqual({ ok: true, score: v });
  });

  it('refuses scores outside 0..max, naming the criterion', () => {
    expect(errorOf(pointsNode, { score: 10.5 })).toEqual({ criterionCode: 'I.1', field: 'score', message: 'Tiêu chí I.1: điểm 10,5 nằm ngoài khoảng 0–10' });
    expect(errorOf(pointsNode, { score: -1 })).toEqual({ criterionCode: 'I.1', field: 'score', message: 'Tiêu chí I.1: điểm -1 nằm ngoài khoảng 0–10' });
  });

  it('refuses more than 2 decimals, non-numbers and a missing score', () => {
    expect(errorOf(pointsNode, { score: 1.234 }).message).toBe('Tiêu chí I.1: điểm chỉ được lẻ tối đa 2 chữ số thập phân');
    expect(errorOf(pointsNode, { score: NaN }).message).toBe('Tiêu chí I.1: điểm không phải là số');
    expect(errorOf(pointsNode, { score: '5' as unknown as number }).message).toBe('Tiêu chí I.1: điểm không phải là số');
    expect(errorOf(pointsNode, {}).message).toBe('Tiêu chí I.1: chưa nhập điểm');
    expect(errorOf(pointsNode, { score: null }).message).toBe('Tiêu chí I.1: chưa nhập điểm');
  });
});

describe('pass/fail criteria', () => {
  it('gives max for đạt and 0 for không đạt', () => {
    expect(score(passFailNode, { passed: true })).toBe(5);
    expect(score(passFailNode, { passed: false })).toBe(0);
  });

  it('refuses anything but a boolean', () => {
    expect(errorOf(passFailNode, { passed: 1 as unknown as boolean })).toEqual({
      criterionCode: 'I.2.a',
      field: 'passed',
      message: 'Tiêu chí I.2.a: kết quả phải là đạt hoặc không đạt',
    });
    expect(errorOf(passFailNode, {}).message).toBe('Tiêu chí I.2.a: chưa chọn đạt hay không đạt');
  });

  it('refuses a typed score', () => {
    expect(errorOf(passFailNode, { passed: true, score: 5 })).toEqual({
      criterionCode: 'I.2.a',
      field: 'score',
      message: 'Tiêu chí I.2.a: tiêu chí loại "đạt/không đạt" không nhận điểm',
    });
  });
});

describe('per-occurrence criteria', () => {
  it.each([
    [0, 0],
    [1, 2.5],
    [3, 7.5],
    [4, 10],
    [5, 10],
    [1000, 10],
    [Number.MAX_SAFE_INTEGER, 10],
  ])('scores %p occurrences as %p (points × count, capped at max)', (count, expected) => {
    expect(score(perOccurrenceNode, { count })).toBe(expected);
  });

  it('refuses negative counts', () => {
    expect(errorOf(perOccurrenceNode, { count: -1 })).toEqual({ criterionCode: 'I.2.b', field: 'count', message: 'Tiêu chí I.2.b: số lần không được âm (-1)' });
  });

  it('refuses non-integer counts', () => {
    expect(errorOf(perOccurrenceNode, { count: 1.5 })).toEqual({ criterionCode: 'I.2.b', field: 'count', message: 'Tiêu chí I.2.b: số lần phải là số nguyên (1,5)' });
  });

  it('refuses missing or non-numeric counts', () => {
    expect(errorOf(perOccurrenceNode, {}).message).toBe('Tiêu chí I.2.b: chưa nhập số lần');
    expect(errorOf(perOccurrenceNode, { count: Infinity }).message).toBe('Tiêu chí I.2.b: số lần không phải là số');
  });

  it('avoids float drift: 3 × 0.1 is 0.3', () => {
    const node: PerOccurrenceNode = { ...perOccurrenceNode, pointsPerOccurrence: 0.1, max: 1 };
    expect(score(node, { count: 3 })).toBe(0.3);
  });
});

describe('target criteria', () => {
  it('accepts a non-negative actual value', () => {
    expect(validateCriterionInput(targetNode, { actual: 0 })).toBeNull();
    expect(validateCriterionInput(targetNode, { actual: 97.5 })).toBeNull();
  });

  it('refuses negative, non-numeric or missing actual values', () => {
    expect(validateCriterionInput(targetNode, { actual: -3 })).toEqual({
      criterionCode: 'I.3',
      field: 'actual',
      message: 'Tiêu chí I.3: giá trị thực hiện không được âm (-3)',
    });
    expect(validateCriterionInput(targetNode, { actual: NaN })?.message).toBe('Tiêu chí I.3: giá trị thực hiện không phải là số');
    expect(validateCriterionInput(targetNode, {})?.message).toBe('Tiêu chí I.3: chưa nhập giá trị thực hiện');
  });

  it('refuses a typed score: it is computed', () => {
    expect(errorOf(targetNode, { actual: 5, score: 20 })).toEqual({
      criterionCode: 'I.3',
      field: 'score',
      message: 'Tiêu chí I.3: điểm của tiêu chí theo chỉ tiêu được tính tự động từ giá trị thực hiện, không nhập tay',
    });
  });

  it('is scored for the whole block, not here', () => {
    expect(() => scoreCriterion(targetNode, { actual: 5 })).toThrow(/targetScores/);
  });
});

describe('an actual value for a criterion that is not a target criterion', () => {
  it.each([pointsNode, passFailNode, perOccurrenceNode, bonusNode, deductionNode])('is refused for $type', (node) => {
    const own = INPUT_FIELD[node.type as keyof typeof INPUT_FIELD];
    const valid: CriterionInput = { score: 1, passed: true, count: 1, items: {} };
    const input: CriterionInput = { [own]: valid[own], actual: 12 };
    expect(errorOf(node, input)).toEqual({
      criterionCode: node.code,
      field: 'actual',
      message: `Tiêu chí ${node.code}: không phải tiêu chí theo chỉ tiêu nên không nhận giá trị thực hiện`,
    });
  });
});

describe('bonus and deduction criteria', () => {
  it('sums listed events, each item capped, the node capped at its max', () => {
    expect(score(bonusNode, { items: { gov: 1 } })).toBe(15);
    expect(score(bonusNode, { items: { city: 1, article: 3 } })).toBe(11.5);
    expect(score(bonusNode, { items: { article: 10 } })).toBe(2);
    expect(score(bonusNode, { items: { gov: 1, city: 1 } })).toBe(20);
    expect(score(deductionNode, { items: { late: 2 } })).toBe(4);
    expect(score(deductionNode, { items: { late: 5 } })).toBe(6);
    expect(score(deductionNode, { items: { late: 5, discipline: 1 } })).toBe(10);
    expect(score(deductionNode, { items: { discipline: 0 } })).toBe(0);
  });

  it('counts no events as 0', () => {
    expect(score(bonusNode, {})).toBe(0);
    expect(score(deductionNode, { items: null })).toBe(0);
    expect(score(deductionNode, { items: {} })).toBe(0);
  });

  it('refuses unknown items, negative or non-integer counts', () => {
    expect(errorOf(bonusNode, { items: { medal: 1 } })).toEqual({
      criterionCode: 'C',
      field: 'items',
      message: 'Tiêu chí C: không có khoản "medal" trong mục điểm thưởng này',
    });
    expect(errorOf(deductionNode, { items: { late: -1 } }).message).toBe('Tiêu chí D: số lần của khoản "Gửi báo cáo chậm" không được âm (-1)');
    expect(errorOf(deductionNode, { items: { late: 0.5 } }).message).toBe('Tiêu chí D: số lần của khoản "Gửi báo cáo chậm" phải là số nguyên (0,5)');
    expect(errorOf(deductionNode, { items: [] as unknown as Record<string, number> }).message).toBe('Tiêu chí D: danh sách khoản thưởng/trừ không hợp lệ');
  });

  it('refuses a typed score', () => {
    expect(errorOf(deductionNode, { score: 3 }).message).toBe('Tiêu chí D: tiêu chí loại "điểm trừ" không nhận điểm');
  });
});

describe('groups', () => {
  it('are never scored directly', () => {
    expect(errorOf(groupNode, { score: 10 })).toEqual({
      criterionCode: 'I',
      field: null,
      message: 'Nhóm I: không chấm điểm trực tiếp cho nhóm, chỉ chấm các tiêu chí trong nhóm',
    });
  });
});

describe('foreign fields', () => {
  it('refuses a count on a points criterion', () => {
    expect(errorOf(pointsNode, { score: 1, count: 2 }).message).toBe('Tiêu chí I.1: tiêu chí loại "chấm điểm" không nhận số lần');
  });
  it('refuses items on a per-occurrence criterion', () => {
    expect(errorOf(perOccurrenceNode, { count: 1, items: {} }).message).toBe('Tiêu chí I.2.b: tiêu chí loại "tính theo số lần" không nhận các khoản thưởng/trừ');
  });
  it('ignores fields set to null', () => {
    expect(scoreCriterion(pointsNode, { score: 3, passed: null, count: null, actual: null, items: null })).toEqual({ ok: true, score: 3 });
  });
});

describe('criterion score properties', () => {
  it('per-occurrence: min(count × points, max), never outside 0..max', () => {
    fc.assert(
      fc.property(fc.nat({ max: 10_000 }), fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 10_000 }), (count, centsPerOccurrence, maxCents) => {
        const node: PerOccurrenceNode = { ...perOccurrenceNode, pointsPerOccurrence: centsPerOccurrence / 100, max: maxCents / 100 };
        const s = score(node, { count });
        expect(s).toBe(Math.min(count * centsPerOccurrence, maxCents) / 100);
      }),
    );
  });

  it('points: a valid score comes back unchanged, anything above max is refused', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (cents) => {
        const v = cents / 100;
        const r = scoreCriterion({ ...pointsNode, max: 500 }, { score: v });
        if (v <= 500) expect(r).toEqual({ ok: true, score: v });
        else expect(r.ok).toBe(false);
      }),
    );
  });
});
