import { Form, Input, Modal } from 'antd';
import { useFeedback } from '@/components/feedback';
import type { Dayjs } from 'dayjs';
import { LazyDatePicker } from '@/components/lazy-date-picker';
import { useT } from '@/i18n/i18n';
import { formatDateTime } from '@/lib/format';
import { useExtendDeadline, useReturnAssessment, useSendReminders, type ProgressUnit, type Round } from './api/rounds';
import { roundStrings } from './i18n';
import { DATE_TIME_FORMAT, toApiDateTime } from './labels';
import { Typography } from '@/components/typography';

export function ExtendModal({ round, unit, onClose }: { round: Round; unit: ProgressUnit; onClose: () => void }) {
  const t = useT(roundStrings);
  const { message } = useFeedback();
  const [form] = Form.useForm<{ until: Dayjs | null; reason: string }>();
  const extend = useExtendDeadline();
  const submit = async (v: { until: Dayjs | null; reason: string }) => {
    const until = toApiDateTime(v.until)!;
    try {
      await extend.mutateAsync({ id: round.id, body: { unitId: unit.unitId, until, reason: v.reason.trim() } });
      message.success(t('extended', { unit: unit.unitName, time: formatDateTime(until) }));
      onClose();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Modal open title={t('extendTitle', { unit: unit.unitName })} onCancel={onClose} onOk={() => form.submit()} okText={t('extend')} cancelText={t('action.cancel')} confirmLoading={extend.isPending}>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Typography.Paragraph type="secondary">{t('extendHint', { time: formatDateTime(round.reviewUntil) })}</Typography.Paragraph>
        <Form.Item name="until" label={t('extendUntil')} rules={[{ required: true, message: t('required', { field: t('extendUntil') }) }]}>
          <LazyDatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format={DATE_TIME_FORMAT} placeholder={t('dateTimePlaceholder')} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="reason" label={t('extendReason')} rules={[{ required: true, whitespace: true, message: t('reasonRequired') }, { max: 1000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Trả lại a submitted (or awaiting) self-assessment with a reason; used here and on the assessment page. */
export function ReturnModal({ roundId, unitId, unitName, onClose }: { roundId: string; unitId: string; unitName: string; onClose: () => void }) {
  const t = useT(roundStrings);
  const { message } = useFeedback();
  const [form] = Form.useForm<{ reason: string }>();
  const ret = useReturnAssessment();
  const submit = async (v: { reason: string }) => {
    try {
      await ret.mutateAsync({ roundId, unitId, reason: v.reason.trim() });
      message.success(t('returned', { unit: unitName }));
      onClose();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Modal open title={t('returnTitle', { unit: unitName })} onCancel={onClose} onOk={() => form.submit()} okText={t('returnAction')} okButtonProps={{ danger: true }} cancelText={t('action.cancel')} confirmLoading={ret.isPending}>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Typography.Paragraph type="secondary">{t('returnHint')}</Typography.Paragraph>
        <Form.Item name="reason" label={t('returnReason')} rules={[{ required: true, whitespace: true, message: t('reasonRequired') }, { max: 2000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function RemindModal({ roundId, unit, all, onClose }: { roundId: string; unit: ProgressUnit | null; all: ProgressUnit[]; onClose: () => void }) {
  const t = useT(roundStrings);
  const { message } = useFeedback();
  const [form] = Form.useForm<{ message: string }>();
  const send = useSendReminders();
  const submit = async (v: { message: string }) => {
    const text = v.message?.trim();
    try {
      const r = await send.mutateAsync({ id: roundId, body: { ...(unit ? { unitIds: [unit.unitId] } : {}), ...(text ? { message: text } : {}) } });
      message.success(t('reminded', { n: r.sent }));
      onClose();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Modal open title={unit ? t('remindTitle', { unit: unit.unitName }) : t('remindAllTitle')} onCancel={onClose} onOk={() => form.submit()} okText={t('send')} cancelText={t('action.cancel')} confirmLoading={send.isPending}>
      <Form form={form} layout="vertical" onFinish={submit}>
        {!unit && <Typography.Paragraph>{t('remindAllBody', { units: all.map((u) => u.unitName).join('; ') })}</Typography.Paragraph>}
        <Form.Item name="message" label={t('remindMessage')} extra={t('remindMessageHint')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
