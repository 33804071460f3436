import { Alert, Skeleton, Steps, Tag } from 'antd';
import { Link } from 'react-router';
import { useT } from '@/i18n/i18n';
import { formatDate } from '@/lib/format';
import { useBlockYearTimeline, type TimelineStep } from '@/api/block-years';
import { blockYearStrings } from './i18n';
import { Typography } from '@/components/typography';

const STEP_STATUS = { done: 'finish', current: 'process', next: 'wait' } as const;
const STATE_COLOR = { done: 'green', current: 'blue', next: 'default' } as const;

/**
 * "Công việc của năm" on one line: the cycle's steps (docs/domain.md §3) done, current or next, each with its
 * date, who it waits for and a link to the page where it is done.
 */
export function YearTimeline({ blockYearId }: { blockYearId: string }) {
  const t = useT(blockYearStrings);
  const timeline = useBlockYearTimeline(blockYearId);
  if (timeline.isPending) return <Skeleton active />;
  if (timeline.isError) return <Alert type="error" showIcon title={timeline.error.message} />;
  const steps = timeline.data.steps;
  const current = Math.max(0, steps.findIndex((s) => s.state === 'current'));
  const content = (s: TimelineStep) => (
    <div style={{ overflowWrap: 'anywhere', paddingBottom: 4 }}>
      <Tag color={STATE_COLOR[s.state]}>{t(`step.${s.state}`)}</Tag>
      {s.date && <Typography.Text>{s.dateLabel ? `${s.dateLabel}: ` : ''}{formatDate(s.date)}</Typography.Text>}
      {s.detail && <div><Typography.Text type="secondary">{s.detail}</Typography.Text></div>}
      {s.waitingFor && <div><Typography.Text>{t('waitingFor', { who: s.waitingFor })}</Typography.Text></div>}
    </div>
  );
  return (
    <nav aria-label={t('timelineLabel')}>
      <Steps
        orientation="vertical"
        size="small"
        current={current}
        items={steps.map((s) => ({
          key: s.key,
          status: STEP_STATUS[s.state],
          title: <Link to={s.link} aria-current={s.state === 'current' ? 'step' : undefined} style={{ fontWeight: s.state === 'current' ? 600 : 400 }}>{s.title}</Link>,
          content: content(s),
        }))}
      />
    </nav>
  );
}
