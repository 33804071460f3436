import { Button, Col, Descriptions, Flex, Form, Input, Modal, Progress, Row, Select, Space, Tag, Typography } from 'antd';
import { useFeedback } from '@/components/feedback';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import type { BlockYear } from '@/api/block-years';
import { LazyDatePicker } from '@/components/lazy-date-picker';
import { DataTable } from '@/components/data-table';
import { useT } from '@/i18n/i18n';
import { DATE_FORMAT, fromApiDate, toApiDate } from '@/lib/dates';
import { applyServerErrors } from '@/lib/form-errors';
import { formatDate } from '@/lib/format';
import {
  draftKeys, useUpdateActivity, useUpdateVersion,
  type ActivityStatus, type DraftVersion, type PlanActivity, type PlanData, type PlanDataInput, type PlanProgress,
} from './api/drafts';
import { draftStrings, type DraftStringKey } from './i18n';
import { isStale, withFieldPrefix } from './server-errors';
import { validated } from '@/lib/forms';

export type PlanPart = 'theme' | 'activities' | 'movements' | 'commemorations' | 'fieldTrips';
export const PLAN_PARTS: PlanPart[] = ['theme', 'activities', 'movements', 'commemorations', 'fieldTrips'];
/** The section of the plan's usual outline under which each structured part is printed. */
export const PLAN_PART_SECTION: Record<PlanPart, string> = {
  theme: 'chu-de', activities: 'hoat-dong', movements: 'phong-trao', commemorations: 'ky-niem', fieldTrips: 'nghien-cuu-thuc-te',
};
export const ACTIVITY_STATUSES: ActivityStatus[] = ['planned', 'in_progress', 'done', 'cancelled'];
const ACTIVITY_COLORS: Record<ActivityStatus, string> = { planned: 'default', in_progress: 'processing', done: 'success', cancelled: 'error' };

type Members = BlockYear['members'];

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
      <Progress type="circle" size={96} percent={progress.percentDone} format={() => `${progress.done}/${counted}`} aria-label={t('progressTitle')} />
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

// ─── Editing a part of the draft plan ────────────────────────────────────────────────────────────

type Dayjs = ReturnType<typeof fromApiDate>;
interface PlanForm {
  theme?: string;
  slogan?: string;
  activities?: { key?: string; title: string; startDate: Dayjs; endDate: Dayjs; ownerUnitId?: string | null; notes?: string }[];
  movements?: PlanData['movements'];
  commemorations?: { key?: string; title: string; date: Dayjs; notes?: string }[];
  fieldTrips?: { key?: string; title: string; place?: string; period?: string; ownerUnitId?: string | null; notes?: string }[];
}

function formValues(part: PlanPart, plan: PlanData): PlanForm {
  switch (part) {
    case 'theme': return { theme: plan.theme, slogan: plan.slogan };
    case 'activities': return { activities: plan.activities.map((a) => ({ key: a.key, title: a.title, startDate: fromApiDate(a.startDate), endDate: fromApiDate(a.endDate), ownerUnitId: a.ownerUnitId, notes: a.notes })) };
    case 'movements': return { movements: plan.movements.map((m) => ({ ...m })) };
    case 'commemorations': return { commemorations: plan.commemorations.map((c) => ({ key: c.key, title: c.title, date: fromApiDate(c.date), notes: c.notes })) };
    case 'fieldTrips': return { fieldTrips: plan.fieldTrips.map(({ ownerUnitName: _n, ...f }) => ({ ...f })) };
  }
}

function applyForm(part: PlanPart, base: PlanDataInput, v: PlanForm): PlanDataInput {
  const s = (x?: string | null) => (x ?? '').trim();
  const key = (k?: string) => (k ? { key: k } : {});
  switch (part) {
    case 'theme': return { ...base, theme: s(v.theme), slogan: s(v.slogan) };
    case 'activities': return {
      ...base,
      activities: (v.activities ?? []).map((a) => ({ ...key(a.key), title: s(a.title), startDate: toApiDate(a.startDate)!, endDate: toApiDate(a.endDate)!, ownerUnitId: a.ownerUnitId ?? null, notes: s(a.notes) })),
    };
    case 'movements': return { ...base, movements: (v.movements ?? []).map((m) => ({ ...key(m.key), kind: m.kind, title: s(m.title), period: s(m.period), goal: s(m.goal) })) };
    case 'commemorations': return { ...base, commemorations: (v.commemorations ?? []).map((c) => ({ ...key(c.key), title: s(c.title), date: toApiDate(c.date)!, notes: s(c.notes) })) };
    case 'fieldTrips': return {
      ...base,
      fieldTrips: (v.fieldTrips ?? []).map((f) => ({ ...key(f.key), title: s(f.title), place: s(f.place), period: s(f.period), ownerUnitId: f.ownerUnitId ?? null, notes: s(f.notes) })),
    };
  }
}

/** Rows of a list part: one line of inputs per item, each input named for screen readers ("Hoạt động 2"). */
function ListRows({ name, newRow, render }: { name: string; newRow: () => object; render: (field: { name: number; key: number }, n: number) => ReactNode }) {
  const t = useT(draftStrings);
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, i) => (
            <Flex key={field.key} gap={8} align="start" style={{ borderBottom: '1px dashed #f0f0f0', paddingTop: 8 }}>
              <Typography.Text type="secondary" style={{ width: 24, lineHeight: '32px', textAlign: 'right' }}>{i + 1}.</Typography.Text>
              <div style={{ flex: 1 }}>{render(field, i + 1)}</div>
              <Button danger type="text" onClick={() => remove(field.name)} aria-label={t('removeRow', { n: i + 1 })}>✕</Button>
            </Flex>
          ))}
          <Button type="dashed" onClick={() => add(newRow())} style={{ marginTop: 12 }} block>{t('addRow')}</Button>
        </>
      )}
    </Form.List>
  );
}

export function PlanPartModal({ part, version, members, onClose }: { part: PlanPart | null; version: DraftVersion; members: Members; onClose: () => void }) {
  const t = useT(draftStrings);
  const [form] = Form.useForm<PlanForm>();
  const update = useUpdateVersion();
  const qc = useQueryClient();
  const { message, modal } = useFeedback();
  const unitOptions = members.map((m) => ({ value: m.unitId, label: m.name }));

  useEffect(() => {
    if (part && version.plan) {
      form.resetFields();
      form.setFieldsValue(formValues(part, version.plan));
    }
  }, [part, form]); // only when the editor opens, not on refetches

  const submit = async () => {
    if (!part || !version.plan) return;
    const v = await validated(form);
    if (!v) return;
    const plan = applyForm(part, planInput(version.plan), v);
    update.mutate({ versionId: version.id, body: { plan, version: version.version } }, {
      onSuccess: () => {
        message.success(t('planSaved'));
        onClose();
      },
      onError: (e) => {
        if (isStale(e)) {
          onClose();
          void qc.invalidateQueries({ queryKey: draftKeys.version(version.id) });
          modal.warning({ title: t('staleVersionTitle'), content: <><p>{e.message}</p><p>{t('staleVersionReloaded')}</p></> });
          return;
        }
        if (!applyServerErrors(form, withFieldPrefix(e, 'plan', ''))) message.error(e.message);
      },
    });
  };

  const req = (field: string) => [{ required: true, whitespace: true, message: t('requiredField', { field }) }];
  const reqDate = (field: string) => [{ required: true, message: t('requiredField', { field }) }];
  const item = { style: { marginBottom: 8 } };
  let fields: ReactNode = null;
  if (part === 'theme') {
    fields = (
      <>
        <Form.Item name="theme" label={t('theme')} rules={[{ max: 1000 }]}><Input.TextArea autoSize={{ minRows: 2 }} maxLength={1000} /></Form.Item>
        <Form.Item name="slogan" label={t('slogan')} rules={[{ max: 1000 }]}><Input.TextArea autoSize={{ minRows: 2 }} maxLength={1000} /></Form.Item>
      </>
    );
  } else if (part === 'activities') {
    fields = (
      <ListRows name="activities" newRow={() => ({ title: '', startDate: null, endDate: null, ownerUnitId: null, notes: '' })} render={(f, n) => (
        <Row gutter={8}>
          <Form.Item name={[f.name, 'key']} hidden><Input /></Form.Item>
          <Col xs={24} md={24}><Form.Item {...item} name={[f.name, 'title']} rules={[...req(t('activity')), { max: 500 }]}><Input placeholder={t('activity')} aria-label={`${t('activity')} ${n}`} /></Form.Item></Col>
          <Col xs={12} md={5}><Form.Item {...item} name={[f.name, 'startDate']} rules={reqDate(t('startDate'))}><LazyDatePicker format={DATE_FORMAT} placeholder={t('startDate')} aria-label={`${t('startDate')} ${n}`} style={{ width: '100%' }} /></Form.Item></Col>
          <Col xs={12} md={5}>
            <Form.Item {...item} name={[f.name, 'endDate']} dependencies={[['activities', f.name, 'startDate']]}
              rules={[...reqDate(t('endDate')), ({ getFieldValue }) => ({
                validator: (_, end: Dayjs) => {
                  const start = getFieldValue(['activities', f.name, 'startDate']) as Dayjs;
                  return !end || !start || !end.isBefore(start, 'day') ? Promise.resolve() : Promise.reject(new Error(t('endBeforeStart')));
                },
              })]}>
              <LazyDatePicker format={DATE_FORMAT} placeholder={t('endDate')} aria-label={`${t('endDate')} ${n}`} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={7}><Form.Item {...item} name={[f.name, 'ownerUnitId']}><Select allowClear placeholder={t('ownerUnit')} aria-label={`${t('ownerUnit')} ${n}`} options={unitOptions} /></Form.Item></Col>
          <Col xs={24} md={7}><Form.Item {...item} name={[f.name, 'notes']} rules={[{ max: 2000 }]}><Input placeholder={t('notes')} aria-label={`${t('notes')} ${n}`} /></Form.Item></Col>
        </Row>
      )} />
    );
  } else if (part === 'movements') {
    fields = (
      <ListRows name="movements" newRow={() => ({ kind: 'thematic', title: '', period: '', goal: '' })} render={(f, n) => (
        <Row gutter={8}>
          <Form.Item name={[f.name, 'key']} hidden><Input /></Form.Item>
          <Col xs={24} md={6}><Form.Item {...item} name={[f.name, 'kind']} rules={[{ required: true }]}><Select aria-label={`${t('movementKind')} ${n}`} options={(['regular', 'thematic'] as const).map((k) => ({ value: k, label: t(`movement.${k}`) }))} /></Form.Item></Col>
          <Col xs={24} md={18}><Form.Item {...item} name={[f.name, 'title']} rules={[...req(t('movement')), { max: 500 }]}><Input placeholder={t('movement')} aria-label={`${t('movement')} ${n}`} /></Form.Item></Col>
          <Col xs={24} md={8}><Form.Item {...item} name={[f.name, 'period']} rules={[{ max: 200 }]}><Input placeholder={t('period')} aria-label={`${t('period')} ${n}`} /></Form.Item></Col>
          <Col xs={24} md={16}><Form.Item {...item} name={[f.name, 'goal']} rules={[{ max: 2000 }]}><Input placeholder={t('goal')} aria-label={`${t('goal')} ${n}`} /></Form.Item></Col>
        </Row>
      )} />
    );
  } else if (part === 'commemorations') {
    fields = (
      <ListRows name="commemorations" newRow={() => ({ title: '', date: null, notes: '' })} render={(f, n) => (
        <Row gutter={8}>
          <Form.Item name={[f.name, 'key']} hidden><Input /></Form.Item>
          <Col xs={24} md={6}><Form.Item {...item} name={[f.name, 'date']} rules={reqDate(t('date'))}><LazyDatePicker format={DATE_FORMAT} placeholder={t('date')} aria-label={`${t('date')} ${n}`} style={{ width: '100%' }} /></Form.Item></Col>
          <Col xs={24} md={18}><Form.Item {...item} name={[f.name, 'title']} rules={[...req(t('commemoration')), { max: 500 }]}><Input placeholder={t('commemoration')} aria-label={`${t('commemoration')} ${n}`} /></Form.Item></Col>
          <Col xs={24}><Form.Item {...item} name={[f.name, 'notes']} rules={[{ max: 2000 }]}><Input placeholder={t('notes')} aria-label={`${t('notes')} ${n}`} /></Form.Item></Col>
        </Row>
      )} />
    );
  } else if (part === 'fieldTrips') {
    fields = (
      <ListRows name="fieldTrips" newRow={() => ({ title: '', place: '', period: '', ownerUnitId: null, notes: '' })} render={(f, n) => (
        <Row gutter={8}>
          <Form.Item name={[f.name, 'key']} hidden><Input /></Form.Item>
          <Col xs={24}><Form.Item {...item} name={[f.name, 'title']} rules={[...req(t('fieldTrip')), { max: 500 }]}><Input placeholder={t('fieldTrip')} aria-label={`${t('fieldTrip')} ${n}`} /></Form.Item></Col>
          <Col xs={24} md={8}><Form.Item {...item} name={[f.name, 'place']} rules={[{ max: 500 }]}><Input placeholder={t('place')} aria-label={`${t('place')} ${n}`} /></Form.Item></Col>
          <Col xs={24} md={6}><Form.Item {...item} name={[f.name, 'period']} rules={[{ max: 200 }]}><Input placeholder={t('period')} aria-label={`${t('period')} ${n}`} /></Form.Item></Col>
          <Col xs={24} md={10}><Form.Item {...item} name={[f.name, 'ownerUnitId']}><Select allowClear placeholder={t('ownerUnit')} aria-label={`${t('ownerUnit')} ${n}`} options={unitOptions} /></Form.Item></Col>
          <Col xs={24}><Form.Item {...item} name={[f.name, 'notes']} rules={[{ max: 2000 }]}><Input placeholder={t('notes')} aria-label={`${t('notes')} ${n}`} /></Form.Item></Col>
        </Row>
      )} />
    );
  }

  return (
    <Modal open={!!part} title={part ? t('editPart', { part: t(`part.${part}` as DraftStringKey) }) : ''} onCancel={onClose} onOk={submit}
      okText={t('action.save')} cancelText={t('action.cancel')} confirmLoading={update.isPending} destroyOnHidden width={part === 'theme' ? 640 : 980}
      styles={{ body: { maxHeight: '70vh', overflowY: 'auto', paddingRight: 8 } }}>
      <Form form={form} layout="vertical">{fields}</Form>
    </Modal>
  );
}
