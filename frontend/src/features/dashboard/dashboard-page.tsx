import { Card, Col, Empty, Flex, Row, Statistic, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { paths } from '@/app/paths';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { useMe } from '@/features/auth/api/me';
import { useBlockYears } from '@/features/block-years/api/block-years';
import { UpcomingConferences } from '@/features/conferences/upcoming-conferences';
import { TasksCard } from '@/features/tasks/tasks-card';
import { useT, type SharedKey } from '@/i18n/i18n';

/** Home: the board sees every block's year at a glance; a unit sees its block, year and seat. */
export function DashboardPage() {
  const t = useT();
  const me = useMe();
  const years = useBlockYears();
  const cityWide = me.data?.role === 'admin' || me.data?.role === 'board';
  const seatFor = (id: string) => me.data?.seats.find((s) => s.blockYearId === id)?.seat;
  return (
    <>
      <PageHeader title={`Xin chào, ${me.data?.fullName ?? ''}`} subtitle={me.data?.unitName ?? t(`role.${me.data?.role ?? 'board'}` as SharedKey)} />
      <TasksCard />
      <QueryState query={years}>
        {(list) => {
          const currentYear = Math.max(...list.map((y) => y.year), 0);
          const current = list.filter((y) => y.year === currentYear);
          return (
            <>
              {cityWide && (
                <Row gutter={16} style={{ marginBottom: 16 }}>
                  <Col xs={12} md={6}><Card><Statistic title={`Khối, cụm năm ${currentYear || ''}`} value={current.length} /></Card></Col>
                  <Col xs={12} md={6}><Card><Statistic title="Đơn vị tham gia" value={current.reduce((s, y) => s + y.memberCount, 0)} /></Card></Col>
                </Row>
              )}
              <div style={{ marginBottom: 16 }}><UpcomingConferences /></div>
              <Card title={cityWide ? 'Các khối, cụm thi đua' : 'Khối thi đua của đơn vị'}>
                {list.length === 0 ? <Empty description="Đơn vị chưa thuộc khối thi đua nào." /> : (
                  <Flex vertical gap={12} role="list">
                    {list.map((y) => (
                      <div key={y.id} role="listitem" style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 12 }}>
                        <Link to={paths.blockYear.getHref(y.id)} style={{ fontWeight: 600 }}>{y.blockName} – năm {y.year}</Link>
                        <div style={{ marginTop: 4 }}>
                          <Tag>{t(`status.${y.status}` as SharedKey)}</Tag>
                          {seatFor(y.id) && <Tag color="gold">Đơn vị là {t(`seat.${seatFor(y.id)}` as SharedKey)}</Tag>}
                          <Typography.Text type="secondary">{t('seat.leader')}: {y.leaderUnitName ?? '—'} · {y.memberCount} đơn vị</Typography.Text>
                        </div>
                      </div>
                    ))}
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
