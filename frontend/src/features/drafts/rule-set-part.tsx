import { Alert, Button, Flex } from 'antd';
import { RuleSetView } from '@/components/rule-set/rule-set-view';
import { useT } from '@/i18n/i18n';
import type { DraftVersion } from './api/drafts';
import { draftStrings } from './i18n';
import { Typography } from '@/components/typography';

/** The rule set of a rules version, as the annex of the document: in plain Vietnamese, editable in the draft. */
export function RuleSetPart({ version, members, onEdit }: { version: DraftVersion; members: number; onEdit: () => void }) {
  const t = useT(draftStrings);
  return (
    <section aria-labelledby="rule-set-annex" style={{ marginTop: 32 }}>
      <Flex justify="space-between" align="baseline" gap={8} wrap style={{ marginBottom: 8 }}>
        <Typography.Title level={5} id="rule-set-annex" style={{ margin: 0 }}>{t('ruleSetTitle')}</Typography.Title>
        {version.permissions.canEdit && version.ruleSet && <Button size="small" onClick={onEdit}>{t('editRuleSet')}</Button>}
      </Flex>
      {version.status === 'draft' && <Typography.Paragraph type="secondary">{t('ruleSetHint')}</Typography.Paragraph>}
      {version.ruleSet ? <RuleSetView rules={version.ruleSet} members={members || undefined} /> : <Alert type="info" title={t('noRuleSet')} />}
    </section>
  );
}

