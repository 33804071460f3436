import { Button, Select, Space, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { lazyDialog } from '@/components/lazy-dialog';
import { paths } from '@/lib/paths';
import { DataTable } from '@/components/data-table';
import { PageHeader } from '@/components/page-header';
import { useMe } from '@/api/me';
import { useT, type SharedKey } from '@/i18n/i18n';
import { sortByVi } from '@/lib/format';
import { useBlockYears, type BlockYearSummary } from '@/api/block-years';
import { blockYearStrings } from './i18n';
import { STATUS_COLORS } from './status';
import { searchBy } from '@/lib/search';

// Dialogs load when first opened.
const BlockYearSetupModal = lazyDialog(() => import('./block-year-setup-modal').then((m) => m.BlockYearSetupModal), (p) => p.open);

/** Block years: filter by block and year; the board and admins set up a new one. */
export function BlockYearsPage() {
  const t = useT(blockYearStrings);
  const me = useMe();
  const canManage = !!me.data?.permissions.manageBlockYears;
  const [filter, setFilter] = useState<{ blockId?: string; year?: number }>({});
  const [setupOpen, setSetupOpen] = useState(false);
  const all = useBlockYears();
  const years = useBlockYears(filter);

  // Filters offer only the blocks and years that exist in the user's scope.
  const { blockOptions, yearOptions } = useMemo(() => {
    const list = all.data ?? [];
    const blocks = new Map(list.map((y) => [y.blockId, y.blockName]));
    return {
      blockOptions: sortByVi([...blocks].map(([value, label]) => ({ value, label })), (o) => o.label),
      yearOptions: [...new Set(list.map((y) => y.year))].sort((a, b) => b - a).map((y) => ({ value: y, label: String(y) })),
    };
  }, [all.data]);
  const seatOf = (id: string) => me.data?.seats.find((s) => s.blockYearId === id)?.seat;

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={canManage ? t('subtitleBoard') : t('subtitleUnit')}
        extra={canManage && <Button type="primary" onClick={() => setSetupOpen(true)}>{t('setup')}</Button>}
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Select aria-label={t('filterBlock')} placeholder={t('allBlocks')} allowClear showSearch={searchBy()} style={{ width: 280 }}
          options={blockOptions} value={filter.blockId} onChange={(blockId?: string) => setFilter({ ...filter, blockId })} />
        <Select aria-label={t('filterYear')} placeholder={t('allYears')} allowClear style={{ width: 160 }}
          options={yearOptions} value={filter.year} onChange={(year?: number) => setFilter({ ...filter, year })} />
      </Space>
      <DataTable<BlockYearSummary>
        rowKey="id"
        loading={years.isFetching}
        dataSource={years.data}
        locale={{ emptyText: years.isError ? years.error.message : t('common.empty') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => t('common.total', { n }) }}
        scroll={{ x: 900 }}
        columns={[
          {
            title: t('block'), dataIndex: 'blockName',
            render: (name: string, y) => (
              <Space wrap size={4}>
                <Link to={paths.blockYear.getHref(y.id)}>{name} – {t('year').toLowerCase()} {y.year}</Link>
                {seatOf(y.id) && <Tag color="gold">{t('yourSeatShort', { seat: t(`seat.${seatOf(y.id)}` as SharedKey) })}</Tag>}
              </Space>
            ),
          },
          { title: t('year'), dataIndex: 'year', width: 90 },
          { title: t('status'), dataIndex: 'status', width: 170, render: (s: BlockYearSummary['status']) => <Tag color={STATUS_COLORS[s]}>{t(`status.${s}` as SharedKey)}</Tag> },
          { title: t('leader'), dataIndex: 'leaderUnitName', render: (n: string | null) => n ?? t('none') },
          { title: t('deputy'), dataIndex: 'deputyUnitName', render: (n: string | null) => n ?? t('none') },
          { title: t('memberCount'), dataIndex: 'memberCount', width: 110, align: 'right' },
        ]}
      />
      {canManage && <BlockYearSetupModal open={setupOpen} onClose={() => setSetupOpen(false)} initialBlockId={filter.blockId} />}
    </>
  );
}

export { BlockYearsPage as Component };
