import { Alert, Button, Descriptions, Flex, Input, Modal, Space, Spin, Steps, Tag } from 'antd';
import { lazyDialog } from '@/components/lazy-dialog';
import { useFeedback } from '@/components/feedback';
import { Card } from '@/components/card';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { paths } from '@/lib/paths';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { useT } from '@/i18n/i18n';
import { formatDateTime } from '@/lib/format';
import { nextManualPhase, PHASES, phaseIndex, useAdvancePhase, useAdvancePreview, useRound, type Phase, type Round } from './api/rounds';
import { AssignmentsSection } from './assignments-section';
import { roundStrings } from './i18n';
import { PHASE_COLORS, STATUS_COLORS } from './labels';
import { ProgressBoard } from './progress-board';
import { TargetsSection } from './targets-section';
import { Typography } from '@/components/typography';

// Dialogs load when first opened.
const EditRoundModal = lazyDialog(() => import('./round-forms').then((m) => m.EditRoundModal), (p) => p.open);

/** Tự chấm → Chấm chéo → Giải trình → Thẩm định cuối → Hoàn tất, each with its deadline. */
function PhaseStepper({ round }: { round: Round }) {
  const t = useT(roundStrings);
  const current = phaseIndex(round.phase);
  const dateOf: Record<Phase, string> = {
    self_assessment: t('deadlineOf', { time: formatDateTime(round.selfAssessmentUntil) }),
    review: t('deadlineOf', { time: formatDateTime(round.reviewUntil) }),
    explanation: t('deadlineOf', { time: formatDateTime(round.explanationUntil) }),
    final_review: round.finalReviewUntil ? t('plannedOf', { time: formatDateTime(round.finalReviewUntil) }) : t('byLeader'),
    finalised: round.finalisedAt ? t('finalisedOf', { time: formatDateTime(round.finalisedAt) }) : t('byLeader'),
  };
  return (
    <Steps
      size="small"
      current={current}
      status={round.phase === 'finalised' ? 'finish' : 'process'}
      aria-label={t('colPhase')}
      items={PHASES.map((p) => ({ title: t(`step.${p}`), content: dateOf[p] }))}
    />
  );
}

/**
 * The leader moves the round on before its date. Leaving self-assessment early locks every unit that has
 * not submitted: the dialog names each one and what happens to it, and asks for the typed confirmation.
 */
function AdvanceButton({ round }: { round: Round }) {
  const t = useT(roundStrings);
  const { message } = useFeedback();
  const advance = useAdvancePhase();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [typed, setTyped] = useState('');
  const preview = useAdvancePreview(round.id, open);
  const next = nextManualPhase(round.phase);
  if (!next) return null;
  const label = t(`phase.${next}`);
  const word = preview.data?.confirmationWord ?? null;
  const confirmed = !word || typed.trim().toLocaleUpperCase('vi') === word;
  const show = () => { setReason(''); setTyped(''); setOpen(true); };
  const submit = () => advance.mutateAsync({ id: round.id, body: { to: next, ...(reason.trim() ? { reason: reason.trim() } : {}), ...(word ? { confirmation: typed.trim() } : {}) } })
    .then(() => { setOpen(false); void message.success(t('advanced', { phase: label })); })
    .catch((e: Error) => void message.error(e.message));
  return (
    <>
      <Button onClick={show} loading={advance.isPending}>{t('advance', { phase: label })}</Button>
      <Modal
        open={open}
        title={t('advanceTitle', { phase: label })}
        onCancel={() => setOpen(false)}
        onOk={submit}
        okText={t('advance', { phase: label })}
        cancelText={t('action.cancel')}
        okButtonProps={{ disabled: preview.isPending || !confirmed, danger: !!word }}
        confirmLoading={advance.isPending}
        width={560}
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text>{t('advanceBody', { current: t(`phase.${round.phase}`) })}</Typography.Text>
          {preview.isPending && <Spin />}
          {preview.isError && <Alert type="error" showIcon title={preview.error.message} />}
          {!!preview.data?.hits.length && (
            <Alert
              type="warning"
              showIcon
              title={t('advanceHits', { n: preview.data.hits.length })}
              description={(
                <ul aria-label={t('advanceHitsList')} style={{ margin: 0, paddingInlineStart: 18 }}>
                  {preview.data.hits.map((h) => <li key={h.unitId}><strong>{h.unitName}</strong>: {h.consequence}</li>)}
                </ul>
              )}
            />
          )}
          <Input.TextArea rows={2} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('advanceReason')} aria-label={t('advanceReason')} />
          {word && (
            <Input value={typed} onChange={(e) => setTyped(e.target.value)} maxLength={100} aria-label={t('advanceConfirm', { word })} placeholder={word} />
          )}
          {word && <Typography.Text type="secondary">{t('advanceConfirm', { word })}</Typography.Text>}
        </Space>
      </Modal>
    </>
  );
}

/** The user's own unit in the round: its status and deadline, its self-assessment, explanations, reviews. */
function MyUnitCard({ round }: { round: Round }) {
  const t = useT(roundStrings);
  const my = round.myUnit!;
  const idx = phaseIndex(round.phase);
  const name = (id: string) => round.units.find((u) => u.id === id)?.name ?? id;
  return (
    <Card title={t('myUnit')} style={{ marginBottom: 16 }}>
      <Flex gap={16} wrap align="center" justify="space-between">
        <Space wrap>
          <Tag color={STATUS_COLORS[my.status]}>{t(`status.${my.status}`)}</Tag>
          <span>{t('myDeadline', { time: formatDateTime(my.deadline) })}</span>
          {my.deadline !== round.selfAssessmentUntil && <Tag color="cyan">{t('extendedNote')}</Tag>}
        </Space>
        <Space wrap>
          <Link to={paths.selfAssessment.getHref(round.id, my.unitId)}>
            <Button type={round.permissions.canSelfAssess ? 'primary' : 'default'}>{round.permissions.canSelfAssess ? t('openSelf') : t('viewSelf')}</Button>
          </Link>
          {idx >= phaseIndex('explanation') && <Link to={paths.explanation.getHref(round.id, my.unitId)}><Button>{t('explanation')}</Button></Link>}
        </Space>
      </Flex>
      <Typography.Title level={5} style={{ marginTop: 16 }}>{t('myReviews')}</Typography.Title>
      {my.reviews.length === 0 ? (
        <Typography.Text type="secondary">{t('noReviews')}</Typography.Text>
      ) : (
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {my.reviews.map((id) => (
            <li key={id}>{idx >= phaseIndex('review') ? <Link to={paths.review.getHref(round.id, id)}>{t('reviewOf', { unit: name(id) })}</Link> : name(id)}</li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function RoundView({ round }: { round: Round }) {
  const t = useT(roundStrings);
  const [editing, setEditing] = useState(false);
  const manage = round.permissions.canManage;
  return (
    <>
      <Card style={{ marginBottom: 16 }}>
        <Flex justify="space-between" align="start" gap={12} wrap style={{ marginBottom: 16 }}>
          <Space wrap>
            <Tag>{t(`kind.${round.kind}`)}</Tag>
            <Tag color={PHASE_COLORS[round.phase]}>{t(`phase.${round.phase}`)}</Tag>
          </Space>
          <Space wrap>
            {manage && <AdvanceButton round={round} />}
            {manage && round.phase !== 'finalised' && <Button onClick={() => setEditing(true)}>{t('editCalendar')}</Button>}
            {round.permissions.canSeeRanking && <Link to={paths.ranking.getHref(round.id)}><Button type={round.phase === 'final_review' || round.phase === 'finalised' ? 'primary' : 'default'}>{t('ranking')}</Button></Link>}
          </Space>
        </Flex>
        <PhaseStepper round={round} />
        <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginTop: 16 }}
          items={[
            { key: 'opens', label: t('opensAt'), children: formatDateTime(round.opensAt) },
            { key: 'scheme', label: t('scheme'), children: `${round.schemeTitle} (${round.schemeVersionNo})` },
          ]}
        />
        {!round.isOpen && <Alert type="info" showIcon style={{ marginTop: 12 }} title={t('notOpenYet', { time: formatDateTime(round.opensAt) })} />}
        {round.phase === 'final_review' && manage && <Alert type="info" showIcon style={{ marginTop: 12 }} title={t('finaliseHint')} />}
        {round.finalisedAt && <Alert type="success" showIcon style={{ marginTop: 12 }} title={t('finalised', { time: formatDateTime(round.finalisedAt) })} />}
      </Card>
      {round.myUnit && <MyUnitCard round={round} />}
      {round.permissions.canSeeProgress && <ProgressBoard round={round} />}
      <TargetsSection round={round} />
      <AssignmentsSection round={round} />
      {manage && <EditRoundModal open={editing} round={round} onClose={() => setEditing(false)} />}
    </>
  );
}

/**
 * Một đợt chấm điểm: its phases with their deadlines; for the leader seat the progress board (extend,
 * remind, return), phase changes and dates, targets and cross-review assignments; for each member unit
 * its own self-assessment, explanations and the units it reviews; the ranking when it may be seen.
 */
export function RoundPage() {
  const { id = '' } = useParams();
  const t = useT(roundStrings);
  const round = useRound(id);
  const r = round.data;
  return (
    <>
      <PageHeader
        title={r?.title ?? t('title')}
        subtitle={r && t('roundSubtitle', { block: r.blockName, year: r.year, scheme: r.schemeTitle, n: r.schemeVersionNo })}
        extra={r && <Link to={paths.rounds.getHref(r.blockYearId)}>{t('backToRounds')}</Link>}
      />
      <QueryState query={round}>{(data) => <RoundView round={data} />}</QueryState>
    </>
  );
}

export { RoundPage as Component };
