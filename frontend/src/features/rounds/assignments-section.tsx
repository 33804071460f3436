import { Button, Space, Tag } from 'antd';
import { Card } from '@/components/card';
import { useState } from 'react';
import { Link } from 'react-router';
import { paths } from '@/lib/paths';
import { DataTable } from '@/components/data-table';
import { useT } from '@/i18n/i18n';
import { phaseIndex, useAssignments, type Assignment, type Round } from './api/rounds';
import { roundStrings } from './i18n';
import { lazyDialog } from '@/components/lazy-dialog';
import { Typography } from '@/components/typography';

// Dialogs load when first opened.
const GenerateModal = lazyDialog(() => import('./assignment-dialogs').then((m) => m.GenerateModal), () => true);
const RecuseModal = lazyDialog(() => import('./assignment-dialogs').then((m) => m.RecuseModal), () => true);
const ReassignModal = lazyDialog(() => import('./assignment-dialogs').then((m) => m.ReassignModal), () => true);

type Dialog = { kind: 'generate' } | { kind: 'recuse' | 'reassign'; a: Assignment } | null;

/**
 * Phân công chấm chéo: the leader generates it (k per unit from the rule set), a reviewer recuses with a
 * reason, and the leader assigns a replacement (chosen, or picked by the rules).
 */
export function AssignmentsSection({ round }: { round: Round }) {
  const t = useT(roundStrings);
  const assignments = useAssignments(round.id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const manage = round.permissions.canManage;
  const before = phaseIndex(round.phase) <= phaseIndex('review');
  const reviewing = phaseIndex(round.phase) >= phaseIndex('review');
  const mine = round.myUnit?.unitId ?? null;
  const data = assignments.data;
  const list = data?.assignments ?? [];

  return (
    <Card
      title={t('assignments')}
      style={{ marginBottom: 16 }}
      extra={manage && before && <Button onClick={() => setDialog({ kind: 'generate' })}>{list.length ? t('regenerate') : t('generate')}</Button>}
    >
      {data && (
        <Typography.Paragraph type="secondary">
          {t('assignmentsHint', { k: data.reviewsPerUnit })}{data.seed !== null && <> · {t('seedUsed', { seed: data.seed })}</>}
        </Typography.Paragraph>
      )}
      <DataTable<Assignment>
        rowKey="id"
        size="small"
        pagination={false}
        loading={assignments.isPending}
        dataSource={list}
        aria-label={t('assignments')}
        locale={{ emptyText: t('noAssignments') }}
        columns={[
          { title: t('reviewer'), dataIndex: 'reviewerUnitName', render: (n: string, a) => <>{n}{a.reviewerUnitId === mine && <Tag style={{ marginInlineStart: 6 }}>{t('yourUnit')}</Tag>}</> },
          { title: t('reviewee'), dataIndex: 'revieweeUnitName' },
          {
            title: t('colStatus'), dataIndex: 'status', width: 260,
            render: (s: Assignment['status'], a) => (
              <Space orientation="vertical" size={0}>
                <Space size={4}>
                  <Tag color={s === 'active' ? 'blue' : 'default'}>{t(`assign.${s}`)}</Tag>
                  {a.reciprocal && <Tag color="orange">{t('reciprocal')}</Tag>}
                  {a.replacedById && <Tag color="green">{t('replaced')}</Tag>}
                </Space>
                {a.recusalReason && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{a.recusalReason}</Typography.Text>}
              </Space>
            ),
          },
          { title: t('scored'), dataIndex: 'scored', width: 90, align: 'center' },
          {
            title: t('colActions'), key: 'actions', width: 220,
            render: (_, a) => (
              <Space size={4} wrap>
                {a.reviewerUnitId === mine && a.status === 'active' && reviewing && <Link to={paths.review.getHref(round.id, a.revieweeUnitId)}>{t('reviewOf', { unit: a.revieweeUnitName })}</Link>}
                {a.reviewerUnitId === mine && a.status === 'active' && before && <Button size="small" onClick={() => setDialog({ kind: 'recuse', a })}>{t('recuse')}</Button>}
                {manage && before && a.status === 'recused' && !a.replacedById && <Button size="small" type="primary" onClick={() => setDialog({ kind: 'reassign', a })}>{t('reassign')}</Button>}
              </Space>
            ),
          },
        ]}
      />
      {dialog?.kind === 'generate' && <GenerateModal roundId={round.id} regenerate={list.length > 0} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'recuse' && <RecuseModal a={dialog.a} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'reassign' && <ReassignModal a={dialog.a} round={round} all={list} onClose={() => setDialog(null)} />}
    </Card>
  );
}

