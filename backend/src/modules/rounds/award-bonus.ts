/**
 * Awards score themselves (issue 20, point 4): the awards a unit holds from the year before (the awards
 * module's `bonusesFor`, with their catalogue points: +10 for a city flag) go into the scheme's bonus
 * criterion for every round of the year, derived when the results are read, so nothing is copied that could
 * drift: revoke the award and the points leave. The unit does not declare them: a bonus item whose id is an
 * award code (the demo scheme's "city_flag", "gov_flag") is the award history's, and a count a unit typed
 * for it does not count. Pure.
 */
import { AWARD_CODES, type SchemeNode } from '@thidua/rules';

export interface AwardBonusFact {
  awardId: string;
  code: string;
  awardName: string;
  decisionNumber: string;
  /** yyyy-mm-dd */
  decisionDate: string;
  year: number;
  points: number;
}

const AWARD_ITEM_IDS: readonly string[] = AWARD_CODES;

/** Whether a bonus item is an award's own (filled from the award history, never declared). */
export const isAwardItem = (itemId: string): boolean => AWARD_ITEM_IDS.includes(itemId);

/** The counts a unit may declare: its typed counts without the awards' own items. */
export function declaredCounts(items: Readonly<Record<string, number>> | null | undefined): Record<string, number> {
  return Object.fromEntries(Object.entries(items ?? {}).filter(([id]) => !isAwardItem(id)));
}

/** The criterion the award bonuses go into: the first top-level bonus criterion of the scheme, if any. */
export function awardBonusNode(nodes: readonly SchemeNode[]): SchemeNode | null {
  return nodes.filter((n) => n.type === 'bonus' && n.parentId === null).sort((a, b) => a.order - b.order)[0] ?? null;
}

/** "Cờ thi đua của UBND Thành phố năm 2024 (QĐ 512/QĐ-UBND ngày 15/01/2025): +10" */
export function awardFactLine(f: AwardBonusFact): string {
  const [y, m, d] = f.decisionDate.split('-');
  return `${f.awardName} năm ${f.year} (QĐ ${f.decisionNumber} ngày ${d}/${m}/${y}): +${String(f.points).replace('.', ',')}`;
}
