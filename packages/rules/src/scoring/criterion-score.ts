/**
 * Scoring one leaf criterion from what a scorer entered (docs/domain.md §4), with Vietnamese validation
 * messages naming the criterion. Pure: no NestJS or TypeORM here.
 *
 * `target` criteria are validated here but scored for the whole block at once (target-formula.ts),
 * because the best unit's margin enters every unit's score.
 */
import { formatNumber, round2 } from './round';
import { AdjustmentItem, AdjustmentNode, LeafType, PerOccurrenceNode, SchemeNode, nodeLabel } from './scheme';

/** What a scorer may enter for one criterion; which field applies depends on the criterion type. */
export interface CriterionInput {
  /** `points`: 0..max, at most 2 decimals. */
  score?: number | null;
  /** `pass_fail`: đạt (true) → max, không đạt (false) → 0. */
  passed?: boolean | null;
  /** `per_occurrence`: số lần, an integer ≥ 0. */
  count?: number | null;
  /** `target`: giá trị thực hiện (the actual value A), ≥ 0. */
  actual?: number | null;
  /** `bonus` / `deduction`: item id → number of occurrences (integer ≥ 0); missing items count 0. */
  items?: Readonly<Record<string, number>> | null;
}

export type InputField = keyof CriterionInput;

export interface CriterionError {
  /** The criterion's code, e.g. "I.2.a". */
  criterionCode: string;
  field: InputField | null;
  /** Vietnamese, naming the criterion. */
  message: string;
}

export type CriterionResult = { ok: true; score: number } | { ok: false; error: CriterionError };

/** The one input field each leaf type takes. */
export const INPUT_FIELD: Record<LeafType, InputField> = {
  points: 'score',
  pass_fail: 'passed',
  per_occurrence: 'count',
  target: 'actual',
  bonus: 'items',
  deduction: 'items',
};

const TYPE_LABEL: Record<LeafType, string> = {
  points: 'chấm điểm',
  pass_fail: 'đạt/không đạt',
  per_occurrence: 'tính theo số lần',
  target: 'theo chỉ tiêu',
  bonus: 'điểm thưởng',
  deduction: 'điểm trừ',
};

const FIELD_LABEL: Record<InputField, string> = {
  score: 'điểm',
  passed: 'kết quả đạt/không đạt',
  count: 'số lần',
  actual: 'giá trị thực hiện',
  items: 'các khoản thưởng/trừ',
};

const MISSING: Record<InputField, string> = {
  score: 'chưa nhập điểm',
  passed: 'chưa chọn đạt hay không đạt',
  count: 'chưa nhập số lần',
  actual: 'chưa nhập giá trị thực hiện',
  items: 'chưa nhập các khoản thưởng/trừ',
};

const isSet = (v: unknown): boolean => v !== undefined && v !== null;

/** Checks a count of occurrences; returns the Vietnamese problem, or null. */
function countProblem(value: unknown, what: string): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return `${what} không phải là số`;
  if (value < 0) return `${what} không được âm (${formatNumber(value)})`;
  if (!Number.isInteger(value)) return `${what} phải là số nguyên (${formatNumber(value)})`;
  return null;
}

/**
 * Validates a scorer's input for one criterion. Returns null when valid. Refused: input for a group;
 * a field that belongs to another type (e.g. an actual value for a criterion that is not a target
 * criterion, or a typed score for a target criterion); the type's own field missing (except bonus /
 * deduction, where no items means no events); scores outside 0..max or with more than 2 decimals;
 * negative or non-integer counts; negative actual values; unknown bonus / deduction items.
 */
export function validateCriterionInput(node: SchemeNode, input: CriterionInput): CriterionError | null {
  const fail = (field: InputField | null, problem: string): CriterionError => ({
    criterionCode: node.code,
    field,
    message: `${nodeLabel(node)}: ${problem}`,
  });
  if (node.type === 'group') return fail(null, 'không chấm điểm trực tiếp cho nhóm, chỉ chấm các tiêu chí trong nhóm');

  const own = INPUT_FIELD[node.type];
  for (const field of Object.keys(FIELD_LABEL) as InputField[]) {
    if (field === own || !isSet(input[field])) continue;
    if (field === 'actual') {
      return fail(field, `không phải tiêu chí theo chỉ tiêu nên không nhận giá trị thực hiện`);
    }
    if (node.type === 'target' && field === 'score') {
      return fail(field, 'điểm của tiêu chí theo chỉ tiêu được tính tự động từ giá trị thực hiện, không nhập tay');
    }
    return fail(field, `tiêu chí loại "${TYPE_LABEL[node.type]}" không nhận ${FIELD_LABEL[field]}`);
  }

  const value: unknown = input[own];
  if (!isSet(value)) return node.type === 'bonus' || node.type === 'deduction' ? null : fail(own, MISSING[own]);

  switch (node.type) {
    case 'points': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return fail(own, 'điểm không phải là số');
      if (value < 0 || value > node.max) {
        return fail(own, `điểm ${formatNumber(value)} nằm ngoài khoảng 0–${formatNumber(node.max)}`);
      }
      if (round2(value) !== value) return fail(own, 'điểm chỉ được lẻ tối đa 2 chữ số thập phân');
      return null;
    }
    case 'pass_fail':
      return typeof value === 'boolean' ? null : fail(own, 'kết quả phải là đạt hoặc không đạt');
    case 'per_occurrence': {
      const problem = countProblem(value, 'số lần');
      return problem ? fail(own, problem) : null;
    }
    case 'target': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return fail(own, 'giá trị thực hiện không phải là số');
      if (value < 0) return fail(own, `giá trị thực hiện không được âm (${formatNumber(value)})`);
      return null;
    }
    case 'bonus':
    case 'deduction': {
      if (typeof value !== 'object' || Array.isArray(value)) return fail(own, 'danh sách khoản thưởng/trừ không hợp lệ');
      const known = new Map(node.items.map((i) => [i.id, i]));
      for (const [itemId, count] of Object.entries(value as Record<string, unknown>)) {
        const item = known.get(itemId);
        if (!item) return fail(own, `không có khoản "${itemId}" trong mục ${TYPE_LABEL[node.type]} này`);
        const problem = countProblem(count, `số lần của khoản "${item.title}"`);
        if (problem) return fail(own, problem);
      }
      return null;
    }
  }
}

/** Points of a bonus / deduction node: each item min(count × points, item cap), the sum capped at the node's max. */
export function adjustmentPoints(
  node: Pick<AdjustmentNode, 'max'> & { items: readonly Pick<AdjustmentItem, 'id' | 'points' | 'cap'>[] },
  counts: Readonly<Record<string, number>>,
): number {
  let sum = 0;
  for (const item of node.items) sum += Math.min((counts[item.id] ?? 0) * item.points, item.cap ?? Infinity);
  return round2(Math.min(sum, node.max));
}

/** The bonus criterion's score with last year's award points: what was declared plus the awards, capped at its maximum. */
export function withAwardPoints(declared: number | null, awardPoints: number, max: number): number | null {
  if (!awardPoints) return declared;
  return round2(Math.min(max, (declared ?? 0) + awardPoints));
}

/** Points of a per-occurrence criterion: min(count × points per occurrence, max). */
export function perOccurrencePoints(count: number, node: Pick<PerOccurrenceNode, 'pointsPerOccurrence' | 'max'>): number {
  return round2(Math.min(count * node.pointsPerOccurrence, node.max));
}

/**
 * Scores one leaf: points → as entered; pass_fail → max or 0; per_occurrence → min(count × points, max);
 * bonus / deduction → see `adjustmentPoints` (a deduction's score is the positive number of points
 * deducted). Invalid input gives `{ ok: false, error }`. Throws for a `target` criterion (score it for
 * the block with `targetScores`), since that is a programming error, not a user's.
 */
export function scoreCriterion(node: SchemeNode, input: CriterionInput): CriterionResult {
  const error = validateCriterionInput(node, input);
  if (error) return { ok: false, error };
  switch (node.type) {
    case 'points':
      return { ok: true, score: input.score as number };
    case 'pass_fail':
      return { ok: true, score: input.passed ? node.max : 0 };
    case 'per_occurrence':
      return { ok: true, score: perOccurrencePoints(input.count as number, node) };
    case 'bonus':
    case 'deduction':
      return { ok: true, score: adjustmentPoints(node, input.items ?? {}) };
    case 'target':
      throw new TypeError(`scoreCriterion: ${node.code} is a target criterion; score it for the whole block with targetScores`);
    case 'group':
      // Unreachable: validateCriterionInput refuses groups.
      throw new TypeError(`scoreCriterion: ${node.code} is a group`);
  }
}
