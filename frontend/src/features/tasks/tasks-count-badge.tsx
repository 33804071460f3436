import { CountBadge } from '@/components/count-badge';
import { useT } from '@/i18n/i18n';
import { useTasks } from './api/tasks';
import { taskStrings } from './i18n';

// Its own module, without the UI kit: the app shell shows it, and should not carry the dashboard card's Card, Alert and Tabs.
/** The count beside "Trang chủ" in the menu (red when a task is overdue). */
export function TasksCountBadge() {
  const t = useT(taskStrings);
  const tasks = useTasks();
  const n = tasks.data?.count ?? 0;
  if (!n) return null;
  return <CountBadge count={n} tone={tasks.data?.overdueCount ? 'alert' : 'info'} label={t('badge', { n })} style={{ marginInlineStart: 8 }} />;
}
