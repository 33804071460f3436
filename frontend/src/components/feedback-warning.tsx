import { Modal } from 'antd';
import { useState } from 'react';
import type { Warning } from './feedback';

/** The warning dialog of `modal.warning` (the kit's Modal, loaded when the first warning shows): one OK button. */
export default function FeedbackWarning({ warning, onClose }: { warning: Warning; onClose: () => void }) {
  const [open, setOpen] = useState(true);
  return (
    <Modal open={open} title={warning.title} onOk={() => setOpen(false)} onCancel={() => setOpen(false)} afterClose={onClose} footer={(_, { OkBtn }) => <OkBtn />} width={416}>
      {warning.content}
    </Modal>
  );
}
