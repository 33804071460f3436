import { Button, Space, Tag } from 'antd';
import { Card } from '@/components/card';
import { useState } from 'react';
import { Link } from 'react-router';
import { paths } from '@/lib/paths';
import { DataTable } from '@/components/data-table';
import { useT } from '@/i18n/i18n';
import { formatDateTime } from '@/lib/format';
import { phaseIndex, useProgress, type ProgressUnit, type Round } from './api/rounds';
import { roundStrings } from './i18n';
import { durationParts, STATUS_COLORS } from './labels';
import { lazyDialog } from '@/components/lazy-dialog';
import { Typography } from '@/components/typography';

// Dialogs load when first opened.
const ExtendModal = lazyDialog(() => import('./progress-dialogs').then((m) => m.ExtendModal), () => true);
const ReturnModal = lazyDialog(() => import('./progress-dialogs').then((m) => m.ReturnModal), () => true);
const RemindModal = lazyDialog(() => import('./progress-dialogs').then((m) => m.RemindModal), () => true);

type Dialog = { kind: 'extend' | 'return' | 'remind'; unit: ProgressUnit } | { kind: 'remindAll' } | null;

/** "còn 3 ngày 4 giờ" / "quá hạn 5 giờ 10 phút". */
function useTimeLeft() {
  const t = useT(roundStrings);
  return (seconds: number) => {
    const { days, hours, minutes } = durationParts(seconds);
    const parts = days ? [t('days', { n: days }), hours ? t('hours', { n: hours }) : ''] : hours ? [t('hours', { n: hours }), minutes ? t('minutes', { n: minutes }) : ''] : [t('minutes', { n: minutes })];
    const text = parts.filter(Boolean).join(' ');
    return seconds >= 0 ? t('timeLeft', { t: text }) : t('overdue', { t: text });
  };
}

/**
 * Tiến độ tự chấm: each unit's status, criteria filled, missing evidence, time left (with its extension),
 * last save; the leader opens a unit's assessment, extends its deadline (with a reason), reminds it (or
 * every unit not yet submitted) and returns a submission with a reason.
 */
export function ProgressBoard({ round }: { round: Round }) {
  const t = useT(roundStrings);
  const timeLeft = useTimeLeft();
  const progress = useProgress(round.id, true);
  const [dialog, setDialog] = useState<Dialog>(null);
  const manage = round.permissions.canManage;
  const phase = round.phase;
  const inSelf = phase === 'self_assessment';
  const canExtend = manage && phaseIndex(phase) <= phaseIndex('review');
  const canRemind = manage && phaseIndex(phase) <= phaseIndex('explanation');
  const notSubmitted = (progress.data?.units ?? []).filter((u) => !u.submitted);

  const unitLink = (u: ProgressUnit) => {
    if (phase === 'review' && manage && u.unitId !== round.myUnit?.unitId) return <Link to={paths.review.getHref(round.id, u.unitId)}>{t('appraise')}</Link>;
    if (phase === 'final_review' && manage && u.unitId !== round.myUnit?.unitId) return <Link to={paths.finalReview.getHref(round.id, u.unitId)}>{t('finalReview')}</Link>;
    return null;
  };

  return (
    <Card
      title={t('progress')}
      style={{ marginBottom: 16 }}
      extra={canRemind && notSubmitted.length > 0 && <Button onClick={() => setDialog({ kind: 'remindAll' })}>{t('remindAll', { n: notSubmitted.length })}</Button>}
    >
      <DataTable<ProgressUnit>
        rowKey="unitId"
        size="small"
        pagination={false}
        loading={progress.isPending}
        dataSource={progress.data?.units ?? []}
        aria-label={t('progress')}
        scroll={{ x: 1000 }}
        columns={[
          {
            title: t('colUnit'), dataIndex: 'unitName', width: 190, fixed: 'left',
            render: (name: string, u) => (
              <Space orientation="vertical" size={0}>
                <Link to={paths.selfAssessment.getHref(round.id, u.unitId)} aria-label={t('openUnitLabel', { unit: name })}>{name}</Link>
                {u.returnReason && <Typography.Text type="danger" style={{ fontSize: 12 }}>{t('returnedWith', { reason: u.returnReason })}</Typography.Text>}
              </Space>
            ),
          },
          {
            title: t('colStatus'), dataIndex: 'status', width: 150,
            render: (s: ProgressUnit['status'], u) => (
              <Space orientation="vertical" size={0}>
                <Tag color={STATUS_COLORS[s]}>{t(`status.${s}`)}</Tag>
                {u.submittedAt && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('submittedAt', { time: formatDateTime(u.submittedAt) })}</Typography.Text>}
              </Space>
            ),
          },
          { title: t('colFilled'), key: 'filled', width: 90, render: (_, u) => t('filled', { n: u.criteriaFilled, total: u.criteriaRequired }) },
          {
            title: t('colEvidence'), key: 'evidence', width: 140,
            render: (_, u) => (u.evidenceMissing ? <Typography.Text type="warning">{t('evidenceMissing', { n: u.evidenceMissing, codes: u.evidenceMissingCodes.join(', ') })}</Typography.Text> : t('evidenceOk')),
          },
          {
            title: t('colTimeLeft'), key: 'deadline', width: 150,
            render: (_, u) => (
              <Space orientation="vertical" size={0}>
                <span>{formatDateTime(u.deadline)}</span>
                {inSelf && !u.submitted && <Typography.Text type={u.secondsLeft < 0 ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>{timeLeft(u.secondsLeft)}</Typography.Text>}
                {u.extensionReason && <Tag color="cyan" style={{ whiteSpace: 'normal' }}>{t('extendedWith', { reason: u.extensionReason })}</Tag>}
              </Space>
            ),
          },
          { title: t('colLastSaved'), dataIndex: 'lastSavedAt', width: 120, render: (d: string | null) => formatDateTime(d) },
          {
            title: t('colActions'), key: 'actions', width: 160,
            render: (_, u) => (
              <Space wrap size={4} role="group" aria-label={t('actionsOf', { unit: u.unitName })}>
                {unitLink(u)}
                {canExtend && !u.submitted && <Button size="small" onClick={() => setDialog({ kind: 'extend', unit: u })}>{t('extend')}</Button>}
                {canRemind && !u.submitted && <Button size="small" onClick={() => setDialog({ kind: 'remind', unit: u })}>{t('remind')}</Button>}
                {manage && inSelf && (u.status === 'submitted' || u.status === 'awaiting_confirmation') && (
                  <Button size="small" danger onClick={() => setDialog({ kind: 'return', unit: u })}>{t('returnAction')}</Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {dialog?.kind === 'extend' && <ExtendModal round={round} unit={dialog.unit} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'return' && <ReturnModal roundId={round.id} unitId={dialog.unit.unitId} unitName={dialog.unit.unitName} onClose={() => setDialog(null)} />}
      {(dialog?.kind === 'remind' || dialog?.kind === 'remindAll') && (
        <RemindModal roundId={round.id} unit={dialog.kind === 'remind' ? dialog.unit : null} all={notSubmitted} onClose={() => setDialog(null)} />
      )}
    </Card>
  );
}

