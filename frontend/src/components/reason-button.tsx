import { Button, Input, Modal } from 'antd';
import { useId, useState } from 'react';
import { useT } from '@/i18n/i18n';
import { Typography } from '@/components/typography';

/**
 * A danger button that opens a dialog asking for a required reason (it goes to the audit log), then runs
 * `onConfirm(reason)`; the dialog closes when that resolves and stays open, showing nothing new, when it
 * rejects (the caller reports the error).
 */
export function ReasonButton({ label, title, body, okText, reasonLabel, requiredMessage, loading, onConfirm }: {
  label: string;
  title: string;
  body: string;
  okText: string;
  reasonLabel: string;
  requiredMessage: string;
  loading: boolean;
  onConfirm: (reason: string) => Promise<unknown>;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const fieldId = useId();
  const confirm = () => {
    if (!reason.trim()) return setMissing(true);
    onConfirm(reason.trim()).then(() => setOpen(false), () => undefined);
  };
  return (
    <>
      <Button danger onClick={() => { setReason(''); setMissing(false); setOpen(true); }}>{label}</Button>
      <Modal open={open} title={title} okText={okText} cancelText={t('action.cancel')} okButtonProps={{ danger: true, loading }} onOk={confirm} onCancel={() => setOpen(false)} destroyOnHidden>
        <Typography.Paragraph>{body}</Typography.Paragraph>
        <label htmlFor={fieldId} style={{ display: 'block', marginBottom: 4 }}>{reasonLabel}</label>
        <Input.TextArea id={fieldId} rows={3} maxLength={2000} value={reason} status={missing ? 'error' : undefined}
          onChange={(e) => { setReason(e.target.value); setMissing(false); }} />
        {missing && <Typography.Text type="danger" role="alert">{requiredMessage}</Typography.Text>}
      </Modal>
    </>
  );
}
