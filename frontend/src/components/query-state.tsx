import { Alert, Button, Empty, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { useT } from '@/i18n/i18n';

/** Loading, error and empty states in Vietnamese for any query; renders children with the data. */
export function QueryState<T>({ query, empty, children }: { query: UseQueryResult<T>; empty?: (data: T) => boolean; children: (data: T) => ReactNode }) {
  const t = useT();
  if (query.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (query.isError) {
    return <Alert type="error" showIcon title={t('common.error')} description={query.error.message} action={<Button size="small" onClick={() => query.refetch()}>{t('action.retry')}</Button>} />;
  }
  if (empty?.(query.data)) return <Empty description={t('common.empty')} />;
  return <>{children(query.data)}</>;
}
