import { Alert, Button, Col, Flex, Row, Space, Switch, Tag } from 'antd';
import { Card } from '@/components/card';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { divergence } from '@thidua/rules';
import { paths } from '@/lib/paths';
import { useMe } from '@/api/me';
import { blockYearQueryOptions } from '@/api/block-years';
import { TargetFormula } from '@/components/target-formula';
import { useT } from '@/i18n/i18n';
import { formatNumber } from '@/lib/format';
import { type Assessment, type AssessmentRow, type Round } from './api/reviews';
import { CriterionTitle, EvidenceLinks, useDescribeValue } from './criterion-parts';
import { reviewStrings } from './i18n';
import { RoundUnitHeader, RoundUnitLoader } from './round-unit-header';
import { ScoreEditor } from './score-editor';
import { peersOf, sourceOf, totalOf, valueOf } from './score';
import { Typography } from '@/components/typography';

/** The rule set's defaults (docs/domain.md §4) when the year's rules cannot be read. */
const DEFAULT_DIVERGENCE_PERCENT = 20;

const DIVERGENT_STYLE = { borderLeft: '4px solid #cf1322', background: '#fff1f0' };

/**
 * Chốt điểm: the leader or deputy seat sets each criterion's final score with every source side by side
 * (self, each cross-reviewer, the leader's appraisal, the unit's explanation), rows whose sources diverge
 * from the final score by more than the rule set's share of the maximum highlighted, totals per source on top.
 */
export function FinalPage() {
  return <RoundUnitLoader>{(r, a) => <FinalView round={r} assessment={a} />}</RoundUnitLoader>;
}

function FinalView({ round, assessment: a }: { round: Round; assessment: Assessment }) {
  const t = useT(reviewStrings);
  const me = useMe();
  const year = useQuery({ ...blockYearQueryOptions(round.blockYearId), retry: false });
  const percent = year.data?.rules.divergencePercent ?? DEFAULT_DIVERGENCE_PERCENT;
  const median = year.data?.rules.finalScoreRule === 'peer_median' || a.rows.some((r) => r.final?.source === 'peer_median');
  const editable = a.permissions.canSetFinal;
  const [onlyDivergent, setOnlyDivergent] = useState(false);

  const leaves = a.rows.filter((r) => r.type !== 'group' && r.applicable);
  const scoredLeaves = leaves.filter((r) => r.type !== 'bonus' && r.type !== 'deduction').length;
  const divergentRows = new Set(leaves.filter((r) => isDivergent(r, percent)).map((r) => r.criterionId));

  // Every peer that scored this unit, in the order they first appear.
  const peers = useMemo(() => {
    const m = new Map<string, string>();
    for (const r of a.rows) for (const p of peersOf(r)) if (!m.has(p.scorerUnitId)) m.set(p.scorerUnitId, p.scorerUnitName);
    return [...m].map(([unitId, name]) => ({ unitId, name }));
  }, [a.rows]);

  const totals: { key: string; label: string; total: number; scored?: number }[] = [
    { key: 'self', label: t('total.self'), total: a.totals.total },
    ...peers.map((p) => ({ key: p.unitId, label: t('total.peer', { name: p.name }), ...totalOf(a.rows, (r) => peersOf(r).find((s) => s.scorerUnitId === p.unitId)?.score ?? null) })),
    { key: 'leader', label: t('total.leader'), ...totalOf(a.rows, (r) => sourceOf(r, 'leader')?.score ?? null) },
    { key: 'final', label: t('total.final'), total: a.finalTotals?.total ?? totalOf(a.rows, (r) => r.final?.score ?? null).total },
  ];

  const unitOptions = round.permissions.canManage || !!me.data?.permissions.cityWide
    ? round.units.filter((u) => u.id !== me.data?.unitId || u.id === a.unitId).map((u) => ({ value: u.id, label: u.name }))
    : [];

  return (
    <>
      <RoundUnitHeader
        title={t('finalTitle', { unit: a.unitName })} round={round} unitId={a.unitId} units={unitOptions}
        hrefOf={(u) => paths.finalReview.getHref(round.id, u)} links={<Link to={paths.ranking.getHref(round.id)}>{t('toRanking')}</Link>}
      />
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('finalIntro', { p: formatNumber(percent) })} />
      {!editable && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={round.phase !== 'final_review' ? t('finalReadOnlyPhase', { phase: round.phaseLabel }) : t('finalNotAllowed')} />}
      {median && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('medianRule')} />}

      <Card size="small" title={t('totalsBySource')} style={{ marginBottom: 16 }}>
        <Flex wrap gap={24} role="list" aria-label={t('totalsBySource')}>
          {totals.map((x) => (
            <div key={x.key} role="listitem" aria-label={x.label}>
              <Typography.Text type="secondary">{x.label}</Typography.Text>
              <div style={{ fontSize: 22, fontWeight: x.key === 'final' ? 700 : 500 }}>{formatNumber(x.total)}</div>
              {x.scored !== undefined && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('totalScored', { n: x.scored, m: scoredLeaves })}</Typography.Text>}
            </div>
          ))}
        </Flex>
      </Card>

      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 12 }}>
        <Space>
          <Switch checked={onlyDivergent} onChange={setOnlyDivergent} aria-label={t('filterDivergent')} />
          <span>{t('filterDivergent')}</span>
        </Space>
        <Tag color={divergentRows.size ? 'red' : 'default'}>{t('divergentCount', { n: divergentRows.size })}</Tag>
      </Flex>

      {a.rows.map((row) => {
        if (row.type === 'group') {
          if (onlyDivergent) return null;
          return (
            <Typography.Title key={row.criterionId} level={5} style={{ marginTop: row.depth ? 8 : 20, marginLeft: row.depth * 16 }}>
              {row.code}. {row.title}{' '}
              <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
                {t('total.self')} {formatNumber(row.selfScore ?? 0)} · {t('total.final')} {formatNumber(row.final?.score ?? 0)} / {formatNumber(row.max)}
              </Typography.Text>
            </Typography.Title>
          );
        }
        if (onlyDivergent && !divergentRows.has(row.criterionId)) return null;
        return <FinalCriterion key={row.criterionId} row={row} percent={percent} median={median} editable={editable} divergent={divergentRows.has(row.criterionId)} roundId={round.id} unitId={a.unitId} />;
      })}
    </>
  );
}

/** A row diverges when a source (self included) differs from the final score by more than `percent`% of the maximum. */
function isDivergent(row: AssessmentRow, percent: number): boolean {
  if (row.sources.some((s) => s.source !== 'final' && s.divergent)) return true;
  return divergence(row.selfScore ?? null, row.final?.score ?? null, row.max, percent);
}

function FinalCriterion({ row, percent, median, editable, divergent, roundId, unitId }: {
  row: AssessmentRow; percent: number; median: boolean; editable: boolean; divergent: boolean; roundId: string; unitId: string;
}) {
  const t = useT(reviewStrings);
  const describe = useDescribeValue();
  const finalRow = sourceOf(row, 'final')?.row ?? null;
  const [override, setOverride] = useState(false);
  const leader = sourceOf(row, 'leader');
  const hint = t('divergentHint', { p: formatNumber(percent) });
  const selfDivergent = divergence(row.selfScore ?? null, row.final?.score ?? null, row.max, percent);

  return (
    <Card size="small" role="region" aria-label={`${t('criterion')} ${row.code}`} style={{ marginBottom: 12, ...(divergent ? DIVERGENT_STYLE : {}) }}
      title={<Space wrap><CriterionTitle row={row} />{divergent && <Tag color="red" title={hint}>{t('divergent')}</Tag>}</Space>}>
      {!row.applicable ? <Typography.Text type="secondary">{t('notApplicable')}</Typography.Text> : (
        <Row gutter={[16, 12]}>
          <Col xs={24} lg={15}>
            <Flex wrap gap={8}>
              <SourceBox label={t('selfScore')} value={describe(row, valueOf(row.self), row.selfScore)} note={row.self?.note} divergent={selfDivergent} hint={hint}
                extra={<EvidenceLinks evidence={row.evidence.filter((e) => e.purpose === 'self')} empty={false} />} />
              {peersOf(row).map((p) => (
                <SourceBox key={p.scorerUnitId} label={t('source.peer', { name: p.scorerUnitName })} value={describe(row, valueOf(p.row), p.score)} note={p.note} divergent={p.divergent} hint={hint} />
              ))}
              <SourceBox label={t('total.leader')} value={leader ? describe(row, valueOf(leader.row), leader.score) : t('noValue')} note={leader?.note} divergent={!!leader?.divergent} hint={hint} />
              {(row.explanation || row.evidence.some((e) => e.purpose === 'explanation')) && (
                <SourceBox label={t('explanationCol')} value={row.explanation?.text ?? ''} wide
                  extra={<EvidenceLinks evidence={row.evidence.filter((e) => e.purpose === 'explanation')} empty={false} />} />
              )}
            </Flex>
          </Col>
          <Col xs={24} lg={9}>
            <Flex vertical gap={8}>
              <div>
                <Typography.Text type="secondary">{t('finalNow')}: </Typography.Text>
                <Typography.Text strong>{row.final?.score === null || row.final?.score === undefined ? t('noValue') : t('points', { n: formatNumber(row.final.score) })}</Typography.Text>
                {row.final?.source && <Tag style={{ marginLeft: 8 }}>{t(`finalSource.${row.final.source}`)}</Tag>}
              </div>
              {row.finalFormula && <TargetFormula formula={row.finalFormula} />}
              {!editable ? (
                finalRow?.note && <Typography.Text><Typography.Text type="secondary">{t('finalReason')}: </Typography.Text>{finalRow.note}</Typography.Text>
              ) : median && !finalRow && !override ? (
                <Button size="small" onClick={() => setOverride(true)} style={{ alignSelf: 'flex-start' }}>{t('override')}</Button>
              ) : (
                <ScoreEditor row={row} source="final" serverRow={finalRow} formula={sourceOf(row, 'final')?.formula} editable roundId={roundId} unitId={unitId} label={t('input.final')} />
              )}
            </Flex>
          </Col>
        </Row>
      )}
    </Card>
  );
}

function SourceBox({ label, value, note, divergent, hint, extra, wide }: {
  label: string; value: string; note?: string; divergent?: boolean; hint?: string; extra?: ReactNode; wide?: boolean;
}) {
  return (
    <div title={divergent ? hint : undefined} data-divergent={divergent ? 'true' : undefined}
      style={{
        flex: wide ? '2 1 260px' : '1 1 150px', minWidth: 150, padding: 8, borderRadius: 6,
        border: `1px solid ${divergent ? '#ff7875' : 'rgba(0,0,0,0.1)'}`, background: divergent ? '#fff2f0' : 'rgba(0,0,0,0.02)',
      }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{label}</Typography.Text>
      <div style={{ fontWeight: 600, whiteSpace: wide ? 'pre-wrap' : undefined }}>{value}</div>
      {note && <Typography.Text style={{ fontSize: 13 }}>{note}</Typography.Text>}
      {extra}
    </div>
  );
}

export { FinalPage as Component };
