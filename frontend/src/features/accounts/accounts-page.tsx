import { Button, Checkbox, Input, Select, Space, Tag } from 'antd';
import { useFeedback } from '@/components/feedback';
import { useState } from 'react';
import { ArchiveToggle } from '@/components/archive-toggle';
import { DataTable, PAGE_SIZES } from '@/components/data-table';
import { PageHeader } from '@/components/page-header';
import { useMe } from '@/api/me';
import { useUnitOptions } from '@/api/units';
import { useT, type SharedKey } from '@/i18n/i18n';
import { sortByVi } from '@/lib/format';
import { useAccounts, useArchiveAccount, type Account, type AccountQuery, type Role } from '@/api/accounts';
import { accountStrings } from './i18n';
import { searchBy } from '@/lib/search';
import { Typography } from '@/components/typography';
import { lazyDialog } from '@/components/lazy-dialog';

const AccountForm = lazyDialog(() => import('./account-form').then((m) => m.AccountForm), (p) => p.open);
const ResetPasswordModal = lazyDialog(() => import('./reset-password-modal').then((m) => m.ResetPasswordModal), (p) => !!p.account);

const ROLES: Role[] = ['admin', 'board', 'officer', 'unit_head'];
const ROLE_COLORS: Record<Role, string> = { admin: 'magenta', board: 'volcano', officer: 'blue', unit_head: 'geekblue' };

/**
 * Accounts. The board and admins manage them (the board never touches administrators); a unit's
 * officers and head see their own unit's accounts, read-only.
 */
export function AccountsPage() {
  const t = useT(accountStrings);
  const { message } = useFeedback();
  const me = useMe();
  const canManage = !!me.data?.permissions.manageAccounts;
  const [query, setQuery] = useState<Required<Pick<AccountQuery, 'page' | 'pageSize' | 'q' | 'includeArchived'>> & Pick<AccountQuery, 'role' | 'unitId'>>({ page: 1, pageSize: 20, q: '', includeArchived: false });
  const accounts = useAccounts({ ...query, q: query.q || undefined }, !!me.data);
  const units = useUnitOptions(canManage);
  const archive = useArchiveAccount();
  const [editing, setEditing] = useState<{ account?: Account } | null>(null);
  const [resetting, setResetting] = useState<Account | undefined>();

  // The server says per account who may act on it (the board never on administrators); nobody archives themself.
  const mayManage = (a: Account) => a.canManage;
  const setArchived = (a: Account, archived: boolean, reason?: string) =>
    archive.mutate({ id: a.id, archived, reason }, { onSuccess: () => message.success(archived ? t('archivedOk') : t('restoredOk')), onError: (e) => message.error(e.message) });

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={canManage ? t('subtitleBoard') : `${t('subtitleUnit')}${me.data?.unitName ? ` · ${me.data.unitName}` : ''}`}
        extra={canManage && <Button type="primary" onClick={() => setEditing({})}>{t('create')}</Button>}
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search placeholder={t('searchPlaceholder')} aria-label={t('searchPlaceholder')} allowClear onSearch={(q) => setQuery({ ...query, q, page: 1 })} style={{ width: 280 }} />
        <Select aria-label={t('filterRole')} placeholder={t('allRoles')} allowClear style={{ width: 220 }} value={query.role}
          options={ROLES.map((r) => ({ value: r, label: t(`role.${r}` as SharedKey) }))} onChange={(role?: Role) => setQuery({ ...query, role, page: 1 })} />
        {canManage && (
          <Select aria-label={t('filterUnit')} placeholder={t('allUnits')} allowClear showSearch={searchBy()} style={{ width: 320 }} value={query.unitId}
            loading={units.isPending} options={sortByVi(units.data?.items ?? [], (u) => u.name).map((u) => ({ value: u.id, label: u.name }))}
            onChange={(unitId?: string) => setQuery({ ...query, unitId, page: 1 })} />
        )}
        <Checkbox checked={query.includeArchived} onChange={(e) => setQuery({ ...query, includeArchived: e.target.checked, page: 1 })}>{t('showArchived')}</Checkbox>
      </Space>
      <DataTable<Account>
        rowKey="id"
        loading={accounts.isFetching}
        dataSource={accounts.data?.items}
        locale={{ emptyText: accounts.isError ? accounts.error.message : t('common.empty') }}
        scroll={{ x: 900 }}
        pagination={{ current: query.page, pageSize: query.pageSize, pageSizeOptions: PAGE_SIZES, total: accounts.data?.total, showTotal: (n) => t('common.total', { n }), onChange: (page, pageSize) => setQuery({ ...query, page, pageSize }) }}
        columns={[
          {
            title: t('fullName'), dataIndex: 'fullName', width: 260,
            render: (name: string, a) => (
              <Space orientation="vertical" size={0}>
                <span><Typography.Text strong>{name}</Typography.Text>{a.id === me.data?.id && <Tag style={{ marginInlineStart: 8 }}>{t('you')}</Tag>}</span>
                <Typography.Text type="secondary">{a.email}</Typography.Text>
              </Space>
            ),
          },
          { title: t('role'), dataIndex: 'role', width: 210, render: (r: Role) => <Tag color={ROLE_COLORS[r]}>{t(`role.${r}` as SharedKey)}</Tag> },
          { title: t('unit'), dataIndex: 'unitName', render: (u: string | null) => u ?? <Typography.Text type="secondary">—</Typography.Text> },
          { title: t('jobTitle'), dataIndex: 'title', width: 160 },
          {
            title: t('state'), key: 'state', width: 220,
            render: (_, a) => (
              <Space orientation="vertical" size={4}>
                {a.archivedAt ? <Tag>{t('common.archived')}</Tag> : <Tag color="green">{t('common.active')}</Tag>}
              </Space>
            ),
          },
          ...(canManage ? [{
            title: '', key: 'actions', width: 290,
            render: (_: unknown, a: Account) => mayManage(a) && (
              <Space wrap>
                {!a.archivedAt && <Button size="small" aria-label={`${t('action.edit')}: ${a.fullName}`} onClick={() => setEditing({ account: a })}>{t('action.edit')}</Button>}
                {!a.archivedAt && <Button size="small" aria-label={`${t('resetPassword')}: ${a.fullName}`} onClick={() => setResetting(a)}>{t('resetPassword')}</Button>}
                {a.id !== me.data?.id && (
                  <ArchiveToggle archived={!!a.archivedAt} name={a.fullName} confirmTitle={t('archiveConfirm')} confirmBody={t('archiveConfirmBody')} reasonPlaceholder={t('reasonPlaceholder')}
                    loading={archive.isPending && archive.variables?.id === a.id} onArchive={(reason) => setArchived(a, true, reason)} onRestore={() => setArchived(a, false)} />
                )}
              </Space>
            ),
          }] : []),
        ]}
      />
      {canManage && <AccountForm open={!!editing} account={editing?.account} onClose={() => setEditing(null)} />}
      {canManage && <ResetPasswordModal account={resetting} onClose={() => setResetting(undefined)} />}
    </>
  );
}

export { AccountsPage as Component };
