import { Alert, Form, Input, Modal } from 'antd';
import { useFeedback } from '@/components/feedback';
import { useT } from '@/i18n/i18n';
import { formatDate } from '@/lib/format';
import { useUpdateLetter, type Proposal } from './api/proposals';
import { parseVnDate } from './dates';
import { proposalStrings } from './i18n';

interface LetterForm { number: string; date: string; recipient: string; paragraphs: string; closing: string; signerName: string }

export function LetterModal({ p, onClose }: { p: Proposal; onClose: () => void }) {
  const t = useT(proposalStrings);
  const { message } = useFeedback();
  const [form] = Form.useForm<LetterForm>();
  const save = useUpdateLetter(p.id);
  const l = p.letter;
  const onFinish = (v: LetterForm) => {
    save.mutate(
      {
        version: p.version,
        number: v.number,
        date: v.date.trim() ? parseVnDate(v.date) : null,
        recipient: v.recipient,
        paragraphs: v.paragraphs.split(/\n\s*\n/).map((x) => x.trim()).filter(Boolean),
        closing: v.closing,
        signerName: v.signerName,
      },
      { onSuccess: () => { void message.success(t('letterSaved')); onClose(); } },
    );
  };
  return (
    <Modal open title={t('editLetter')} onCancel={onClose} onOk={() => form.submit()} okText={t('action.save')} cancelText={t('action.cancel')} confirmLoading={save.isPending} width={720} destroyOnHidden>
      {save.isError && <Alert type="error" showIcon title={save.error.message} style={{ marginBottom: 12 }} />}
      <Form<LetterForm>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ number: l.number, date: l.date ? formatDate(l.date) : '', recipient: l.recipient, paragraphs: l.paragraphs.join('\n\n'), closing: l.closing, signerName: l.signerName }}
      >
        <Form.Item name="number" label={t('letterNo')} rules={[{ required: true, message: t('required') }]}><Input /></Form.Item>
        <Form.Item
          name="date" label={t('letterDate')} extra={t('letterDateHint')}
          rules={[{ validator: (_, v: string) => (!v?.trim() || parseVnDate(v) ? Promise.resolve() : Promise.reject(new Error(t('dateFormat')))) }]}
        >
          <Input placeholder={t('dateFormat')} />
        </Form.Item>
        <Form.Item name="recipient" label={t('recipient')} rules={[{ required: true, message: t('required') }]}><Input.TextArea autoSize /></Form.Item>
        <Form.Item name="paragraphs" label={t('paragraphs')} rules={[{ required: true, message: t('required') }]}><Input.TextArea autoSize={{ minRows: 4 }} /></Form.Item>
        <Form.Item name="closing" label={t('closing')}><Input.TextArea autoSize /></Form.Item>
        <Form.Item name="signerName" label={t('signer')} rules={[{ required: true, message: t('required') }]}><Input /></Form.Item>
      </Form>
    </Modal>
  );
}
