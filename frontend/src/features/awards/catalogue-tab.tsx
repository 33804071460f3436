import { Button, Flex } from 'antd';
import { useState } from 'react';
import { DataTable } from '@/components/data-table';
import { QueryState } from '@/components/query-state';
import { useT } from '@/i18n/i18n';
import { formatNumber } from '@/lib/format';
import { useCatalogue, type AwardType } from './api/awards';
import { awardStrings } from './i18n';
import { useQuotaText, YearSelect } from './labels';
import { lazyDialog } from '@/components/lazy-dialog';
import { Typography } from '@/components/typography';

// The form loads when first opened.
const AwardTypeModal = lazyDialog(() => import('./award-type-modal').then((m) => m.AwardTypeModal), () => true);

export function CatalogueTab({ canEdit, year, onYear }: { canEdit: boolean; year: number; onYear: (y: number) => void }) {
  const t = useT(awardStrings);
  const query = useCatalogue(year);
  const quotaText = useQuotaText();
  const [editing, setEditing] = useState<AwardType | 'new' | null>(null);
  return (
    <>
      <Flex justify="space-between" gap={8} style={{ marginBottom: 12 }}>
        <YearSelect value={year} onChange={(y) => y && onYear(y)} />
        {canEdit && <Button type="primary" onClick={() => setEditing('new')}>{t('addAward')}</Button>}
      </Flex>
      <QueryState query={query}>
        {(items) => (
          <DataTable<AwardType>
            rowKey="id" size="small" pagination={false} dataSource={items}
            columns={[
              { title: t('name'), dataIndex: 'name' },
              {
                title: t('gates'), key: 'gates',
                render: (_, a) => (
                  <Flex vertical>
                    <span>{quotaText(a.gates.topN, 'topN')}</span>
                    {a.gates.requiredTitle && <Typography.Text type="secondary">{t('requiredTitle')}: {a.gates.requiredTitle}</Typography.Text>}
                  </Flex>
                ),
              },
              { title: t('blockQuota'), key: 'blockQuota', render: (_, a) => quotaText(a.blockQuota, 'quota') },
              { title: t('cityQuota'), dataIndex: 'cityQuota', render: (v: number | null) => (v === null ? t('cityQuotaNone') : formatNumber(v)) },
              { title: t('bonusPoints'), dataIndex: 'bonusPoints', align: 'right', render: (v: number) => formatNumber(v) },
              ...(canEdit ? [{ title: '', key: 'actions', render: (_: unknown, a: AwardType) => <Button size="small" aria-label={`${t('edit')} ${a.name}`} onClick={() => setEditing(a)}>{t('edit')}</Button> }] : []),
            ]}
          />
        )}
      </QueryState>
      {editing && <AwardTypeModal year={year} award={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
