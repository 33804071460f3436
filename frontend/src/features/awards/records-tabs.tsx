import { Button, Flex, Select, Space } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { paths } from '@/lib/paths';
import { DataTable } from '@/components/data-table';
import { QueryState } from '@/components/query-state';
import { useUnitOptions } from '@/api/units';
import { useT } from '@/i18n/i18n';
import { formatDate } from '@/lib/format';
import { useDeleteDisciplineFlag, useDeleteUnitTitle, useDisciplineFlags, useUnitTitles, type DisciplineFlag, type UnitTitle, type UnitYearFilter } from './api/awards';
import { awardStrings } from './i18n';
import { YearSelect } from './labels';
import { lazyDialog } from '@/components/lazy-dialog';
import { searchBy } from '@/lib/search';

// Dialogs load when first opened.
const DeleteReasonModal = lazyDialog(() => import('./record-dialogs').then((m) => m.DeleteReasonModal), () => true);
const RecordModal = lazyDialog(() => import('./record-dialogs').then((m) => m.RecordModal), () => true);

export function UnitSelect({ value, onChange, label, allowClear = true }: { value: string | undefined; onChange: (id: string | undefined) => void; label?: string; allowClear?: boolean }) {
  const t = useT(awardStrings);
  const units = useUnitOptions();
  return (
    <Select aria-label={label ?? t('unit')} style={{ minWidth: 280 }} value={value} onChange={(v) => onChange(v ?? undefined)} allowClear={allowClear} showSearch={searchBy()}
      placeholder={t('allUnits')} loading={units.isPending} options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))} />
  );
}

export type Kind = 'titles' | 'flags';
export type Row = UnitTitle | DisciplineFlag;

export function RecordsTab({ kind, canEdit }: { kind: Kind; canEdit: boolean }) {
  const t = useT(awardStrings);
  const [filter, setFilter] = useState<UnitYearFilter>({ year: undefined, unitId: undefined });
  const titles = useUnitTitles(filter, kind === 'titles');
  const flags = useDisciplineFlags(filter, kind === 'flags');
  const delTitle = useDeleteUnitTitle();
  const delFlag = useDeleteDisciplineFlag();
  const [editing, setEditing] = useState<Row | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Row | null>(null);
  const query = (kind === 'titles' ? titles : flags) as ReturnType<typeof useUnitTitles> | ReturnType<typeof useDisciplineFlags>;
  const text = (r: Row) => ('title' in r ? r.title : r.reason);

  return (
    <>
      <Flex justify="space-between" gap={8} wrap style={{ marginBottom: 12 }}>
        <Space wrap>
          <YearSelect value={filter.year} allowClear onChange={(year) => setFilter((f) => ({ ...f, year }))} />
          <UnitSelect value={filter.unitId} onChange={(unitId) => setFilter((f) => ({ ...f, unitId }))} />
        </Space>
        {canEdit && <Button type="primary" onClick={() => setEditing('new')}>{kind === 'titles' ? t('addTitle') : t('addFlag')}</Button>}
      </Flex>
      <QueryState query={query as ReturnType<typeof useUnitTitles>}>
        {(rows) => (
          <DataTable<Row>
            rowKey="id" size="small" dataSource={rows as Row[]} pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              { title: t('year'), dataIndex: 'year', width: 70 },
              { title: t('unit'), dataIndex: 'unitName', render: (v: string, r) => <Link to={paths.unitAwards.getHref(r.unitId)}>{v}</Link> },
              { title: kind === 'titles' ? t('title') : t('flagReason'), key: 'text', render: (_, r) => text(r) },
              { title: t('decisionNumber'), dataIndex: 'decisionNumber', render: (v: string) => v || '—' },
              { title: t('decisionDate'), dataIndex: 'decisionDate', render: (v: string | null) => (v ? formatDate(v) : '—') },
              ...(canEdit ? [{
                title: '', key: 'actions', width: 140,
                render: (_: unknown, r: Row) => (
                  <Space>
                    <Button size="small" onClick={() => setEditing(r)}>{t('edit')}</Button>
                    <Button size="small" danger onClick={() => setDeleting(r)}>{t('delete')}</Button>
                  </Space>
                ),
              }] : []),
            ]}
          />
        )}
      </QueryState>
      {editing && <RecordModal kind={kind} record={editing === 'new' ? null : editing} defaults={filter} onClose={() => setEditing(null)} />}
      {deleting && (
        <DeleteReasonModal
          what={`${deleting.unitName} – ${deleting.year}: ${text(deleting)}`}
          onDelete={(reason) => (kind === 'titles' ? delTitle : delFlag).mutateAsync({ id: deleting.id, reason })}
          onClose={() => setDeleting(null)}
        />
      )}
    </>
  );
}
