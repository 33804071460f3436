import { Button, Checkbox, Flex, Select, Space } from 'antd';
import { useState } from 'react';
import { DataTable } from '@/components/data-table';
import { QueryState } from '@/components/query-state';
import { useT } from '@/i18n/i18n';
import { useAwardHistory, useCatalogue, type AwardRecord, type HistoryFilter } from './api/awards';
import { historyColumns } from './history-columns';
import { awardStrings } from './i18n';
import { YearSelect } from './labels';
import { UnitSelect } from './records-tabs';
import { lazyDialog } from '@/components/lazy-dialog';

// Dialogs load when first opened.
const RevokeModal = lazyDialog(() => import('./history-dialogs').then((m) => m.RevokeModal), () => true);
const ManualEntryModal = lazyDialog(() => import('./history-dialogs').then((m) => m.ManualEntryModal), () => true);

export function HistoryTab({ canEdit }: { canEdit: boolean }) {
  const t = useT(awardStrings);
  const [filter, setFilter] = useState<HistoryFilter>({ includeRevoked: true });
  const query = useAwardHistory(filter);
  const catalogue = useCatalogue(filter.year ?? new Date().getFullYear());
  const [revoking, setRevoking] = useState<AwardRecord | null>(null);
  const [adding, setAdding] = useState(false);
  return (
    <>
      <Flex justify="space-between" gap={8} wrap style={{ marginBottom: 12 }}>
        <Space wrap>
          <YearSelect value={filter.year} allowClear onChange={(year) => setFilter((f) => ({ ...f, year }))} />
          <Select aria-label={t('award')} style={{ minWidth: 240 }} allowClear placeholder={t('allAwards')} value={filter.code}
            onChange={(code) => setFilter((f) => ({ ...f, code: code ?? undefined }))} options={(catalogue.data ?? []).map((a) => ({ value: a.code, label: a.name }))} />
          <UnitSelect value={filter.unitId} onChange={(unitId) => setFilter((f) => ({ ...f, unitId }))} />
          <Checkbox checked={filter.includeRevoked} onChange={(e) => setFilter((f) => ({ ...f, includeRevoked: e.target.checked }))}>{t('includeRevoked')}</Checkbox>
        </Space>
        {canEdit && <Button type="primary" onClick={() => setAdding(true)}>{t('addRecord')}</Button>}
      </Flex>
      <QueryState query={query}>
        {(rows) => (
          <DataTable<AwardRecord>
            rowKey="id" size="small" dataSource={rows} pagination={{ pageSize: 20, hideOnSinglePage: true }} scroll={{ x: 1000 }}
            columns={[
              ...historyColumns(t, true),
              ...(canEdit ? [{
                title: '', key: 'actions', width: 100,
                render: (_: unknown, r: AwardRecord) => (r.revokedAt ? null : <Button size="small" danger aria-label={`${t('revoke')} ${r.awardName} ${r.unitName}`} onClick={() => setRevoking(r)}>{t('revoke')}</Button>),
              }] : []),
            ]}
          />
        )}
      </QueryState>
      {revoking && <RevokeModal record={revoking} onClose={() => setRevoking(null)} />}
      {adding && <ManualEntryModal onClose={() => setAdding(false)} />}
    </>
  );
}
