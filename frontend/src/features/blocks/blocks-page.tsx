import { Button, Checkbox, Input, Popconfirm, Space, Tag } from 'antd';
import { useFeedback } from '@/components/feedback';
import { useState } from 'react';
import { Link } from 'react-router';
import { paths } from '@/lib/paths';
import { DataTable, PAGE_SIZES } from '@/components/data-table';
import { PageHeader } from '@/components/page-header';
import { useMe } from '@/api/me';
import { useT, type SharedKey } from '@/i18n/i18n';
import { useArchiveBlock, useBlocks, type Block } from '@/api/blocks';
import { blockStrings } from './i18n';
import { lazyDialog } from '@/components/lazy-dialog';

const BlockForm = lazyDialog(() => import('./block-form').then((m) => m.BlockForm), (p) => p.open);

export function BlocksPage() {
  const t = useT(blockStrings);
  const { message } = useFeedback();
  const me = useMe();
  const canManage = !!me.data?.permissions.manageBlocks;
  const [query, setQuery] = useState({ page: 1, pageSize: 20, q: '', includeArchived: false });
  const blocks = useBlocks({ ...query, q: query.q || undefined });
  const archive = useArchiveBlock();
  const [editing, setEditing] = useState<Block | undefined>();
  const [formOpen, setFormOpen] = useState(false);

  return (
    <>
      <PageHeader title={t('title')} extra={canManage && <Button type="primary" onClick={() => { setEditing(undefined); setFormOpen(true); }}>{t('create')}</Button>} />
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search placeholder={t('searchPlaceholder')} allowClear onSearch={(q) => setQuery({ ...query, q, page: 1 })} style={{ width: 280 }} aria-label={t('searchPlaceholder')} />
        <Checkbox checked={query.includeArchived} onChange={(e) => setQuery({ ...query, includeArchived: e.target.checked, page: 1 })}>{t('showArchived')}</Checkbox>
      </Space>
      <DataTable<Block>
        rowKey="id"
        loading={blocks.isFetching}
        dataSource={blocks.data?.items}
        locale={{ emptyText: blocks.isError ? blocks.error.message : t('common.empty') }}
        pagination={{ current: query.page, pageSize: query.pageSize, pageSizeOptions: PAGE_SIZES, total: blocks.data?.total, showTotal: (n) => t('common.total', { n }), onChange: (page, pageSize) => setQuery({ ...query, page, pageSize }) }}
        columns={[
          { title: t('code'), dataIndex: 'code', width: 100 },
          { title: t('name'), dataIndex: 'name', render: (name: string, b) => <Link to={paths.block.getHref(b.id)}>{name}</Link> },
          { title: t('kind'), dataIndex: 'kind', width: 130, render: (k: string) => t(`kind.${k}` as SharedKey) },
          { title: t('latestYear'), dataIndex: 'latestYear', width: 120 },
          { title: t('members'), dataIndex: 'memberCount', width: 100, align: 'right' },
          { title: t('leader'), dataIndex: 'leaderUnitName' },
          { title: t('state'), key: 'state', width: 130, render: (_, b) => (b.archivedAt ? <Tag>{t('common.archived')}</Tag> : <Tag color="green">{t('common.active')}</Tag>) },
          ...(canManage ? [{
            title: '', key: 'actions', width: 170,
            render: (_: unknown, b: Block) => (
              <Space>
                {!b.archivedAt && <Button size="small" onClick={() => { setEditing(b); setFormOpen(true); }}>{t('action.edit')}</Button>}
                {b.archivedAt
                  ? <Button size="small" onClick={() => archive.mutate({ id: b.id, archived: false }, { onSuccess: () => message.success(t('restoredOk')), onError: (e) => message.error(e.message) })}>{t('action.restore')}</Button>
                  : <Popconfirm title={t('archiveConfirm')} okText={t('action.archive')} cancelText={t('action.cancel')} onConfirm={() => archive.mutate({ id: b.id, archived: true }, { onSuccess: () => message.success(t('archivedOk')), onError: (e) => message.error(e.message) })}>
                      <Button size="small" danger>{t('action.archive')}</Button>
                    </Popconfirm>}
              </Space>
            ),
          }] : []),
        ]}
      />
      <BlockForm open={formOpen} block={editing} onClose={() => setFormOpen(false)} />
    </>
  );
}

export { BlocksPage as Component };
