import { Descriptions } from 'antd';
import { useT } from '@/i18n/i18n';
import { ruleSetStrings } from './i18n';
import { describeRuleSet, type RuleSet } from './rule-set';

/** The rule set read aloud: one plain Vietnamese sentence per rule. */
export function RuleSetView({ rules, members }: { rules: RuleSet; members?: number }) {
  const t = useT(ruleSetStrings);
  const lines = describeRuleSet(rules, (k, v) => t(k as keyof typeof ruleSetStrings.vi, v), members);
  return (
    <Descriptions
      bordered
      column={1}
      size="small"
      styles={{ label: { width: 220 } }}
      items={lines.map((l) => ({
        key: l.key,
        label: l.label,
        children: (
          <>
            {l.text && <div>{l.text}</div>}
            {l.items && (l.key === 'tieBreak'
              ? <ol style={{ margin: '4px 0', paddingInlineStart: 20 }}>{l.items.map((i) => <li key={i}>{i}</li>)}</ol>
              : <ul style={{ margin: 0, paddingInlineStart: 20 }}>{l.items.map((i) => <li key={i}>{i}</li>)}</ul>)}
            {l.after && <div>{l.after}</div>}
          </>
        ),
      }))}
    />
  );
}
