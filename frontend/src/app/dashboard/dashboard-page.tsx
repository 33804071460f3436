import { Button, Col, Empty, Flex, Input, Row, Statistic, Tag } from 'antd';
import { Card } from '@/components/card';
import { useState } from 'react';
import { Link } from 'react-router';
import { paths } from '@/lib/paths';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { useMe } from '@/api/me';
import { useBlockYearPage } from '@/api/block-years';
import { UpcomingConferences } from '@/features/conferences/upcoming-conferences';
import { TasksCard } from '@/features/tasks/tasks-card';
import { useT, type SharedKey } from '@/i18n/i18n';
import { DASHBOARD_PAGE_SIZE as PAGE_SIZE } from './dashboard-query';
import { dashboardStrings } from './i18n';
import { Typography } from '@/components/typography';

/** Home: the board sees the latest year's blocks a page at a time with the city's counts; a unit sees its block, year and seat. */
export function DashboardPage() {
  const t = useT(dashboardStrings);
  const me = useMe();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const years = useBlockYearPage({ q: q || undefined, page, pageSize: PAGE_SIZE });
  const cityWide = !!me.data?.permissions.cityWide;
  const seatFor = (id: string) => me.data?.seats.find((s) => s.blockYearId === id)?.seat;
  return (
    <>
      <PageHeader title={t('greeting', { name: me.data?.fullName ?? '' })} subtitle={me.data?.unitName ?? t(`role.${me.data?.role ?? 'board'}` as SharedKey)} />
      <TasksCard />
      <QueryState query={years}>
        {(result) => {
          const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
          return (
            <>
              {cityWide && (
                <Row gutter={16} style={{ marginBottom: 16 }}>
                  <Col xs={12} md={6}><Card><Statistic title={t('blocksOfYear', { year: result.year ?? '' })} value={result.blockCount} /></Card></Col>
                  <Col xs={12} md={6}><Card><Statistic title={t('members')} value={result.memberCount} /></Card></Col>
                </Row>
              )}
              <div style={{ marginBottom: 16 }}><UpcomingConferences /></div>
              <Card title={cityWide ? t('cityTitle') : t('unitTitle')}>
                {cityWide && (
                  <Input.Search
                    allowClear aria-label={t('searchLabel')} placeholder={t('search')} defaultValue={q} style={{ marginBottom: 12 }}
                    onSearch={(value) => { setQ(value.trim()); setPage(1); }}
                  />
                )}
                {result.items.length === 0 ? <Empty description={q ? t('noMatch', { q }) : t('none')} /> : (
                  <Flex vertical gap={12} role="list" aria-label={cityWide ? t('cityTitle') : t('unitTitle')}>
                    {result.items.map((y) => (
                      <div key={y.id} role="listitem" style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 12 }}>
                        <Link to={paths.blockYear.getHref(y.id)} style={{ fontWeight: 600 }}>{t('yearOf', { name: y.blockName, year: y.year })}</Link>
                        <div style={{ marginTop: 4 }}>
                          <Tag>{t(`status.${y.status}` as SharedKey)}</Tag>
                          {seatFor(y.id) && <Tag color="gold">{t('seat', { seat: t(`seat.${seatFor(y.id)}` as SharedKey) })}</Tag>}
                          <Typography.Text type="secondary">{t('seat.leader')}: {y.leaderUnitName ?? '—'} · {t('units', { n: y.memberCount })}</Typography.Text>
                        </div>
                      </div>
                    ))}
                  </Flex>
                )}
                {pages > 1 && (
                  <Flex gap={8} align="center" justify="center" wrap style={{ marginTop: 12 }}>
                    <Button disabled={page <= 1} onClick={() => setPage(page - 1)}>{t('previous')}</Button>
                    <Typography.Text>{t('pageOf', { page: result.page, pages, total: result.total })}</Typography.Text>
                    <Button disabled={page >= pages} onClick={() => setPage(page + 1)}>{t('next')}</Button>
                  </Flex>
                )}
              </Card>
            </>
          );
        }}
      </QueryState>
    </>
  );
}

export { DashboardPage as Component };
