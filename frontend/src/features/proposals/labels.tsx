import { Space, Tag } from 'antd';
import { useT } from '@/i18n/i18n';
import { formatDate } from '@/lib/format';
import type { ProposalStatus, ProposalSummary } from './api/proposals';
import { proposalStrings } from './i18n';
import { Typography } from '@/components/typography';

export const STATUS_COLORS: Record<ProposalStatus, string> = {
  draft: 'default', submitted: 'blue', under_appraisal: 'gold', returned: 'red', approved: 'cyan', decided: 'green', cancelled: 'default',
};
export const STATUSES: ProposalStatus[] = ['draft', 'submitted', 'under_appraisal', 'returned', 'approved', 'decided', 'cancelled'];

export function StatusTag({ status }: { status: ProposalStatus }) {
  const t = useT(proposalStrings);
  return <Tag color={STATUS_COLORS[status]}>{t(`status.${status}`)}</Tag>;
}

/** The appraisal due date, red with a marker when overdue; flagged when it reaches into a year with no holiday calendar. */
export function DueDate({ p }: { p: Pick<ProposalSummary, 'dueDate' | 'overdue' | 'workingDaysLeft' | 'calendarMissingYears'> }) {
  const t = useT(proposalStrings);
  if (!p.dueDate) return null;
  return (
    <Space size={4} wrap>
      <Typography.Text type={p.overdue ? 'danger' : undefined} strong={p.overdue}>{formatDate(p.dueDate)}</Typography.Text>
      {p.overdue && <Tag color="red">{t('overdue')}</Tag>}
      {!p.overdue && p.workingDaysLeft !== null && <Typography.Text type="secondary">({t('daysLeft', { n: p.workingDaysLeft })})</Typography.Text>}
      {p.calendarMissingYears.length > 0 && <Tag color="orange">{t('calendarMissing', { years: p.calendarMissingYears.join(', ') })}</Tag>}
    </Space>
  );
}
