import { Alert, Form, Input, Modal } from 'antd';
import { useFeedback } from '@/components/feedback';
import { useT } from '@/i18n/i18n';
import { runMutation } from '@/lib/mutation';
import { useReturnProposal, type Proposal } from './api/proposals';
import { proposalStrings } from './i18n';

export function ReturnModal({ p, onClose }: { p: Proposal; onClose: () => void }) {
  const t = useT(proposalStrings);
  const { message } = useFeedback();
  const [form] = Form.useForm<{ reason: string }>();
  const ret = useReturnProposal(p.id);
  return (
    <Modal open title={t('returnProposal')} onCancel={onClose} onOk={() => form.submit()} okText={t('returnProposal')} okButtonProps={{ danger: true }} cancelText={t('action.cancel')} confirmLoading={ret.isPending} destroyOnHidden>
      {ret.isError && <Alert type="error" showIcon title={ret.error.message} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => runMutation(ret, v.reason.trim(), () => { void message.success(t('returnedOk')); onClose(); })}>
        <Form.Item name="reason" label={t('returnReason')} rules={[{ required: true, whitespace: true, message: t('returnReasonRequired') }]}>
          <Input.TextArea autoSize={{ minRows: 3 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
