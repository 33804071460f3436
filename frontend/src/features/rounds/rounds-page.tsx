import { Button, Empty, Space, Tag } from 'antd';
import { lazyDialog } from '@/components/lazy-dialog';
import { Card } from '@/components/card';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { paths } from '@/lib/paths';
import { DataTable } from '@/components/data-table';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { useBlockYear, useYearRights } from '@/api/block-years';
import { useT, type SharedKey } from '@/i18n/i18n';
import { formatDate, formatDateTime } from '@/lib/format';
import { useRounds, type RoundSummary } from './api/rounds';
import { roundStrings } from './i18n';
import { PHASE_COLORS } from './labels';

// Dialogs load when first opened.
const OpenRoundModal = lazyDialog(() => import('./round-forms').then((m) => m.OpenRoundModal), (p) => p.open);

/**
 * Các đợt chấm điểm of a block year: kind, title, phase and the self-assessment deadline; the leader or
 * deputy seat of the year opens a new round.
 */
export function RoundsPage() {
  const { id: blockYearId = '' } = useParams();
  const t = useT(roundStrings);
  const navigate = useNavigate();
  const year = useBlockYear(blockYearId);
  const rounds = useRounds(blockYearId);
  const [opening, setOpening] = useState(false);
  const canOpen = !!useYearRights(blockYearId).data?.openRound;
  // The seat only names who opens it, in the empty list's text.
  const seat = year.data?.permissions.seat ?? null;
  const items = rounds.data ?? [];
  const allKinds = items.some((r) => r.kind === 'mid_year') && items.some((r) => r.kind === 'year_end');

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={year.data && t('subtitle', { block: year.data.blockName, year: year.data.year })}
        extra={
          <Space size={16}>
            {canOpen && !allKinds && rounds.data && <Button type="primary" onClick={() => setOpening(true)}>{t('open')}</Button>}
            <Link to={paths.blockYear.getHref(blockYearId)}>{t('backToYear')}</Link>
          </Space>
        }
      />
      <QueryState query={year}>
        {(y) => (
          <QueryState query={rounds}>
            {(list) => (
              <Card>
                {list.length === 0 ? (
                  <Empty description={canOpen && seat ? t('noneLeader', { seat: t(`seat.${seat}` as SharedKey) }) : t('none')} />
                ) : (
                  <DataTable<RoundSummary>
                    rowKey="id"
                    pagination={false}
                    dataSource={list}
                    aria-label={t('title')}
                    columns={[
                      { title: t('colKind'), dataIndex: 'kind', width: 170, render: (k: RoundSummary['kind']) => t(`kind.${k}`) },
                      { title: t('colTitle'), dataIndex: 'title', render: (title: string, r) => <Link to={paths.round.getHref(r.id)}>{title}</Link> },
                      { title: t('colPhase'), dataIndex: 'phase', width: 220, render: (p: RoundSummary['phase']) => <Tag color={PHASE_COLORS[p]}>{t(`phase.${p}`)}</Tag> },
                      { title: t('colDeadline'), dataIndex: 'selfAssessmentUntil', width: 150, render: (d: string) => <span title={formatDateTime(d)}>{formatDate(d)}</span> },
                      { title: t('colFinalised'), dataIndex: 'finalisedAt', width: 130, render: (d: string | null) => formatDate(d) },
                    ]}
                  />
                )}
                {canOpen && <OpenRoundModal open={opening} blockYearId={blockYearId} year={y.year} existing={list} onClose={() => setOpening(false)} onOpened={(r) => navigate(paths.round.getHref(r.id))} />}
              </Card>
            )}
          </QueryState>
        )}
      </QueryState>
    </>
  );
}

export { RoundsPage as Component };
