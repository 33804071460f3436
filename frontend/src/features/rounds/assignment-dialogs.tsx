import { Form, Input, InputNumber, Modal, Select } from 'antd';
import { useFeedback } from '@/components/feedback';
import { useT } from '@/i18n/i18n';
import { useGenerateAssignments, useReassign, useRecuse, type Assignment, type Round } from './api/rounds';
import { roundStrings } from './i18n';
import { Typography } from '@/components/typography';

export function GenerateModal({ roundId, regenerate, onClose }: { roundId: string; regenerate: boolean; onClose: () => void }) {
  const t = useT(roundStrings);
  const { message } = useFeedback();
  const [form] = Form.useForm<{ seed?: number | null }>();
  const generate = useGenerateAssignments();
  const submit = async (v: { seed?: number | null }) => {
    try {
      await generate.mutateAsync({ id: roundId, seed: v.seed ?? undefined });
      message.success(t('generated'));
      onClose();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Modal open title={t('generateTitle')} onCancel={onClose} onOk={() => form.submit()} okText={regenerate ? t('regenerate') : t('generate')} cancelText={t('action.cancel')} confirmLoading={generate.isPending}>
      <Form form={form} layout="vertical" onFinish={submit}>
        {regenerate && <Typography.Paragraph type="warning">{t('regenerateBody')}</Typography.Paragraph>}
        <Form.Item name="seed" label={t('seed')} extra={t('seedHint')}>
          <InputNumber min={0} precision={0} style={{ width: 200 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function RecuseModal({ a, onClose }: { a: Assignment; onClose: () => void }) {
  const t = useT(roundStrings);
  const { message } = useFeedback();
  const [form] = Form.useForm<{ reason: string }>();
  const recuse = useRecuse();
  const submit = async (v: { reason: string }) => {
    try {
      await recuse.mutateAsync({ id: a.id, reason: v.reason.trim() });
      message.success(t('recused'));
      onClose();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Modal open title={t('recuseTitle', { unit: a.revieweeUnitName })} onCancel={onClose} onOk={() => form.submit()} okText={t('recuse')} cancelText={t('action.cancel')} confirmLoading={recuse.isPending}>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="reason" label={t('recuseReason')} rules={[{ required: true, whitespace: true, message: t('reasonRequired') }, { max: 2000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ReassignModal({ a, round, all, onClose }: { a: Assignment; round: Round; all: Assignment[]; onClose: () => void }) {
  const t = useT(roundStrings);
  const { message } = useFeedback();
  const [form] = Form.useForm<{ unitId?: string }>();
  const reassign = useReassign();
  // Not the reviewed unit itself, not one already reviewing it, not one that recused from it.
  const excluded = new Set([a.revieweeUnitId, ...all.filter((x) => x.revieweeUnitId === a.revieweeUnitId).map((x) => x.reviewerUnitId)]);
  const submit = async (v: { unitId?: string }) => {
    try {
      await reassign.mutateAsync({ id: a.id, unitId: v.unitId || undefined });
      message.success(t('reassigned'));
      onClose();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Modal open title={t('reassignTitle', { unit: a.revieweeUnitName })} onCancel={onClose} onOk={() => form.submit()} okText={t('reassign')} cancelText={t('action.cancel')} confirmLoading={reassign.isPending}>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="unitId" label={t('reassignUnit')}>
          <Select allowClear placeholder={t('reassignAuto')} options={round.units.filter((u) => !excluded.has(u.id)).map((u) => ({ value: u.id, label: u.name }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
