/**
 * Eligibility gates before a unit can be a candidate for an award (docs/domain.md §5). Pure.
 *
 * Glossary:
 * - Điều kiện, tiêu chuẩn: eligibility gates
 * - Xếp hạng / đồng hạng: rank / shared rank in the finalised year-end round
 * - Kỷ luật: a disciplinary flag recorded against the unit this year
 * - Danh hiệu "Tập thể lao động xuất sắc": a prior title some awards require (law art. 27)
 *
 * Decisions:
 * - Units sharing a rank are treated alike: with top N = 3, every unit ranked 3 passes. Two units sharing
 *   rank 1 both count as leading; the ballot and the quota then decide between them.
 * - Every failing gate is reported, not just the first.
 * - Titles match ignoring case, surrounding spaces and Unicode composition (NFC).
 */
import { quotaLimit, type AwardCode, type Quota } from '@thidua/rules';
import { AWARD_NAMES, isCount, isValidQuota, LEADING_UNIT_ONLY_AWARDS, repeatedIds, RuleError, RuleInputError, unitLabel } from './common';

export const EXCELLENT_COLLECTIVE_TITLE = 'Tập thể lao động xuất sắc';

/** The configurable gates of one award. */
export interface AwardGates {
  /** Rank must be within the top N (a count, or a percentage of member units); null: no rank gate. */
  topN: Quota | null;
  /** A title the unit must hold (recorded per unit per year); null: none required. */
  requiredTitle: string | null;
}

/**
 * Default gates, editable in the award catalogue. The Government flag is for the leading unit anyway
 * (see LEADING_UNIT_ONLY_AWARDS); the others are this app's starting assumptions, not a regulation.
 */
export const DEFAULT_AWARD_GATES: Readonly<Record<AwardCode, AwardGates>> = {
  gov_flag: { topN: { kind: 'count', value: 1 }, requiredTitle: EXCELLENT_COLLECTIVE_TITLE },
  city_flag: { topN: { kind: 'count', value: 3 }, requiredTitle: EXCELLENT_COLLECTIVE_TITLE },
  city_merit: { topN: { kind: 'percent', value: 50 }, requiredTitle: null },
};

/** One member unit's standing for the year. */
export interface UnitStanding {
  unitId: string;
  /** Rank in the finalised year-end round (1 = leading); null when the unit has no rank there. */
  rank: number | null;
  /** A disciplinary flag this year. */
  disciplined: boolean;
  /** Titles held for the year the award requires them (e.g. "Tập thể lao động xuất sắc"). */
  titles: readonly string[];
}

export interface EligibilityInput {
  award: AwardCode;
  /** Defaults to DEFAULT_AWARD_GATES[award]. */
  gates?: AwardGates;
  /** Whether the year-end round is finalised; ranks of an open round do not count. */
  roundFinalised: boolean;
  /** Member units of the block, for a percentage top N; defaults to the number of units given. */
  members?: number;
  units: readonly UnitStanding[];
  names?: Readonly<Record<string, string>>;
}

export interface UnitEligibility {
  unitId: string;
  eligible: boolean;
  /** Vietnamese reasons the unit is not eligible; empty when eligible. */
  reasons: string[];
}

const normalizeTitle = (t: string): string => t.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');

/** The gates each unit passes or fails for one award. Throws `RuleInputError` on malformed input. */
export function checkEligibility(input: EligibilityInput): UnitEligibility[] {
  const gates = input.gates ?? DEFAULT_AWARD_GATES[input.award];
  const members = input.members ?? input.units.length;
  const errors: RuleError[] = [];
  if (!isCount(members)) errors.push({ field: 'members', message: `Số đơn vị thành viên (${members}) phải là số nguyên không âm` });
  if (gates.topN && !isValidQuota(gates.topN)) {
    errors.push({ field: 'topN', message: `Số đơn vị xếp hạng đầu được xét (${gates.topN.value}) không hợp lệ` });
  }
  for (const u of input.units) {
    if (u.rank !== null && !(Number.isInteger(u.rank) && u.rank >= 1)) {
      errors.push({ field: `units.${u.unitId}.rank`, message: `Thứ hạng của ${unitLabel(u.unitId, input.names)} (${u.rank}) phải là số nguyên dương` });
    }
  }
  for (const id of repeatedIds(input.units.map((u) => u.unitId))) {
    errors.push({ field: 'units', message: `Đơn vị ${unitLabel(id, input.names)} có tên hai lần trong danh sách xét` });
  }
  if (errors.length > 0) throw new RuleInputError(errors);

  const awardName = AWARD_NAMES[input.award];
  const topN = gates.topN ? quotaLimit(gates.topN, members) : null;
  const leadingOnly = LEADING_UNIT_ONLY_AWARDS.includes(input.award);
  const required = gates.requiredTitle ? normalizeTitle(gates.requiredTitle) : null;
  const rankGated = leadingOnly || topN !== null;

  return input.units.map((u) => {
    const reasons: string[] = [];
    // Ranks matter only to an award with a rank gate: without one, the year-end round need not be finalised.
    if (!rankGated) {
      // no rank gate
    } else if (!input.roundFinalised) {
      reasons.push('Kết quả đợt chấm điểm cuối năm chưa được chốt');
    } else if (u.rank === null) {
      reasons.push('Không có thứ hạng trong đợt chấm điểm cuối năm');
    } else {
      if (leadingOnly && u.rank !== 1) {
        reasons.push(`Xếp hạng ${u.rank}: chỉ đơn vị dẫn đầu Khối (hạng 1) được xét ${awardName}`);
      } else if (topN === 0) {
        reasons.push(`Không có đơn vị nào thuộc nhóm xếp hạng đầu được xét ${awardName} (số đơn vị được xét là 0)`);
      } else if (topN !== null && u.rank > topN) {
        reasons.push(`Xếp hạng ${u.rank}: ngoài ${topN} đơn vị xếp hạng đầu được xét ${awardName}`);
      }
    }
    if (u.disciplined) reasons.push('Bị kỷ luật trong năm');
    if (required !== null && !u.titles.some((t) => normalizeTitle(t) === required)) {
      reasons.push(`Chưa có danh hiệu "${gates.requiredTitle?.trim()}"`);
    }
    return { unitId: u.unitId, eligible: reasons.length === 0, reasons };
  });
}

/** The ids of the eligible units, in input order: the candidates for the ballot. */
export function eligibleUnitIds(results: readonly UnitEligibility[]): string[] {
  return results.filter((r) => r.eligible).map((r) => r.unitId);
}
