import { Alert, Button, Descriptions, Form, Input, Modal } from 'antd';
import { useFeedback } from '@/components/feedback';
import { Card } from '@/components/card';
import { useState } from 'react';
import { useT } from '@/i18n/i18n';
import { formatDate } from '@/lib/format';
import { useUpdateLetter, type Proposal } from './api/proposals';
import { parseVnDate } from './dates';
import { proposalStrings } from './i18n';

interface LetterForm { number: string; date: string; recipient: string; paragraphs: string; closing: string; signerName: string }

/** The submission letter (tờ trình); the leader or deputy seat edits it while the dossier is drafted or returned. */
export function LetterSection({ p }: { p: Proposal }) {
  const t = useT(proposalStrings);
  const [editing, setEditing] = useState(false);
  const l = p.letter;
  return (
    <Card
      size="small"
      title={t('letter')}
      extra={p.permissions.canEdit && <Button onClick={() => setEditing(true)}>{t('editLetter')}</Button>}
    >
      <Descriptions size="small" column={1} items={[
        { key: 'n', label: t('letterNo'), children: l.number },
        { key: 'd', label: t('letterDate'), children: l.date ? formatDate(l.date) : t('letterDateHint') },
        { key: 'r', label: t('recipient'), children: l.recipient },
        { key: 'p', label: t('content'), children: <div>{l.paragraphs.map((x, i) => <p key={i} style={{ margin: '0 0 6px' }}>{x}</p>)}</div> },
        { key: 'c', label: t('closing'), children: l.closing },
        { key: 's', label: t('signer'), children: l.signerName },
      ]} />
      {editing && <LetterModal p={p} onClose={() => setEditing(false)} />}
    </Card>
  );
}

function LetterModal({ p, onClose }: { p: Proposal; onClose: () => void }) {
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
