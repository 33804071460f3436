import { Alert, Badge, Tag } from 'antd';
import { Card } from '@/components/card';
import { Link } from 'react-router';
import { useT } from '@/i18n/i18n';
import { formatDate } from '@/lib/format';
import { useTasks } from './api/tasks';
import { taskStrings } from './i18n';
import { Typography } from '@/components/typography';

/**
 * "Việc cần làm" on every home page: each pending action of the signed-in person, derived by the server
 * from the year's state, with its deadline (overdue marked) and one click to the page where it is done.
 */
export function TasksCard() {
  const t = useT(taskStrings);
  const tasks = useTasks();
  const list = tasks.data?.items ?? [];
  return (
    <Card
      title={<span>{t('title')} {tasks.data ? <Badge count={tasks.data.count} showZero color={tasks.data.overdueCount ? '#b71c1c' : '#8c8c8c'} aria-hidden /> : null}</span>}
      extra={tasks.data?.overdueCount ? <Tag color="red">{t('overdueCount', { n: tasks.data.overdueCount })}</Tag> : null}
      style={{ marginBottom: 16 }}
      loading={tasks.isPending}
    >
      {tasks.isError ? <Alert type="error" showIcon title={tasks.error.message} /> : list.length === 0 ? (
        <Typography.Text type="secondary">{t('none')}</Typography.Text>
      ) : (
        <ul aria-label={t('title')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {list.map((task, i) => (
            <li key={task.key} style={{ padding: '10px 0', borderBottom: i < list.length - 1 ? '1px solid #f0f0f0' : undefined, overflowWrap: 'anywhere' }}>
              <Link to={task.link} style={{ fontWeight: 600 }}>{task.title}</Link>
              <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4, alignItems: 'center', marginTop: 2 }}>
                {task.overdue && <Tag color="red">{t('overdue')}</Tag>}
                {task.deadline && <Typography.Text type={task.overdue ? 'danger' : undefined}>{t('deadline', { date: formatDate(task.deadline) })}</Typography.Text>}
                {task.detail && <Typography.Text type="secondary">· {task.detail}</Typography.Text>}
                {task.blockName && <Typography.Text type="secondary">· {task.blockName} – {task.year}{task.unitName ? ` · ${task.unitName}` : ''}</Typography.Text>}
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
