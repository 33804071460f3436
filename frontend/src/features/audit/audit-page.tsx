import { Alert, Button, Collapse, Descriptions, Select, Space, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { paths } from '@/lib/paths';
import { LazyRangePicker } from '@/components/lazy-date-picker';
import { DataTable, PAGE_SIZES } from '@/components/data-table';
import { PageHeader } from '@/components/page-header';
import { useAccounts } from '@/api/accounts';
import { useBlockYears } from '@/api/block-years';
import { useBlocks } from '@/api/blocks';
import { useUnits } from '@/api/units';
import { useT } from '@/i18n/i18n';
import { DATE_FORMAT, toApiDate } from '@/lib/dates';
import { formatDateTime, formatNumber } from '@/lib/format';
import { useAuditEntries, useLatestCheckpoint, useVerifyAudit, type AuditEntry, type AuditQuery } from './api/audit';
import { AuditEntryDetails } from './audit-entry-details';
import { auditStrings } from './i18n';
import { searchBy } from '@/lib/search';
import { Typography } from '@/components/typography';

type Key = keyof typeof auditStrings.vi;
const codesOf = (prefix: string) => Object.keys(auditStrings.vi).filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
const ENTITY_TYPES = codesOf('entity.');
const ACTIONS = codesOf('action.');
const GROUPS = [...new Set(ACTIONS.map((a) => a.split('.')[0]))];

/** The audit log (board and admins): who, when, what, before → after, why; and the chain check. */
export function AuditPage() {
  const t = useT(auditStrings);
  const [query, setQuery] = useState<AuditQuery & { page: number; pageSize: number }>({ page: 1, pageSize: 20 });
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [actor, setActor] = useState<{ id: string; name: string } | null>(null);
  const entries = useAuditEntries(query);
  const verify = useVerifyAudit();
  const names = useEntityNames();
  const unitName = (id: string) => names.get(`unit:${id}`);

  const set = (patch: Partial<AuditQuery>) => setQuery((q) => ({ ...q, ...patch, page: 1 }));
  const { actionLabel, entityLabel, groupLabel } = useAuditLabels();
  const chooseActor = (a: { id: string; name: string } | null) => {
    setActor(a);
    set({ actorId: a?.id });
  };

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')}
        extra={<Button onClick={() => verify.mutate()} loading={verify.isPending}>{t('verify')}</Button>} />
      {verify.data && (
        verify.data.ok
          ? <Alert type="success" showIcon closable={{ onClose: () => verify.reset() }} style={{ marginBottom: 12 }}
              title={t('verifyOk', { n: formatNumber(verify.data.checked), c: formatNumber(verify.data.checkpoints) })}
              description={verify.data.pending ? t('verifyPending', { n: formatNumber(verify.data.pending) }) : undefined} />
          : <Alert type="error" showIcon closable={{ onClose: () => verify.reset() }} style={{ marginBottom: 12 }} title={t('verifyBroken')}
              description={verify.data.problem && t(`problem.${verify.data.problem}` as Key, { id: verify.data.brokenAtId ?? '?', seq: formatNumber(verify.data.seq) || '?', n: formatNumber(verify.data.treeSize) || '?' })} />
      )}
      {verify.isError && <Alert type="error" showIcon title={verify.error.message} style={{ marginBottom: 12 }} />}

      <LedgerPanel />

      <Space wrap style={{ marginBottom: 12 }}>
        <Select aria-label={t('filterEntity')} placeholder={t('allEntities')} allowClear style={{ width: 200 }} value={query.entityType}
          options={ENTITY_TYPES.map((e) => ({ value: e, label: entityLabel(e) }))} onChange={(entityType?: string) => set({ entityType })} />
        <Select aria-label={t('filterAction')} placeholder={t('allActions')} allowClear showSearch={searchBy()} style={{ width: 260 }} value={query.action}
          options={[
            { label: t('group'), options: GROUPS.map((g) => ({ value: `${g}.`, label: t('allOf', { what: groupLabel(g).toLowerCase() }) })) },
            { label: t('single'), options: ACTIONS.map((a) => ({ value: a, label: actionLabel(a) })) },
          ]}
          onChange={(action?: string) => set({ action })} />
        <ActorSelect value={actor} onChange={chooseActor} />
        <LazyRangePicker aria-label={t('filterDates')} format={DATE_FORMAT} placeholder={[t('from'), t('to')]} value={range}
          onChange={(r) => {
            setRange(r);
            set({ from: toApiDate(r?.[0]), to: toApiDate(r?.[1]) });
          }} />
        <Button type="link" onClick={() => { setRange(null); setActor(null); setQuery({ page: 1, pageSize: query.pageSize }); }}>{t('clearFilters')}</Button>
      </Space>

      <DataTable<AuditEntry>
        rowKey="id"
        loading={entries.isFetching}
        dataSource={entries.data?.items}
        locale={{ emptyText: entries.isError ? entries.error.message : t('common.empty') }}
        scroll={{ x: 1000 }}
        expandable={{ expandedRowRender: (e) => <AuditEntryDetails entry={e} unitName={unitName} /> }}
        pagination={{ current: query.page, pageSize: query.pageSize, pageSizeOptions: PAGE_SIZES, total: entries.data?.total, showTotal: (n) => t('common.total', { n }), onChange: (page, pageSize) => setQuery({ ...query, page, pageSize }) }}
        columns={[
          { title: t('time'), dataIndex: 'occurredAt', width: 150, render: (d: string) => formatDateTime(d) },
          {
            title: t('actor'), dataIndex: 'actorName', width: 200,
            render: (name: string, e) => (e.actorId
              ? <Typography.Link title={t('filterByActor')} onClick={() => chooseActor({ id: e.actorId!, name })}>{name}</Typography.Link>
              : <Typography.Text type="secondary">{name}</Typography.Text>),
          },
          {
            title: t('action'), dataIndex: 'action', width: 220,
            render: (a: string) => actionLabel(a),
          },
          { title: t('object'), key: 'object', render: (_, e) => <AuditObject entry={e} label={entityLabel(e.entityType)} nameOf={(type, id) => names.get(`${type}:${id}`)} /> },
          { title: t('reason'), dataIndex: 'reason', render: (r: string) => r || <Typography.Text type="secondary">—</Typography.Text> },
        ]}
      />
    </>
  );
}

/** An action's and an object type's name for people; an unknown code reads "Thao tác khác với …", never the code. */
export function useAuditLabels() {
  const t = useT(auditStrings);
  const known = (k: string) => t(k as Key) !== k;
  const entityLabel = (e: string) => (known(`entity.${e}`) ? t(`entity.${e}` as Key) : t('otherEntity'));
  const actionLabel = (a: string) => (known(`action.${a}`) ? t(`action.${a}` as Key) : t('otherAction', { what: groupName(a.split('.')[0]).toLowerCase() }));
  const groupName = (g: string) => (known(`entity.${g}`) ? t(`entity.${g}` as Key) : known(`group.${g}`) ? t(`group.${g}` as Key) : t('otherEntity'));
  return { actionLabel, entityLabel, groupLabel: groupName };
}

/** The latest signed checkpoint and the public key anyone can check it with. */
function LedgerPanel() {
  const t = useT(auditStrings);
  const cps = useLatestCheckpoint();
  const cp = cps.data?.items[0];
  return (
    <Collapse size="small" style={{ marginBottom: 12 }} items={[{
      key: 'ledger', label: cp ? `${t('ledger')} · ${t('treeSize')}: ${formatNumber(cp.treeSize)}` : t('ledger'),
      children: (
        <Descriptions size="small" column={1} items={[
          ...(cp ? [
            { key: 'size', label: t('treeSize'), children: formatNumber(cp.treeSize) },
            { key: 'at', label: t('sealedAt'), children: formatDateTime(cp.sealedAt) },
            { key: 'root', label: t('rootHash'), children: <Typography.Text code copyable style={{ fontSize: 12, wordBreak: 'break-all' }}>{cp.rootHash}</Typography.Text> },
          ] : [{ key: 'none', label: t('treeSize'), children: t('ledgerNone') }]),
          { key: 'key', label: t('keyId'), children: <Typography.Text code>{cps.data?.keyId}</Typography.Text> },
          { key: 'pub', label: t('publicKey'), children: <Typography.Paragraph copyable code style={{ whiteSpace: 'pre-wrap', fontSize: 12, marginBottom: 0 }}>{cps.data?.publicKey}</Typography.Paragraph> },
        ]} />
      ),
    }]} />
  );
}

/**
 * Names of the objects an entry may point at (an update stores only the changed fields, so the
 * name is often not in the entry itself). Keys: `unit:<id>`, `account:<id>`, `block:<id>`, `block_year:<id>`.
 */
function useEntityNames(): Map<string, string> {
  const units = useUnits({ pageSize: 200, includeArchived: true });
  const accounts = useAccounts({ pageSize: 200, includeArchived: true });
  const blocks = useBlocks({ pageSize: 200, includeArchived: true });
  const years = useBlockYears();
  return useMemo(() => new Map<string, string>([
    ...(units.data?.items ?? []).map((u) => [`unit:${u.id}`, u.name] as [string, string]),
    ...(accounts.data?.items ?? []).map((a) => [`account:${a.id}`, `${a.fullName} (${a.email})`] as [string, string]),
    ...(blocks.data?.items ?? []).map((b) => [`block:${b.id}`, b.name] as [string, string]),
    ...(years.data ?? []).map((y) => [`block_year:${y.id}`, `${y.blockName} – ${y.year}`] as [string, string]),
  ]), [units.data, accounts.data, blocks.data, years.data]);
}

/** "Đơn vị · Sở Nội vụ Hà Nội", with a link where the object has a page. */
function AuditObject({ entry, label, nameOf }: { entry: AuditEntry; label: string; nameOf: (type: string, id: string) => string | undefined }) {
  const t = useT(auditStrings);
  const data = { ...(entry.before ?? {}), ...(entry.after ?? {}) } as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  let name = entry.entityId ? nameOf(entry.entityType, entry.entityId) : undefined;
  name ??= str(data.name) ?? str(data.fullName) ?? str(data.email) ?? str(data.code);
  if (!name && entry.entityType === 'block_year' && typeof data.year === 'number') name = `${t('f.year').toLowerCase()} ${data.year}`;
  const text = name ?? (entry.entityId ? `#${entry.entityId.slice(0, 8)}` : '');
  const href = entry.entityId && (entry.entityType === 'block' ? paths.block.getHref(entry.entityId) : entry.entityType === 'block_year' ? paths.blockYear.getHref(entry.entityId) : undefined);
  return (
    <Space size={4} wrap>
      <Tag>{label}</Tag>
      {href ? <Link to={href}>{text}</Link> : <span title={entry.entityId ?? undefined}>{text}</span>}
    </Space>
  );
}

/** Optional filter by actor: search accounts by name or email. */
function ActorSelect({ value, onChange }: { value: { id: string; name: string } | null; onChange: (a: { id: string; name: string } | null) => void }) {
  const t = useT(auditStrings);
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(search.trim()), 300);
    return () => clearTimeout(timer);
  }, [search]);
  const accounts = useAccounts({ q: q || undefined, pageSize: 20, includeArchived: true });
  const options = (accounts.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.fullName} (${a.email})` }));
  if (value && !options.some((o) => o.value === value.id)) options.unshift({ value: value.id, label: value.name });
  return (
    <Select aria-label={t('filterActor')} placeholder={t('allActors')} allowClear style={{ width: 260 }}
      showSearch={{ filterOption: false, onSearch: setSearch }} loading={accounts.isFetching}
      value={value?.id} options={options}
      onChange={(id?: string) => onChange(id ? { id, name: options.find((o) => o.value === id)?.label ?? id } : null)} />
  );
}

export { AuditPage as Component };
