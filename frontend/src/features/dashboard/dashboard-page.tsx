import { Card, Col, List, Row, Statistic, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { paths } from '@/app/paths';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { useMe } from '@/features/auth/api/me';
import { useBlockYears } from '@/features/block-years/api/block-years';
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
              <Card title={cityWide ? 'Các khối, cụm thi đua' : 'Khối thi đua của đơn vị'}>
                <List
                  dataSource={list}
                  locale={{ emptyText: 'Đơn vị chưa thuộc khối thi đua nào.' }}
                  renderItem={(y) => (
                    <List.Item actions={[<Link key="open" to={paths.blockYear.getHref(y.id)}>Mở</Link>]}>
                      <List.Item.Meta
                        title={<Link to={paths.blockYear.getHref(y.id)}>{y.blockName} – năm {y.year}</Link>}
                        description={<>
                          <Tag>{t(`status.${y.status}` as SharedKey)}</Tag>
                          {seatFor(y.id) && <Tag color="gold">Đơn vị là {t(`seat.${seatFor(y.id)}` as SharedKey)}</Tag>}
                          <Typography.Text type="secondary">{t('seat.leader')}: {y.leaderUnitName ?? '—'} · {y.memberCount} đơn vị</Typography.Text>
                        </>}
                      />
                    </List.Item>
                  )}
                />
              </Card>
            </>
          );
        }}
      </QueryState>
    </>
  );
}

export { DashboardPage as Component };
