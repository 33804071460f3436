import { Alert, Flex, Form, Input, InputNumber, Modal } from 'antd';
import { useFeedback } from '@/components/feedback';
import { useState } from 'react';
import { LazyDatePicker } from '@/components/lazy-date-picker';
import { ApiError } from '@/api/client';
import { useT } from '@/i18n/i18n';
import { applyServerErrors } from '@/lib/form-errors';
import { DATE_FORMAT, fromApiDate, toApiDate } from '@/lib/dates';
import { useCreateDisciplineFlag, useCreateUnitTitle, useUpdateDisciplineFlag, useUpdateUnitTitle, type UnitYearFilter } from './api/awards';
import { awardStrings } from './i18n';
import type { Dayjs } from 'dayjs';
import { UnitSelect, type Kind, type Row } from './records-tabs';

interface RecordForm { unitId?: string; year?: number; text: string; decisionNumber?: string; decisionDate?: Dayjs | null; note?: string }

/** Deleting a record asks why (kept in the audit log). */
export function DeleteReasonModal({ what, onDelete, onClose }: { what: string; onDelete: (reason: string) => Promise<unknown>; onClose: () => void }) {
  const t = useT(awardStrings);
  const { message } = useFeedback();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async ({ reason }: { reason: string }) => {
    setBusy(true);
    setError(null);
    try {
      await onDelete(reason.trim());
      message.success(t('deleted'));
      onClose();
    } catch (e) {
      if (!applyServerErrors(form, e)) setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('deleteTitle')} onCancel={onClose} okText={t('delete')} okButtonProps={{ danger: true }} cancelText={t('action.cancel')} onOk={() => form.submit()} confirmLoading={busy} destroyOnHidden>
      <p>{what}</p>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="reason" label={t('deleteReason')} rules={[{ required: true, whitespace: true, message: t('required') }]}><Input.TextArea rows={3} /></Form.Item>
      </Form>
    </Modal>
  );
}

export function RecordModal({ kind, record, defaults, onClose }: { kind: Kind; record: Row | null; defaults: UnitYearFilter; onClose: () => void }) {
  const t = useT(awardStrings);
  const { message } = useFeedback();
  const [form] = Form.useForm<RecordForm>();
  const createTitle = useCreateUnitTitle();
  const updateTitle = useUpdateUnitTitle();
  const createFlag = useCreateDisciplineFlag();
  const updateFlag = useUpdateDisciplineFlag();
  const [error, setError] = useState<string | null>(null);
  const textField = kind === 'titles' ? 'title' : 'reason';
  const initial: RecordForm = record
    ? { text: 'title' in record ? record.title : record.reason, decisionNumber: record.decisionNumber, decisionDate: fromApiDate(record.decisionDate), note: 'note' in record ? record.note : '' }
    : { unitId: defaults.unitId, year: defaults.year ?? new Date().getFullYear(), text: '', decisionNumber: '', decisionDate: null, note: '' };

  const submit = async (v: RecordForm) => {
    setError(null);
    const decisionDate = toApiDate(v.decisionDate) ?? null;
    try {
      if (kind === 'titles') {
        const body = { title: v.text, decisionNumber: v.decisionNumber ?? '', decisionDate, note: v.note ?? '' };
        if (record) await updateTitle.mutateAsync({ id: record.id, body: { ...body, version: record.version } });
        else await createTitle.mutateAsync({ ...body, unitId: v.unitId!, year: v.year! });
      } else {
        const body = { reason: v.text, decisionNumber: v.decisionNumber ?? '', decisionDate };
        if (record) await updateFlag.mutateAsync({ id: record.id, body: { ...body, version: record.version } });
        else await createFlag.mutateAsync({ ...body, unitId: v.unitId!, year: v.year! });
      }
      message.success(t('saved'));
      onClose();
    } catch (e) {
      const fields = e instanceof ApiError && e.fields ? Object.entries(e.fields) : [];
      const mapped = fields.map(([k, reason]) => ({ name: (k === textField ? 'text' : k) as keyof RecordForm, errors: [reason] }));
      form.setFields(mapped);
      if (!mapped.length) setError(e instanceof Error ? e.message : String(e));
    }
  };
  const busy = createTitle.isPending || updateTitle.isPending || createFlag.isPending || updateFlag.isPending;
  const title = kind === 'titles' ? (record ? t('editTitle') : t('addTitle')) : (record ? t('editFlag') : t('addFlag'));
  return (
    <Modal open title={title} onCancel={onClose} okText={t('action.save')} cancelText={t('action.cancel')} onOk={() => form.submit()} confirmLoading={busy} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={initial} onFinish={submit}>
        {!record && (
          <Flex gap={12}>
            <Form.Item name="unitId" label={t('unit')} rules={[{ required: true, message: t('required') }]} style={{ flex: 3 }}>
              <UnitSelectField />
            </Form.Item>
            <Form.Item name="year" label={t('year')} rules={[{ required: true, message: t('required') }]} style={{ flex: 1 }}>
              <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
            </Form.Item>
          </Flex>
        )}
        <Form.Item name="text" label={kind === 'titles' ? t('title') : t('flagReason')} rules={[{ required: true, whitespace: true, message: t('required') }]}>
          {kind === 'titles' ? <Input placeholder="Tập thể lao động xuất sắc" /> : <Input.TextArea rows={3} />}
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="decisionNumber" label={t('decisionNumber')} style={{ flex: 1 }}><Input placeholder="512/QĐ-UBND" /></Form.Item>
          <Form.Item name="decisionDate" label={t('decisionDate')} style={{ flex: 1 }}><LazyDatePicker format={DATE_FORMAT} style={{ width: '100%' }} /></Form.Item>
        </Flex>
        {kind === 'titles' && <Form.Item name="note" label={t('note')}><Input.TextArea rows={2} /></Form.Item>}
      </Form>
    </Modal>
  );
}

/** A unit picker usable as a Form.Item child (value/onChange injected). */
function UnitSelectField({ value, onChange }: { value?: string; onChange?: (v: string | undefined) => void }) {
  const t = useT(awardStrings);
  return <UnitSelect value={value} onChange={(v) => onChange?.(v)} label={t('unit')} allowClear={false} />;
}
