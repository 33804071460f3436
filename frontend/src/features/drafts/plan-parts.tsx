import { Button, Descriptions, Flex, Select, Space, Tag } from 'antd';
import { useFeedback } from '@/components/feedback';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { DataTable } from '@/components/data-table';
import { useT } from '@/i18n/i18n';
import { formatDate } from '@/lib/format';
import { draftKeys, useUpdateActivity, type ActivityStatus, type DraftVersion, type PlanActivity, type PlanData, type PlanDataInput, type PlanProgress } from './api/drafts';
import { draftStrings, type DraftStringKey } from './i18n';
import { isStale } from './server-errors';
import { ProgressCircle } from './progress-circle';
import { Typography } from '@/components/typography';

export type PlanPart = 'theme' | 'activities' | 'movements' | 'commemorations' | 'fieldTrips';
export const PLAN_PARTS: PlanPart[] = ['theme', 'activities', 'movements', 'commemorations', 'fieldTrips'];
/** The section of the plan's usual outline under which each structured part is printed. */
export const PLAN_PART_SECTION: Record<PlanPart, string> = {
  theme: 'chu-de', activities: 'hoat-dong', movements: 'phong-trao', commemorations: 'ky-niem', fieldTrips: 'nghien-cuu-thuc-te',
};
export const ACTIVITY_STATUSES: ActivityStatus[] = ['planned', 'in_progress', 'done', 'cancelled'];
const ACTIVITY_COLORS: Record<ActivityStatus, string> = { planned: 'default', in_progress: 'processing', done: 'success', cancelled: 'error' };

const dateRange = (start: string, end: string) => (start === end ? formatDate(start) : `${formatDate(start)} – ${formatDate(end)}`);

/** The plan data as the API takes it back (names dropped). */
export function planInput(plan: PlanData): PlanDataInput {
  return {
    theme: plan.theme,
    slogan: plan.slogan,
    activities: plan.activities.map(({ ownerUnitName: _n, ...a }) => a),
    movements: plan.movements,
    commemorations: plan.commemorations,
    fieldTrips: plan.fieldTrips.map(({ ownerUnitName: _n, ...f }) => f),
  };
}

/** Status of an adopted plan's activity: a select for the leader, a tag for everyone else. */
function ActivityStatusCell({ activity, canUpdate }: { activity: PlanActivity; canUpdate: boolean }) {
  const t = useT(draftStrings);
  const update = useUpdateActivity();
  const qc = useQueryClient();
  const { message } = useFeedback();
  const overdue = activity.overdue && <Tag color="red">{t('overdue')}</Tag>;
  if (!canUpdate) return <Space size={4} wrap><Tag color={ACTIVITY_COLORS[activity.status]}>{t(`activity.${activity.status}` as DraftStringKey)}</Tag>{overdue}</Space>;
  return (
    <Space size={4} wrap>
      <Select<ActivityStatus>
        size="small"
        value={activity.status}
        loading={update.isPending}
        aria-label={t('statusOf', { title: activity.title })}
        style={{ width: 140 }}
        options={ACTIVITY_STATUSES.map((s) => ({ value: s, label: t(`activity.${s}` as DraftStringKey) }))}
        onChange={(status) => update.mutate({ id: activity.id, body: { status, version: activity.version } }, {
          onSuccess: () => message.success(t('activitySaved', { title: activity.title })),
          onError: (e) => {
            message.error(e.message);
            if (isStale(e)) void qc.invalidateQueries({ queryKey: [...draftKeys.all, 'progress'] });
          },
        })}
      />
      {overdue}
    </Space>
  );
}

/** One structured part of the plan, printed under its section (or on its own when that section is gone). */
export function PlanPartView({ part, version, progress, onEdit, withTitle }: {
  part: PlanPart;
  version: DraftVersion;
  /** The adopted plan's activities with their statuses (shown when this version is the adopted one). */
  progress?: PlanProgress;
  onEdit: (part: PlanPart) => void;
  withTitle?: boolean;
}) {
  const t = useT(draftStrings);
  const plan = version.plan;
  if (!plan) return null;
  const partTitle = t(`part.${part}` as DraftStringKey);
  const edit = version.permissions.canEdit && (
    <Button size="small" onClick={() => onEdit(part)} aria-label={t('editPart', { part: partTitle })}>{t('editPart', { part: partTitle })}</Button>
  );
  const header = (withTitle || edit) && (
    <Flex justify="space-between" align="baseline" style={{ marginBottom: 6 }}>
      {withTitle ? <Typography.Title level={5} style={{ margin: 0 }}>{partTitle}</Typography.Title> : <span />}
      {edit}
    </Flex>
  );
  const empty = { emptyText: t('none') };
  let body: ReactNode;
  if (part === 'theme') {
    body = (
      <Descriptions size="small" column={1} bordered styles={{ label: { width: 180 } }}
        items={[
          { key: 'theme', label: t('theme'), children: plan.theme ? <strong>{plan.theme}</strong> : <Typography.Text type="secondary">{t('none')}</Typography.Text> },
          { key: 'slogan', label: t('slogan'), children: plan.slogan ? <em>{plan.slogan}</em> : <Typography.Text type="secondary">{t('none')}</Typography.Text> },
        ]} />
    );
  } else if (part === 'activities') {
    const tracked = progress && progress.versionId === version.id ? new Map(progress.items.map((a) => [a.key, a])) : null;
    body = (
      <DataTable
        size="small" bordered pagination={false} rowKey="key" dataSource={plan.activities} locale={empty} aria-label={partTitle}
        columns={[
          { title: t('stt'), key: 'stt', width: 56, align: 'center', render: (_, __, i) => i + 1 },
          { title: t('activity'), dataIndex: 'title', minWidth: 200 },
          { title: t('dates'), key: 'dates', width: 110, render: (_, a) => dateRange(a.startDate, a.endDate) },
          { title: t('ownerUnit'), dataIndex: 'ownerUnitName', minWidth: 150 },
          ...(tracked ? [{
            title: t('status'), key: 'status', width: 170,
            render: (_: unknown, a: PlanData['activities'][number]) => {
              const item = tracked.get(a.key);
              return item ? <ActivityStatusCell activity={item} canUpdate={progress!.canUpdate && version.status === 'adopted'} /> : null;
            },
          }] : []),
          { title: t('notes'), dataIndex: 'notes', minWidth: 100, render: (n: string, a) => tracked?.get(a.key)?.notes || n },
        ]}
      />
    );
  } else if (part === 'movements') {
    body = (
      <DataTable size="small" bordered pagination={false} rowKey="key" dataSource={plan.movements} locale={empty} aria-label={partTitle}
        columns={[
          { title: t('stt'), key: 'stt', width: 56, align: 'center', render: (_, __, i) => i + 1 },
          { title: t('movement'), dataIndex: 'title' },
          { title: t('movementKind'), dataIndex: 'kind', width: 130, render: (k: string) => <Tag color={k === 'regular' ? 'blue' : 'purple'}>{t(`movement.${k}` as DraftStringKey)}</Tag> },
          { title: t('period'), dataIndex: 'period', width: '18%' },
          { title: t('goal'), dataIndex: 'goal', width: '28%' },
        ]} />
    );
  } else if (part === 'commemorations') {
    body = (
      <DataTable size="small" bordered pagination={false} rowKey="key" dataSource={plan.commemorations} locale={empty} aria-label={partTitle}
        columns={[
          { title: t('date'), dataIndex: 'date', width: 120, render: (d: string) => formatDate(d) },
          { title: t('commemoration'), dataIndex: 'title' },
          { title: t('notes'), dataIndex: 'notes', width: '30%' },
        ]} />
    );
  } else {
    body = (
      <DataTable size="small" bordered pagination={false} rowKey="key" dataSource={plan.fieldTrips} locale={empty} aria-label={partTitle}
        columns={[
          { title: t('stt'), key: 'stt', width: 56, align: 'center', render: (_, __, i) => i + 1 },
          { title: t('fieldTrip'), dataIndex: 'title' },
          { title: t('place'), dataIndex: 'place', width: '18%' },
          { title: t('period'), dataIndex: 'period', width: 120 },
          { title: t('ownerUnit'), dataIndex: 'ownerUnitName', width: '20%' },
          { title: t('notes'), dataIndex: 'notes', width: '15%' },
        ]} />
    );
  }
  return <div>{header}{body}</div>;
}

/** Progress of the adopted plan: done / total (cancelled activities not counted), by status. */
export function PlanProgressCard({ progress }: { progress: PlanProgress }) {
  const t = useT(draftStrings);
  const counted = progress.total - progress.cancelled;
  const overdue = progress.items.filter((a) => a.overdue).length;
  return (
    <Flex gap={24} align="center" wrap>
      <ProgressCircle percent={progress.percentDone} text={`${progress.done}/${counted}`} label={t('progressTitle')} />
      <div style={{ flex: 1, minWidth: 260 }}>
        <Typography.Title level={5} style={{ marginTop: 0 }}>{t('progressDone', { done: progress.done, total: counted })}{progress.cancelled > 0 && <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}> {t('progressCancelledNote', { n: progress.cancelled })}</Typography.Text>}</Typography.Title>
        <Space size={4} wrap>
          {ACTIVITY_STATUSES.map((s) => {
            const n = { planned: progress.planned, in_progress: progress.inProgress, done: progress.done, cancelled: progress.cancelled }[s];
            return <Tag key={s} color={ACTIVITY_COLORS[s]}>{t(`activity.${s}` as DraftStringKey)}: {n}</Tag>;
          })}
          {overdue > 0 && <Tag color="red">{t('progressOverdue', { n: overdue })}</Tag>}
        </Space>
        {progress.canUpdate && <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>{t('progressHint')}</Typography.Paragraph>}
      </div>
    </Flex>
  );
}
