/**
 * Award quotas (docs/domain.md §5): per block from the block year's rule set, and city-wide against the board's
 * own limit. Pure.
 *
 * Glossary:
 * - Chỉ tiêu / số lượng khen thưởng: quota (the most units that may receive an award)
 * - Danh sách đề nghị: the units a block proposes per award
 *
 * Decisions:
 * - The per-block limit is the rule set's quota (`quotaLimit`), including for the Government flag
 *   (default 1); "only the leading unit" is law and always checked for the awards in
 *   LEADING_UNIT_ONLY_AWARDS.
 * - A unit listed twice for one award is a breach and counts once toward the quota.
 * - City-wide, an award's use is the sum of each block's distinct proposals; a unit proposed for the same
 *   award by two blocks is reported (a unit belongs to one block per year).
 */
import { AWARD_CODES, quotaLimit, type AwardCode, type Quota } from '@thidua/rules';
import { AWARD_NAMES, isCount, isValidQuota, LEADING_UNIT_ONLY_AWARDS, repeatedIds, RuleError, RuleInputError, unitLabel } from './common';

export type Proposals = Partial<Record<AwardCode, readonly string[]>>;

export interface BlockQuotaInput {
  /** Member units of the block. */
  members: number;
  /** The block year's rule set quotas. */
  quotas: Readonly<Record<AwardCode, Quota>>;
  /** Rank-1 units of the finalised year-end round (more than one when they share rank 1). */
  leadingUnitIds: readonly string[];
  proposed: Proposals;
  names?: Readonly<Record<string, string>>;
}

export type BlockBreachKind = 'over_quota' | 'not_leading_unit' | 'duplicate';

export interface QuotaBreach {
  award: AwardCode;
  kind: BlockBreachKind;
  /** The units concerned (for over_quota: every distinct unit proposed). */
  unitIds: string[];
  /** For over_quota: the limit and the distinct units proposed. */
  limit?: number;
  proposed?: number;
  message: string;
}

/** Breaches of one block's proposals; empty when they are within the rules. */
export function checkBlockQuotas(input: BlockQuotaInput): QuotaBreach[] {
  const errors: RuleError[] = [];
  if (!isCount(input.members)) errors.push({ field: 'members', message: `Số đơn vị thành viên (${input.members}) phải là số nguyên không âm` });
  for (const award of AWARD_CODES) {
    if (!isValidQuota(input.quotas[award])) {
      errors.push({ field: `quotas.${award}`, message: `Số lượng tối đa cho ${AWARD_NAMES[award]} (${input.quotas[award].value}) không hợp lệ` });
    }
  }
  if (errors.length > 0) throw new RuleInputError(errors);
  const label = (id: string) => unitLabel(id, input.names);
  const leading = new Set(input.leadingUnitIds);
  const breaches: QuotaBreach[] = [];
  for (const award of AWARD_CODES) {
    const list = input.proposed[award] ?? [];
    const name = AWARD_NAMES[award];
    for (const id of repeatedIds(list)) {
      breaches.push({ award, kind: 'duplicate', unitIds: [id], message: `Đơn vị ${label(id)} được đề nghị ${name} hai lần` });
    }
    const distinct = [...new Set(list)];
    const limit = quotaLimit(input.quotas[award], input.members);
    if (distinct.length > limit) {
      breaches.push({
        award,
        kind: 'over_quota',
        unitIds: distinct,
        limit,
        proposed: distinct.length,
        message: `Khối đề nghị ${distinct.length} đơn vị cho ${name}, vượt số lượng tối đa ${limit} đơn vị`,
      });
    }
    if (LEADING_UNIT_ONLY_AWARDS.includes(award)) {
      for (const id of distinct.filter((u) => !leading.has(u))) {
        breaches.push({ award, kind: 'not_leading_unit', unitIds: [id], message: `Đơn vị ${label(id)} không phải đơn vị dẫn đầu Khối nên không được đề nghị ${name}` });
      }
    }
  }
  return breaches;
}

export interface BlockProposals {
  blockId: string;
  blockName?: string;
  proposed: Proposals;
}

export interface CityQuotaInput {
  /** The board's city-wide limit per award; missing or null: no limit. */
  limits: Partial<Record<AwardCode, number | null>>;
  blocks: readonly BlockProposals[];
  names?: Readonly<Record<string, string>>;
}

/** How much of an award's city-wide quota the blocks use. */
export interface AwardUsage {
  award: AwardCode;
  proposed: number;
  limit: number | null;
  /** limit − proposed (negative when over); null without a limit. */
  remaining: number | null;
}

export interface CityQuotaBreach {
  award: AwardCode;
  kind: 'over_city_quota' | 'several_blocks';
  /** For several_blocks: the unit; for over_city_quota: empty. */
  unitIds: string[];
  /** For several_blocks: the blocks proposing it. */
  blockIds: string[];
  message: string;
}

export interface CityQuotaReport {
  usage: AwardUsage[];
  breaches: CityQuotaBreach[];
}

/** City-wide use of each award against the board's limit. */
export function checkCityQuotas(input: CityQuotaInput): CityQuotaReport {
  const bad = AWARD_CODES.filter((a) => input.limits[a] != null && !isCount(input.limits[a]));
  if (bad.length > 0) {
    throw new RuleInputError(bad.map((a) => ({ field: `limits.${a}`, message: `Chỉ tiêu toàn Thành phố cho ${AWARD_NAMES[a]} (${input.limits[a]}) phải là số nguyên không âm` })));
  }
  const usage: AwardUsage[] = [];
  const breaches: CityQuotaBreach[] = [];
  for (const award of AWARD_CODES) {
    const name = AWARD_NAMES[award];
    const blocksOf = new Map<string, string[]>();
    let proposed = 0;
    for (const block of input.blocks) {
      const distinct = [...new Set(block.proposed[award] ?? [])];
      proposed += distinct.length;
      for (const id of distinct) blocksOf.set(id, [...(blocksOf.get(id) ?? []), block.blockId]);
    }
    const limit = input.limits[award] ?? null;
    usage.push({ award, proposed, limit, remaining: limit === null ? null : limit - proposed });
    if (limit !== null && proposed > limit) {
      breaches.push({ award, kind: 'over_city_quota', unitIds: [], blockIds: [], message: `Toàn Thành phố đề nghị ${proposed} đơn vị cho ${name}, vượt chỉ tiêu ${limit} đơn vị` });
    }
    for (const [id, blockIds] of blocksOf) {
      if (blockIds.length < 2) continue;
      const blockNames = blockIds.map((b) => input.blocks.find((x) => x.blockId === b)?.blockName ?? b);
      breaches.push({ award, kind: 'several_blocks', unitIds: [id], blockIds, message: `Đơn vị ${unitLabel(id, input.names)} được đề nghị ${name} ở nhiều khối: ${blockNames.join(', ')}` });
    }
  }
  return { usage, breaches };
}
