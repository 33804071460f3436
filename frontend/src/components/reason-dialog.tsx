import { Input, Modal } from 'antd';
import { useId, useState } from 'react';
import { useT } from '@/i18n/i18n';
import { Typography } from '@/components/typography';

export interface ReasonDialogProps {
  open: boolean;
  title: string;
  body: string;
  okText: string;
  reasonLabel: string;
  requiredMessage: string;
  loading: boolean;
  /** Opened again: the reason starts empty. */
  openCount: number;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}

/** The dialog of `ReasonButton` (loaded when first opened): a required reason, then OK. */
export function ReasonDialog({ open, title, body, okText, reasonLabel, requiredMessage, loading, openCount, onConfirm, onCancel }: ReasonDialogProps) {
  const t = useT();
  const [reason, setReason] = useState({ text: '', missing: false, openCount });
  const fieldId = useId();
  if (reason.openCount !== openCount) setReason({ text: '', missing: false, openCount });
  const confirm = () => (reason.text.trim() ? onConfirm(reason.text.trim()) : setReason({ ...reason, missing: true }));
  return (
    <Modal open={open} title={title} okText={okText} cancelText={t('action.cancel')} okButtonProps={{ danger: true, loading }} onOk={confirm} onCancel={onCancel} destroyOnHidden>
      <Typography.Paragraph>{body}</Typography.Paragraph>
      <label htmlFor={fieldId} style={{ display: 'block', marginBottom: 4 }}>{reasonLabel}</label>
      <Input.TextArea id={fieldId} rows={3} maxLength={2000} value={reason.text} status={reason.missing ? 'error' : undefined}
        onChange={(e) => setReason({ ...reason, text: e.target.value, missing: false })} />
      {reason.missing && <Typography.Text type="danger" role="alert">{requiredMessage}</Typography.Text>}
    </Modal>
  );
}
