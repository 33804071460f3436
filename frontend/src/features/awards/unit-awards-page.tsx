import { Empty, Flex } from 'antd';
import { Card } from '@/components/card';
import { useParams } from 'react-router';
import { DataTable } from '@/components/data-table';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { useUnit } from '@/api/units';
import { useT } from '@/i18n/i18n';
import { formatDate } from '@/lib/format';
import { useDisciplineFlags, useUnitAwards, useUnitTitles, type AwardRecord, type DisciplineFlag, type UnitTitle } from './api/awards';
import { historyColumns } from './history-columns';
import { awardStrings } from './i18n';

export function Component() {
  const { id = '' } = useParams();
  const t = useT(awardStrings);
  const unit = useUnit(id);
  const awards = useUnitAwards(id);
  const titles = useUnitTitles({ unitId: id });
  const flags = useDisciplineFlags({ unitId: id });
  const name = unit.data?.name ?? awards.data?.[0]?.unitName;
  const dateCol = { title: t('decisionDate'), dataIndex: 'decisionDate', render: (v: string | null) => (v ? formatDate(v) : '—') };

  return (
    <>
      <PageHeader title={t('unitAwardsTitle')} subtitle={name} />
      <Flex vertical gap={16}>
        <Card title={t('unitHistory')} size="small">
          <QueryState query={awards}>
            {(rows) => (rows.length ? (
              <DataTable<AwardRecord> rowKey="id" size="small" pagination={false} dataSource={rows} columns={historyColumns(t, false)} scroll={{ x: 800 }} />
            ) : <Empty description={t('noAwards')} />)}
          </QueryState>
        </Card>
        <Card title={t('unitTitles')} size="small">
          <QueryState query={titles}>
            {(rows) => (rows.length ? (
              <DataTable<UnitTitle> rowKey="id" size="small" pagination={false} dataSource={rows}
                columns={[{ title: t('year'), dataIndex: 'year', width: 70 }, { title: t('title'), dataIndex: 'title' }, { title: t('decisionNumber'), dataIndex: 'decisionNumber', render: (v: string) => v || '—' }, dateCol]} />
            ) : <Empty description={t('noTitles')} />)}
          </QueryState>
        </Card>
        <Card title={t('unitFlags')} size="small">
          <QueryState query={flags}>
            {(rows) => (rows.length ? (
              <DataTable<DisciplineFlag> rowKey="id" size="small" pagination={false} dataSource={rows}
                columns={[{ title: t('year'), dataIndex: 'year', width: 70 }, { title: t('flagReason'), dataIndex: 'reason' }, { title: t('decisionNumber'), dataIndex: 'decisionNumber', render: (v: string) => v || '—' }, dateCol]} />
            ) : <Empty description={t('noFlags')} />)}
          </QueryState>
        </Card>
      </Flex>
    </>
  );
}
