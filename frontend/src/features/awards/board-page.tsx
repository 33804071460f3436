import { Button, Col, Empty, Flex, Input, Progress, Radio, Row, Select, Space, Tag } from 'antd';
import { useFeedback } from '@/components/feedback';
import { Card } from '@/components/card';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { DataTable } from '@/components/data-table';
import { ApiError } from '@/api/client';
import { paths } from '@/lib/paths';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { useT } from '@/i18n/i18n';
import { formatDate, formatNumber } from '@/lib/format';
import { exportBoardOverview, useBoardOverview, useDefaultYear, type BoardOverview, type OverviewBlockYear, type OverviewPage, type OverviewSort } from './api/awards';
import { awardStrings, type AwardStringKey } from './i18n';
import { YearSelect } from './labels';
import { Typography } from '@/components/typography';

const COLORS = ['#cf1322', '#d48806', '#1677ff', '#389e0d', '#722ed1', '#08979c', '#c41d7f'];
const STEPS = 8; // docs/domain.md §3: setup … decided (stepIndex 0–7)
const PAGE_SIZE = 20;
const SORTS: OverviewSort[] = ['name', 'step', 'lateness'];
type Filter = Omit<OverviewPage, 'pageSize'>;

/** The city's figures above the table (the whole year under the search, whatever the other filters). */
function CityFigures({ data }: { data: BoardOverview }) {
  const t = useT(awardStrings);
  const a = data.aggregates;
  const figures: [string, number, 'danger' | undefined][] = [
    [t('figBlocks'), a.blocks, undefined], [t('figMembers'), a.members, undefined], [t('figLate'), a.late, a.late > 0 ? 'danger' : undefined],
    [t('figRanked'), a.ranked, undefined], [t('figSubmitted'), a.proposalsSubmitted, undefined],
  ];
  return (
    <Flex wrap gap={16} role="list" aria-label={t('cityFigures')}>
      {figures.map(([label, n, tone]) => (
        <Flex vertical key={label} role="listitem" aria-label={`${label}: ${formatNumber(n)}`} style={{ minWidth: 140, flex: '1 1 140px' }}>
          <Typography.Text strong type={tone} style={{ fontSize: 22 }}>{formatNumber(n)}</Typography.Text>
          <Typography.Text type="secondary">{label}</Typography.Text>
        </Flex>
      ))}
      {a.late > 0 && (
        <Flex vertical gap={2} style={{ flex: '1 1 100%' }}>
          {a.lateByReason.filter((r) => r.count > 0).map((r) => <Typography.Text key={r.reason} type="danger">{`${r.label}: ${formatNumber(r.count)}`}</Typography.Text>)}
        </Flex>
      )}
    </Flex>
  );
}

/** Awards per year per code as grouped bars, plain SVG. */
export function AwardsChart({ data }: { data: BoardOverview }) {
  const t = useT(awardStrings);
  const names = new Map(data.awards.map((a) => [a.code, a.name]));
  const codes = [...new Set([...data.awards.map((a) => a.code), ...data.byYear.flatMap((y) => Object.keys(y.counts))])];
  const max = Math.max(0, ...data.byYear.flatMap((y) => Object.values(y.counts)));
  if (!data.byYear.length || max === 0) return <Empty description={t('chartEmpty')} />;
  const barW = 18;
  const groupW = codes.length * barW + 24;
  const h = 160;
  const top = 16;
  const width = Math.max(320, data.byYear.length * groupW + 40);
  const scale = (n: number) => (n / max) * (h - top);
  return (
    <div>
      <svg role="img" aria-label={t('chartTitle')} width="100%" viewBox={`0 0 ${width} ${h + 24}`} style={{ maxWidth: width }}>
        <line x1={30} x2={width} y1={h} y2={h} stroke="#d9d9d9" />
        {data.byYear.map((y, gi) => {
          const x0 = 40 + gi * groupW;
          return (
            <g key={y.year}>
              {codes.map((c, ci) => {
                const n = y.counts[c] ?? 0;
                const bh = scale(n);
                return (
                  <g key={c}>
                    <rect x={x0 + ci * barW} y={h - bh} width={barW - 4} height={bh} fill={COLORS[ci % COLORS.length]}>
                      <title>{`${names.get(c) ?? c} ${y.year}: ${n}`}</title>
                    </rect>
                    {n > 0 && <text x={x0 + ci * barW + (barW - 4) / 2} y={h - bh - 3} fontSize={10} textAnchor="middle">{n}</text>}
                  </g>
                );
              })}
              <text x={x0 + (codes.length * barW) / 2} y={h + 16} fontSize={12} textAnchor="middle">{y.year}</text>
            </g>
          );
        })}
      </svg>
      <Flex gap={12} wrap style={{ marginTop: 8 }}>
        {codes.map((c, i) => (
          <Space key={c} size={4}>
            <span style={{ display: 'inline-block', width: 10, height: 10, background: COLORS[i % COLORS.length] }} />
            <Typography.Text type="secondary">{names.get(c) ?? c}</Typography.Text>
          </Space>
        ))}
      </Flex>
    </div>
  );
}

function CityQuota({ data }: { data: BoardOverview }) {
  const t = useT(awardStrings);
  return (
    <Flex vertical gap={12}>
      {data.awards.map((a) => (
        <div key={a.code}>
          <Flex justify="space-between" gap={8}>
            <Typography.Text>{a.name}</Typography.Text>
            <Typography.Text type="secondary">
              {a.cityQuota === null ? t('quotaNone', { awarded: a.awarded }) : t('quotaUse', { awarded: a.awarded, quota: a.cityQuota })}
            </Typography.Text>
          </Flex>
          {a.cityQuota !== null && (
            <Progress percent={a.cityQuota ? Math.round((a.awarded / a.cityQuota) * 100) : 100} showInfo={false} status={a.cityQuota && a.awarded > a.cityQuota ? 'exception' : 'normal'}
              aria-label={`${a.name}: ${t('quotaUse', { awarded: a.awarded, quota: a.cityQuota })}`} />
          )}
        </div>
      ))}
    </Flex>
  );
}

function BlocksTable({ data, onPage }: { data: BoardOverview; onPage: (page: number) => void }) {
  const t = useT(awardStrings);
  const names = new Map(data.awards.map((a) => [a.code, a.name]));
  return (
    <DataTable<OverviewBlockYear>
      rowKey="blockYearId" size="small" dataSource={data.blockYears} scroll={{ x: 1200 }}
      pagination={data.total > PAGE_SIZE ? { current: data.page, pageSize: PAGE_SIZE, total: data.total, onChange: onPage } : false}
      columns={[
        {
          title: t('block'), key: 'block', fixed: 'left', width: 170,
          render: (_, b) => (
            <Flex vertical>
              <Link to={paths.blockYear.getHref(b.blockYearId)}>{b.blockName}</Link>
              <Typography.Text type="secondary">{b.blockCode} · {b.members} đơn vị</Typography.Text>
            </Flex>
          ),
        },
        { title: t('leaderUnit'), dataIndex: 'leaderUnitName', width: 140, render: (v: string | null) => v ?? '—' },
        {
          title: t('step'), key: 'step', width: 150,
          render: (_, b) => (
            <Flex vertical gap={4}>
              <Tag color={b.stepIndex >= STEPS - 1 ? 'green' : 'blue'} style={{ whiteSpace: 'normal' }}>{b.stepLabel}</Tag>
              <Progress percent={Math.round((b.stepIndex / (STEPS - 1)) * 100)} size="small" showInfo={false} aria-label={`${b.stepIndex}/${STEPS - 1}`} />
              {b.lateness.late && (
                <>
                  <Tag color="red" style={{ whiteSpace: 'normal' }}>{b.lateness.daysLate > 0 ? t('lateDays', { n: b.lateness.daysLate }) : t('lateToday')}</Tag>
                  {b.lateness.labels.map((l) => <Typography.Text key={l} type="danger">{l}</Typography.Text>)}
                </>
              )}
            </Flex>
          ),
        },
        {
          title: t('covenant'), key: 'covenant', width: 120,
          render: (_, b) => (b.covenant ? (
            <Flex vertical>
              <Link to={paths.covenant.getHref(b.blockYearId)}>{t(`covenant.${b.covenant.status}` as AwardStringKey)}</Link>
              <Typography.Text type="secondary">{t('signedCount', { n: b.covenant.signed })}</Typography.Text>
            </Flex>
          ) : <Typography.Text type="secondary">{t('noCovenant')}</Typography.Text>),
        },
        {
          title: t('rounds'), key: 'rounds', width: 150,
          render: (_, b) => (b.rounds.length ? (
            <Flex vertical>
              {b.rounds.map((r) => (
                <span key={r.id}><Link to={paths.round.getHref(r.id)} style={{ textDecoration: 'underline' }}>{t(`round.${r.kind}` as AwardStringKey)}</Link>: {r.phaseLabel}</span>
              ))}
            </Flex>
          ) : <Typography.Text type="secondary">{t('noRounds')}</Typography.Text>),
        },
        {
          title: t('yearEnd'), key: 'yearEnd', width: 100,
          render: (_, b) => (b.yearEndFinalised ? <Tag color="green">{t('finalised')}</Tag> : <Tag>{t('notFinalised')}</Tag>),
        },
        {
          title: t('dossier'), key: 'dossier', width: 150,
          render: (_, b) => {
            if (!b.proposal) return <Typography.Text type="secondary">{t('noDossier')}</Typography.Text>;
            return (
              <Flex vertical>
                <Link to={paths.proposal.getHref(b.proposal.id)}>{b.proposal.statusLabel}</Link>
                {b.proposal.submittedAt && <Typography.Text type="secondary">{t('submittedAt', { date: formatDate(b.proposal.submittedAt) })}</Typography.Text>}
                {b.proposal.dueAt && <Typography.Text type="warning">{t('dueAt', { date: formatDate(b.proposal.dueAt) })}</Typography.Text>}
              </Flex>
            );
          },
        },
        {
          title: t('top3'), key: 'top3', width: 190,
          render: (_, b) => (b.top3.length ? (
            <Flex vertical>
              <ol style={{ margin: 0, paddingLeft: 18 }}>
                {b.top3.map((r) => <li key={r.unitId} value={r.rank}>{r.unitName} ({formatNumber(r.total)})</li>)}
              </ol>
              <Typography.Text type="secondary">{t('rankedOf', { n: b.rankedUnits })}</Typography.Text>
            </Flex>
          ) : '—'),
        },
        {
          title: t('decisions'), key: 'decisions', width: 150,
          render: (_, b) => (b.decisionsTotal ? (
            <Flex vertical>
              {Object.entries(b.decisions).filter(([, n]) => n > 0).map(([code, n]) => <span key={code}>{names.get(code) ?? code}: {n}</span>)}
            </Flex>
          ) : '—'),
        },
      ]}
    />
  );
}

export function Component() {
  const t = useT(awardStrings);
  const { message } = useFeedback();
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get('year')) || undefined;
  const fallback = useDefaultYear(!asked);
  const year = asked ?? fallback;
  const [filter, setFilter] = useState<Filter>({ page: 1 });
  const query = useBoardOverview(year, { ...filter, pageSize: PAGE_SIZE });
  const [exporting, setExporting] = useState(false);

  const doExport = async () => {
    if (year === undefined) return;
    setExporting(true);
    try {
      await exportBoardOverview(year);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : t('exportFailed'));
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t('boardTitle')}
        subtitle={year !== undefined ? t('boardSubtitle', { year }) : undefined}
        extra={(
          <>
            <YearSelect value={year} onChange={(y) => { setFilter((f) => ({ ...f, page: 1 })); setParams(y ? { year: String(y) } : {}); }} />
            <Button loading={exporting} disabled={year === undefined} onClick={doExport}>{t('exportXlsx')}</Button>
          </>
        )}
      />
      <QueryState query={query}>
        {(data) => (
          <Flex vertical gap={16}>
            <Card title={t('cityFigures')} size="small"><CityFigures data={data} /></Card>
            <Card title={t('blocksTable')} size="small">
              <Flex vertical gap={8} style={{ marginBottom: 8 }}>
                <Input.Search
                  allowClear aria-label={t('searchBlocks')} placeholder={t('searchBlocksHint')} style={{ maxWidth: 420 }}
                  onSearch={(value) => setFilter((f) => ({ ...f, page: 1, q: value.trim() || undefined }))}
                />
                <Flex wrap gap={4} role="group" aria-label={t('stepFilter')}>
                  <Tag.CheckableTag checked={!filter.step} onChange={() => setFilter((f) => ({ ...f, page: 1, step: undefined }))}>
                    {t('allSteps', { n: data.stepCounts.reduce((s, c) => s + c.count, 0) })}
                  </Tag.CheckableTag>
                  {data.stepCounts.filter((c) => c.count > 0 || c.step === filter.step).map((c) => (
                    <Tag.CheckableTag key={c.step} checked={filter.step === c.step} onChange={(on) => setFilter((f) => ({ ...f, page: 1, step: on ? c.step : undefined }))}>
                      {t('stepCount', { label: c.label, n: c.count })}
                    </Tag.CheckableTag>
                  ))}
                </Flex>
                <Flex wrap gap={8} align="center">
                  <Radio.Group
                    optionType="button" size="small" aria-label={t('lateFilter')} value={filter.late === undefined ? 'all' : filter.late ? 'late' : 'on_time'}
                    onChange={(e) => setFilter((f) => ({ ...f, page: 1, late: e.target.value === 'all' ? undefined : e.target.value === 'late' }))}
                    options={[
                      { value: 'all', label: t('lateAll') },
                      { value: 'late', label: t('lateOnly', { n: data.aggregates.late }) },
                      { value: 'on_time', label: t('onTimeOnly', { n: data.aggregates.blocks - data.aggregates.late }) },
                    ]}
                  />
                  <Select<OverviewSort>
                    size="small" aria-label={t('sortBy')} value={filter.sort ?? 'name'} style={{ minWidth: 220, maxWidth: '100%' }}
                    onChange={(sort) => setFilter((f) => ({ ...f, page: 1, sort }))}
                    options={SORTS.map((v) => ({ value: v, label: t(`sort.${v}` as AwardStringKey) }))}
                  />
                </Flex>
              </Flex>
              <BlocksTable data={data} onPage={(page) => setFilter((f) => ({ ...f, page }))} />
            </Card>
            <Row gutter={[16, 16]}>
              <Col xs={24} lg={14}>
                <Card title={t('chartTitle')} size="small"><AwardsChart data={data} /></Card>
              </Col>
              {data.awards.length > 0 && (
                <Col xs={24} lg={10}>
                  <Card title={t('quotaTitle', { year: data.year })} size="small"><CityQuota data={data} /></Card>
                </Col>
              )}
            </Row>
          </Flex>
        )}
      </QueryState>
    </>
  );
}
