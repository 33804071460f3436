import { AWARD_CODES, type AwardCode, quorumNeeded, quotaLimit, reminderDaysBefore } from '@thidua/rules';
import type { Schemas } from '@/api/client';
import { formatNumber } from '@/lib/format';

/** The rule set of a block year (docs/domain.md §4–§5), put into plain Vietnamese; its numbers come from @thidua/rules. Pure: no React here. */
export type RuleSet = Schemas['RuleSetDto'];

type Translate = (key: string, vars?: Record<string, string | number>) => string;

export interface RuleLine {
  key: string;
  label: string;
  text: string;
  items?: string[];
  after?: string;
}

/** One line per rule, in the words a block's officers use. `members`: the block's member count, when known. */
export function describeRuleSet(r: RuleSet, t: Translate, members?: number): RuleLine[] {
  const n = (v: number) => formatNumber(v);
  const quota = (award: AwardCode) => {
    const q = r.quotas[award];
    const name = t(`award.${award}`);
    let text: string;
    if (q.value === 0) text = t('text.quota.none', { award: name });
    else if (q.kind === 'count') text = t('text.quota.count', { award: name, n: n(q.value) });
    else text = t('text.quota.percent', { award: name, p: n(q.value) }) + (members ? t('text.quota.percentCount', { n: n(quotaLimit(q, members)) }) : '');
    return award === 'gov_flag' && q.value > 0 ? text + t('text.quota.govOnlyLeading') : text;
  };
  return [
    {
      key: 'quorum', label: t('rule.quorum'),
      text: t('text.quorum', { n: r.quorumNumerator, d: r.quorumDenominator }) + (members ? t('text.quorumCount', { members, needed: quorumNeeded(members, r) }) : ''),
    },
    { key: 'threshold', label: t('rule.threshold'), text: t(`text.threshold.${r.voteThresholdBase}`, { p: n(r.voteThresholdPercent) }) },
    { key: 'quotas', label: t('rule.quotas'), text: '', items: AWARD_CODES.map(quota) },
    r.tieBreakChain.length
      ? { key: 'tieBreak', label: t('rule.tieBreak'), text: t('text.tieBreak.intro'), items: r.tieBreakChain.map((k) => t(`tie.${k}`)), after: t('text.tieBreak.end') }
      : { key: 'tieBreak', label: t('rule.tieBreak'), text: t('text.tieBreak.none') },
    { key: 'finalScore', label: t('rule.finalScore'), text: t(`text.final.${r.finalScoreRule}`) },
    { key: 'reviews', label: t('rule.reviews'), text: r.reviewsPerUnit > 0 ? t('text.reviews', { k: r.reviewsPerUnit }) : t('text.reviews.none') },
    { key: 'scale', label: t('rule.scale'), text: t('text.scale', { max: n(r.scoringScaleMax) }) },
    { key: 'divergence', label: t('rule.divergence'), text: t('text.divergence', { p: n(r.divergencePercent) }) },
    { key: 'reminder', label: t('rule.reminder'), text: reminderDaysBefore(r) > 0 ? t('text.reminder', { d: reminderDaysBefore(r) }) : t('text.reminder.none') },
  ];
}
