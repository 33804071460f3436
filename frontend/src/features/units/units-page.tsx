import { Button, Checkbox, Input, Select, Space, Tag } from 'antd';
import { useFeedback } from '@/components/feedback';
import { useState } from 'react';
import { Link } from 'react-router';
import { paths } from '@/lib/paths';
import { ArchiveToggle } from '@/components/archive-toggle';
import { DataTable, PAGE_SIZES } from '@/components/data-table';
import { PageHeader } from '@/components/page-header';
import { useMe } from '@/api/me';
import { useBlocks } from '@/api/blocks';
import { useT } from '@/i18n/i18n';
import { sortByVi } from '@/lib/format';
import { useArchiveUnit, useUnits, type Unit } from '@/api/units';
import { unitStrings } from './i18n';
import { searchBy } from '@/lib/search';
import { Typography } from '@/components/typography';
import { lazyDialog } from '@/components/lazy-dialog';

const UnitForm = lazyDialog(() => import('./unit-form').then((m) => m.UnitForm), (p) => p.open);

/**
 * Units. The board and admins manage every unit; an officer or unit head sees the units of their
 * block and may update only their own unit's contact details.
 */
export function UnitsPage() {
  const t = useT(unitStrings);
  const { message } = useFeedback();
  const me = useMe();
  const canManage = !!me.data?.permissions.manageUnits;
  const ownUnitId = me.data?.unitId ?? null;
  const [query, setQuery] = useState<{ page: number; pageSize: number; q: string; blockId?: string; includeArchived: boolean }>({ page: 1, pageSize: 20, q: '', includeArchived: false });
  const units = useUnits({ ...query, q: query.q || undefined });
  const blocks = useBlocks({ pageSize: 200 });
  const archive = useArchiveUnit();
  const [editing, setEditing] = useState<{ unit?: Unit; contactOnly: boolean } | null>(null);

  const blockOptions = sortByVi(blocks.data?.items ?? [], (b) => b.name).map((b) => ({ value: b.id, label: b.name }));
  const setArchived = (u: Unit, archived: boolean, reason?: string) =>
    archive.mutate({ id: u.id, archived, reason }, { onSuccess: () => message.success(archived ? t('archivedOk') : t('restoredOk')), onError: (e) => message.error(e.message) });

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={canManage ? t('subtitleBoard') : t('subtitleUnit')}
        extra={canManage && <Button type="primary" onClick={() => setEditing({ contactOnly: false })}>{t('create')}</Button>}
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search placeholder={t('searchPlaceholder')} aria-label={t('searchPlaceholder')} allowClear onSearch={(q) => setQuery({ ...query, q, page: 1 })} style={{ width: 300 }} />
        <Select
          aria-label={t('filterBlock')}
          placeholder={t('allBlocks')}
          allowClear
          showSearch={searchBy()}
          style={{ width: 260 }}
          options={blockOptions}
          value={query.blockId}
          loading={blocks.isPending}
          onChange={(blockId?: string) => setQuery({ ...query, blockId, page: 1 })}
        />
        <Checkbox checked={query.includeArchived} onChange={(e) => setQuery({ ...query, includeArchived: e.target.checked, page: 1 })}>{t('showArchived')}</Checkbox>
      </Space>
      <DataTable<Unit>
        rowKey="id"
        loading={units.isFetching}
        dataSource={units.data?.items}
        locale={{ emptyText: units.isError ? units.error.message : t('common.empty') }}
        scroll={{ x: 960 }}
        pagination={{ current: query.page, pageSize: query.pageSize, pageSizeOptions: PAGE_SIZES, total: units.data?.total, showTotal: (n) => t('common.total', { n }), onChange: (page, pageSize) => setQuery({ ...query, page, pageSize }) }}
        columns={[
          {
            title: t('name'), dataIndex: 'name',
            render: (name: string, u) => (
              <Space orientation="vertical" size={0}>
                <Typography.Text strong>{name}</Typography.Text>
                <Typography.Text type="secondary">{u.shortName}{u.parentAgency ? ` · ${u.parentAgency}` : ''}</Typography.Text>
                {u.id === ownUnitId && <Tag color="blue">{t('ownUnit')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('block'), key: 'block', width: 220,
            render: (_, u) => (u.latestMembership
              ? <>{canManage ? <Link to={paths.block.getHref(u.latestMembership.blockId)}>{u.latestMembership.blockName}</Link> : u.latestMembership.blockName} ({u.latestMembership.year})</>
              : <Typography.Text type="secondary">{t('noBlock')}</Typography.Text>),
          },
          {
            title: t('contact'), key: 'contact', width: 300,
            render: (_, u) => (
              <Space orientation="vertical" size={0}>
                {u.address && <span>{u.address}</span>}
                {u.phone && <span>{t('phone')}: {u.phone}</span>}
                {u.email && <span>{t('email')}: <a href={`mailto:${u.email}`}>{u.email}</a></span>}
              </Space>
            ),
          },
          { title: t('state'), key: 'state', width: 140, render: (_, u) => (u.archivedAt ? <Tag>{t('common.archived')}</Tag> : <Tag color="green">{t('common.active')}</Tag>) },
          {
            title: '', key: 'actions', width: 180,
            render: (_, u) => {
              if (canManage) {
                return (
                  <Space>
                    {!u.archivedAt && <Button size="small" aria-label={`${t('action.edit')}: ${u.name}`} onClick={() => setEditing({ unit: u, contactOnly: false })}>{t('action.edit')}</Button>}
                    <ArchiveToggle archived={!!u.archivedAt} name={u.name} confirmTitle={t('archiveConfirm')} confirmBody={t('archiveConfirmBody')} reasonPlaceholder={t('reasonPlaceholder')}
                      loading={archive.isPending && archive.variables?.id === u.id} onArchive={(reason) => setArchived(u, true, reason)} onRestore={() => setArchived(u, false)} />
                  </Space>
                );
              }
              // The server says which unit the user may edit (a unit's own officers: its contact details).
              return u.canUpdate && !u.archivedAt
                ? <Button size="small" onClick={() => setEditing({ unit: u, contactOnly: true })}>{t('editContact')}</Button>
                : null;
            },
          },
        ]}
      />
      <UnitForm open={!!editing} unit={editing?.unit} contactOnly={editing?.contactOnly} onClose={() => setEditing(null)} />
    </>
  );
}

export { UnitsPage as Component };
