import { Badge } from 'antd';
import { useT } from '@/i18n/i18n';
import { useTasks } from './api/tasks';
import { taskStrings } from './i18n';

// Its own module: the app shell shows it, and should not carry the dashboard card's Card, Alert and Tabs.
/** The count beside "Trang chủ" in the menu. */
export function TasksCountBadge() {
  const t = useT(taskStrings);
  const tasks = useTasks();
  const n = tasks.data?.count ?? 0;
  if (!n) return null;
  return <Badge count={n} size="small" color={tasks.data?.overdueCount ? '#b71c1c' : '#1677ff'} style={{ marginInlineStart: 8 }} title={t('badge', { n })} aria-label={t('badge', { n })} />;
}
