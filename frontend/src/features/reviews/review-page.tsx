import { Alert, Col, Flex, Row, Segmented, Tag } from 'antd';
import { useFeedback } from '@/components/feedback';
import { Card } from '@/components/card';
import { useNavigate, useSearchParams } from 'react-router';
import { paths } from '@/lib/paths';
import { ReasonButton } from '@/components/reason-button';
import { useMe } from '@/api/me';
import { TargetFormula } from '@/components/target-formula';
import { useT } from '@/i18n/i18n';
import { formatNumber } from '@/lib/format';
import { useAssignments, useRecuse, type Assessment, type AssessmentRow, type Round } from './api/reviews';
import { CriterionTitle, EvidenceLinks, useDescribeValue } from './criterion-parts';
import { reviewStrings } from './i18n';
import { RoundUnitHeader, RoundUnitLoader } from './round-unit-header';
import { ScoreEditor } from './score-editor';
import { hasValue, peersOf, sourceOf, valueOf, type LeafType } from './score';
import { Typography } from '@/components/typography';

type Mode = 'peer' | 'leader';

/**
 * Cross-review (chấm chéo) by an assigned unit, or appraisal (thẩm định) by the leader or deputy seat:
 * per criterion the unit's self score, note and evidence on the left, the scorer's input and reason on the
 * right. Which source the page writes follows the assessment's permissions (both: a switch).
 */
export function ReviewPage() {
  return <RoundUnitLoader>{(r, a) => <ReviewView round={r} assessment={a} />}</RoundUnitLoader>;
}

function ReviewView({ round, assessment: a }: { round: Round; assessment: Assessment }) {
  const t = useT(reviewStrings);
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const myUnitId = me.data?.unitId ?? null;
  const assignments = useAssignments(round.id, !!myUnitId);
  const mine = assignments.data?.assignments.filter((x) => x.reviewerUnitId === myUnitId && x.revieweeUnitId === a.unitId) ?? [];
  const active = mine.find((x) => x.status === 'active');
  const recused = !active ? mine.find((x) => x.status === 'recused') : undefined;

  const { canReview, canAppraise } = a.permissions;
  const isBoard = !!me.data?.permissions.cityWide;
  // The peer source when the user's unit reviews this one; the appraisal for the leader seat (and, read only, the board).
  const modes: Mode[] = [];
  if (canReview || active || a.rows.some((r) => r.myReview)) modes.push('peer');
  if (canAppraise || (round.permissions.canManage && a.unitId !== myUnitId) || isBoard) modes.push('leader');
  const asked = params.get('as');
  const mode: Mode = (asked === 'peer' || asked === 'leader') && modes.includes(asked) ? asked : canAppraise ? 'leader' : (modes[0] ?? 'peer');
  const editable = mode === 'peer' ? canReview : canAppraise;
  const inputLabel = t(mode === 'peer' ? 'input.peer' : 'input.leader');

  // Bonus and deduction items are only declared when they happened: not counted as criteria to score.
  const leaves = a.rows.filter((r) => r.type !== 'group' && r.type !== 'bonus' && r.type !== 'deduction' && r.applicable);
  const rowOf = (r: AssessmentRow) => (mode === 'peer' ? r.myReview : (sourceOf(r, 'leader')?.row ?? null));
  const done = leaves.filter((r) => hasValue(r.type as LeafType, valueOf(rowOf(r)))).length;

  // Units the user may open here: those its unit reviews, and every other unit for the leader seat.
  const reviewable = new Set([...(round.myUnit?.reviews ?? []), ...(round.permissions.canManage ? round.units.map((u) => u.id).filter((u) => u !== myUnitId) : [])]);
  const unitOptions = round.units.filter((u) => reviewable.has(u.id) || u.id === a.unitId).map((u) => ({ value: u.id, label: u.name }));
  const reviewPhase = round.phase === 'self_assessment' || round.phase === 'review';

  return (
    <>
      <RoundUnitHeader
        title={t('reviewTitle', { unit: a.unitName })} round={round} unitId={a.unitId} units={unitOptions}
        hrefOf={(u) => `${paths.review.getHref(round.id, u)}${asked ? `?as=${asked}` : ''}`}
        extra={active && reviewPhase && <RecuseButton assignmentId={active.id} roundId={round.id} unitName={a.unitName} />}
      />
      {recused && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('recused', { reason: recused.recusalReason })} />}
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('reviewIntro')} />
      {!editable && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }}
          title={round.phase !== 'review' ? t('reviewReadOnlyPhase', { phase: round.phaseLabel }) : !modes.length ? t('reviewNotAllowed') : t('readOnly')} />
      )}
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        {modes.length > 1 ? (
          <Segmented aria-label={t('mode')} value={mode} onChange={(m) => setParams({ as: String(m) }, { replace: true })}
            options={modes.map((m) => ({ value: m, label: t(`mode.${m}`) }))} />
        ) : <Tag>{t(`mode.${mode}`)}</Tag>}
        <Typography.Text type="secondary">{t('progress', { n: done, m: leaves.length })}</Typography.Text>
      </Flex>

      {a.rows.map((row) =>
        row.type === 'group' ? (
          <Typography.Title key={row.criterionId} level={5} style={{ marginTop: row.depth ? 8 : 20, marginLeft: row.depth * 16 }}>
            {row.code}. {row.title}{' '}
            <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>{t('groupSelf', { n: formatNumber(row.selfScore ?? 0), max: formatNumber(row.max) })}</Typography.Text>
          </Typography.Title>
        ) : (
          <Card key={row.criterionId} size="small" style={{ marginBottom: 12 }} role="region" aria-label={`${t('criterion')} ${row.code}`} title={<CriterionTitle row={row} />}>
            {row.guidance && <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>{row.guidance}</Typography.Paragraph>}
            <Row gutter={[24, 16]}>
              <Col xs={24} md={12}>
                <SelfColumn row={row} showOthers={mode === 'leader'} />
              </Col>
              <Col xs={24} md={12}>
                {row.applicable ? (
                  <ScoreEditor key={mode} row={row} source={mode} serverRow={rowOf(row)} serverScore={mode === 'leader' ? sourceOf(row, 'leader')?.score : undefined}
                    formula={mode === 'peer' ? row.myReviewFormula : sourceOf(row, 'leader')?.formula} editable={editable} roundId={round.id} unitId={a.unitId} label={inputLabel} />
                ) : <Typography.Text type="secondary">{t('notApplicable')}</Typography.Text>}
              </Col>
            </Row>
          </Card>
        ),
      )}
    </>
  );
}

/** The unit's own score, note and evidence; for the leader also the peers' scores. */
function SelfColumn({ row, showOthers }: { row: AssessmentRow; showOthers: boolean }) {
  const t = useT(reviewStrings);
  const describe = useDescribeValue();
  const peers = peersOf(row);
  return (
    <Flex vertical gap={6} style={{ background: 'rgba(0,0,0,0.02)', padding: 12, borderRadius: 6 }}>
      <Typography.Text type="secondary">{t('selfScore')}</Typography.Text>
      <Typography.Text strong>{describe(row, valueOf(row.self), row.selfScore)}</Typography.Text>
      {row.selfFormula && <TargetFormula formula={row.selfFormula} />}
      {row.self?.note && (
        <Typography.Paragraph style={{ margin: 0 }}>
          <Typography.Text type="secondary">{t('selfNote')}: </Typography.Text>{row.self.note}
        </Typography.Paragraph>
      )}
      <div>
        <Typography.Text type="secondary">{t('evidence')}: </Typography.Text>
        <EvidenceLinks evidence={row.evidence.filter((e) => e.purpose === 'self')} />
      </div>
      {showOthers && peers.length > 0 && (
        <div>
          <Typography.Text type="secondary">{t('otherSources')}:</Typography.Text>
          {peers.map((p) => (
            <div key={p.scorerUnitId}>
              {t('source.peer', { name: p.scorerUnitName })}: <strong>{p.score === null ? t('noValue') : formatNumber(p.score)}</strong>
              {p.note && <Typography.Text type="secondary"> – {p.note}</Typography.Text>}
            </div>
          ))}
        </div>
      )}
    </Flex>
  );
}

function RecuseButton({ assignmentId, roundId, unitName }: { assignmentId: string; roundId: string; unitName: string }) {
  const t = useT(reviewStrings);
  const { message } = useFeedback();
  const navigate = useNavigate();
  const recuse = useRecuse();
  return (
    <ReasonButton
      label={t('recuse')} title={t('recuseTitle', { unit: unitName })} body={t('recuseHint')} okText={t('recuseConfirm')} reasonLabel={t('recuseReason')} requiredMessage={t('recuseReasonRequired')}
      loading={recuse.isPending}
      onConfirm={(reason) => recuse.mutateAsync({ assignmentId, reason, roundId }).then(() => {
        message.success(t('recusedOk'));
        navigate(paths.round.getHref(roundId));
      }, (e: Error) => { message.error(e.message); throw e; })}
    />
  );
}

export { ReviewPage as Component };
