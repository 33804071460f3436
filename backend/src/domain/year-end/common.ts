/**
 * Shared pieces of the year-end rules (docs/domain.md §5). Pure: no NestJS or TypeORM here.
 *
 * Glossary:
 * - Danh hiệu / hình thức khen thưởng: award (`AwardCode` in rule-set.ts)
 * - Đơn vị dẫn đầu: the leading unit of the block (rank 1 of the finalised year-end round)
 */
import type { AwardCode, Quota } from '@thidua/rules';

/** A refused input: the field it concerns and a Vietnamese message for the user. */
export interface RuleError {
  field: string;
  message: string;
}

/** Thrown by rules that cannot compute anything from their input; carries every problem found. */
export class RuleInputError extends Error {
  readonly errors: RuleError[];
  constructor(errors: RuleError[]) {
    super(errors.map((e) => e.message).join('; '));
    this.name = 'RuleInputError';
    this.errors = errors;
  }
}

/** The awards' official Vietnamese names, used in messages. */
export const AWARD_NAMES: Readonly<Record<AwardCode, string>> = {
  gov_flag: 'Cờ thi đua của Chính phủ',
  city_flag: 'Cờ thi đua của UBND Thành phố',
  city_merit: 'Bằng khen của Chủ tịch UBND Thành phố',
};

/**
 * Awards that only the block's leading unit may receive. Law 06/2022/QH15 art. 25 gives the Government
 * flag to collectives among the units leading a cụm/khối, so this is law, not a configurable rule.
 */
export const LEADING_UNIT_ONLY_AWARDS: readonly AwardCode[] = ['gov_flag'];

/** A whole number ≥ 0 (a count of units or ballots). */
export function isCount(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 0;
}

/** A usable quota or top-N: a whole count, or a percentage from 0 to 100. */
export function isValidQuota(q: Quota): boolean {
  if (q.kind === 'count') return isCount(q.value);
  return q.kind === 'percent' && typeof q.value === 'number' && q.value >= 0 && q.value <= 100;
}

/** The name to show for a unit: its entry in `names`, else its id. */
export function unitLabel(unitId: string, names?: Readonly<Record<string, string>>): string {
  return names && Object.hasOwn(names, unitId) ? names[unitId] : unitId;
}

/** Unit ids listed more than once, each reported once, in order of first repeat. */
export function repeatedIds(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) repeated.add(id);
    seen.add(id);
  }
  return [...repeated];
}
