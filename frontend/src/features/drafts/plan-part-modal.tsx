import { Button, Col, Flex, Form, Input, Modal, Row, Select } from 'antd';
import { useFeedback } from '@/components/feedback';
import { useEffect, type ReactNode } from 'react';
import type { BlockYear } from '@/api/block-years';
import { LazyDatePicker } from '@/components/lazy-date-picker';
import { useT } from '@/i18n/i18n';
import { DATE_FORMAT, fromApiDate, toApiDate } from '@/lib/dates';
import { useUpdateVersion, type DraftVersion, type PlanData, type PlanDataInput } from './api/drafts';
import { draftStrings, type DraftStringKey } from './i18n';
import { useVersionSaveError } from './version-save-error';
import { validated } from '@/lib/forms';
import { planInput, type PlanPart } from './plan-parts';
import { Typography } from '@/components/typography';

type Members = BlockYear['members'];

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
  const { message } = useFeedback();
  const onSaveError = useVersionSaveError(version.id, onClose);
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
      onError: (e) => onSaveError(e, form, 'plan', ''),
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
