import type { EntityManager } from 'typeorm';
import { conflict } from '../../common/app-error';
import { openRoundTitles } from './block-years-data';
import { changedRankingRules, RANKING_RULE_LABELS, type RuleSet } from '@thidua/rules';

/**
 * Decision (issue 20, 11a): the rules a live ranking is computed with (tie-break chain, final-score rule) do
 * not change while a round of the year is open, so a ranking never reorders under the units' eyes and every
 * round is ranked, from start to finalisation, with the rules shown on it. Finalise the round first (a
 * finalised ranking is a signed snapshot and does not move), then change them. Used by every path that
 * writes a year's rule set (the board's edit, the conference adopting a rules version).
 */
export async function assertRankingRulesFixedWhileRoundOpen(em: EntityManager, blockYearId: string, before: RuleSet, after: RuleSet): Promise<void> {
  const changed = changedRankingRules(before, after);
  if (!changed.length) return;
  const open = await openRoundTitles(em, blockYearId);
  if (!open.length) return;
  throw conflict('round_open',
    `Đợt chấm điểm "${open.join('", "')}" đang diễn ra: không thay đổi ${changed.map((k) => RANKING_RULE_LABELS[k]).join(' và ')} cho đến khi đợt chấm hoàn tất, để bảng xếp hạng của đợt được tính theo một bộ quy tắc duy nhất.`,
    Object.fromEntries(changed.map((k) => [`rules.${k}`, 'không được thay đổi khi đợt chấm điểm đang diễn ra'])));
}
