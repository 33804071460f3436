import { Alert, Flex, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useFeedback } from '@/components/feedback';
import type { FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { LazyDatePicker } from '@/components/lazy-date-picker';
import { ApiError } from '@/api/client';
import { useT } from '@/i18n/i18n';
import { DATE_FORMAT, toApiDate } from '@/lib/dates';
import { useCatalogue, useRecordAward, useRevokeAward, type AwardRecord } from './api/awards';
import { awardStrings } from './i18n';
import { UnitSelect } from './records-tabs';

interface ManualForm { unitId?: string; year: number; code?: string; decisionNumber: string; decisionDate?: Dayjs | null; signer: string; note?: string }

function setFieldErrors<T>(form: FormInstance<T>, e: unknown): boolean {
  if (!(e instanceof ApiError) || !e.fields) return false;
  const names = Object.keys(form.getFieldsValue(true));
  const fields = Object.entries(e.fields).filter(([k]) => names.includes(k)).map(([name, reason]) => ({ name: name as never, errors: [reason] }));
  form.setFields(fields);
  return fields.length > 0;
}

/** Revocation: reason and the revoking decision; the modal is the confirmation. */
export function RevokeModal({ record, onClose }: { record: AwardRecord; onClose: () => void }) {
  const t = useT(awardStrings);
  const { message } = useFeedback();
  const [form] = Form.useForm<{ reason: string; decisionNumber: string; decisionDate?: Dayjs | null }>();
  const revoke = useRevokeAward();
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: { reason: string; decisionNumber: string; decisionDate?: Dayjs | null }) => {
    setError(null);
    try {
      const r = await revoke.mutateAsync({ id: record.id, body: { reason: v.reason.trim(), decisionNumber: v.decisionNumber.trim(), decisionDate: toApiDate(v.decisionDate) ?? null } });
      message.success(t('revokedOk', { award: r.awardName, unit: r.unitName }));
      onClose();
    } catch (e) {
      if (!setFieldErrors(form, e)) setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Modal open title={t('revokeTitle')} onCancel={onClose} okText={t('revokeConfirm')} okButtonProps={{ danger: true }} cancelText={t('action.cancel')}
      onOk={() => form.submit()} confirmLoading={revoke.isPending} destroyOnHidden>
      <Alert type="warning" showIcon style={{ marginBottom: 12 }}
        title={t('revokeWarning', { award: record.awardName, year: record.year, unit: record.unitName, number: record.decisionNumber })} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ reason: '', decisionNumber: '', decisionDate: null }}>
        <Form.Item name="reason" label={t('revokeReason')} rules={[{ required: true, whitespace: true, message: t('required') }]}><Input.TextArea rows={3} /></Form.Item>
        <Flex gap={12}>
          <Form.Item name="decisionNumber" label={t('revokeNumber')} style={{ flex: 1 }} rules={[{ required: true, whitespace: true, message: t('required') }]}>
            <Input placeholder="2345/QĐ-UBND" />
          </Form.Item>
          <Form.Item name="decisionDate" label={t('revokeDate')} style={{ flex: 1 }}><LazyDatePicker format={DATE_FORMAT} style={{ width: '100%' }} /></Form.Item>
        </Flex>
      </Form>
    </Modal>
  );
}

export function ManualEntryModal({ onClose }: { onClose: () => void }) {
  const t = useT(awardStrings);
  const { message } = useFeedback();
  const [form] = Form.useForm<ManualForm>();
  const year = Form.useWatch('year', form) ?? new Date().getFullYear() - 1;
  const catalogue = useCatalogue(year);
  const record = useRecordAward();
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: ManualForm) => {
    setError(null);
    try {
      await record.mutateAsync({
        unitId: v.unitId!, year: v.year, code: v.code!, decisionNumber: v.decisionNumber.trim(), decisionDate: toApiDate(v.decisionDate) ?? '', signer: v.signer.trim(),
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      });
      message.success(t('recorded'));
      onClose();
    } catch (e) {
      if (!setFieldErrors(form, e)) setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Modal open title={t('addRecordTitle')} onCancel={onClose} okText={t('action.save')} cancelText={t('action.cancel')} onOk={() => form.submit()} confirmLoading={record.isPending} destroyOnHidden width={620}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ year: new Date().getFullYear() - 1, decisionNumber: '', signer: '', note: '' }}>
        <Form.Item name="unitId" label={t('unit')} rules={[{ required: true, message: t('required') }]}><UnitField /></Form.Item>
        <Flex gap={12}>
          <Form.Item name="year" label={t('year')} style={{ flex: 1 }} rules={[{ required: true, message: t('required') }]}>
            <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="code" label={t('award')} style={{ flex: 3 }} rules={[{ required: true, message: t('required') }]}>
            <Select loading={catalogue.isPending} options={(catalogue.data ?? []).map((a) => ({ value: a.code, label: a.name }))} />
          </Form.Item>
        </Flex>
        <Flex gap={12}>
          <Form.Item name="decisionNumber" label={t('decisionNumber')} style={{ flex: 1 }} rules={[{ required: true, whitespace: true, message: t('required') }]}>
            <Input placeholder="512/QĐ-UBND" />
          </Form.Item>
          <Form.Item name="decisionDate" label={t('decisionDate')} style={{ flex: 1 }} rules={[{ required: true, message: t('required') }]}>
            <LazyDatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Form.Item name="signer" label={t('signer')} rules={[{ required: true, whitespace: true, message: t('required') }]}>
          <Input placeholder="KT. Chủ tịch – Phó Chủ tịch UBND Thành phố" />
        </Form.Item>
        <Form.Item name="note" label={t('note')}><Input.TextArea rows={2} /></Form.Item>
      </Form>
    </Modal>
  );
}

function UnitField({ value, onChange }: { value?: string; onChange?: (v: string | undefined) => void }) {
  return <UnitSelect value={value} onChange={(v) => onChange?.(v)} allowClear={false} />;
}
