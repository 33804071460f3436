import { Descriptions, Tag } from 'antd';
import { Card } from '@/components/card';
import { Link, useParams } from 'react-router';
import { paths } from '@/lib/paths';
import { DataTable } from '@/components/data-table';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { useBlockYears, type BlockYearSummary } from '@/api/block-years';
import { useT, type SharedKey } from '@/i18n/i18n';
import { useBlock } from '@/api/blocks';
import { blockStrings } from './i18n';

export function BlockPage() {
  const { id = '' } = useParams();
  const t = useT(blockStrings);
  const block = useBlock(id);
  const years = useBlockYears({ blockId: id });
  return (
    <QueryState query={block}>
      {(b) => (
        <>
          <PageHeader title={b.name} subtitle={`${t(`kind.${b.kind}` as SharedKey)} · ${b.code}`} />
          <Card style={{ marginBottom: 16 }}>
            <Descriptions column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label={t('code')}>{b.code}</Descriptions.Item>
              <Descriptions.Item label={t('state')}>{b.archivedAt ? <Tag>{t('common.archived')}</Tag> : <Tag color="green">{t('common.active')}</Tag>}</Descriptions.Item>
              <Descriptions.Item label={t('description')} span={2}>{b.description}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Card title={t('years')}>
            <DataTable<BlockYearSummary>
              rowKey="id"
              loading={years.isPending}
              dataSource={years.data}
              pagination={false}
              columns={[
                { title: 'Năm', dataIndex: 'year', render: (y: number, r) => <Link to={paths.blockYear.getHref(r.id)}>{y}</Link> },
                { title: 'Trạng thái', dataIndex: 'status', render: (s: string) => <Tag>{t(`status.${s}` as SharedKey)}</Tag> },
                { title: t('seat.leader'), dataIndex: 'leaderUnitName' },
                { title: t('seat.deputy'), dataIndex: 'deputyUnitName' },
                { title: t('members'), dataIndex: 'memberCount', align: 'right' },
              ]}
            />
          </Card>
        </>
      )}
    </QueryState>
  );
}

export { BlockPage as Component };
