import { Button } from 'antd';
import { useState } from 'react';
import { lazyDialog } from '@/components/lazy-dialog';
import type { ReasonDialogProps } from './reason-dialog';

const ReasonDialog = lazyDialog(() => import('./reason-dialog').then((m) => m.ReasonDialog), (p) => p.open);

/**
 * A danger button that opens a dialog asking for a required reason (it goes to the audit log), then runs
 * `onConfirm(reason)`; the dialog closes when that resolves and stays open, showing nothing new, when it
 * rejects (the caller reports the error). The dialog's code loads when it first opens.
 */
export function ReasonButton({ label, onConfirm, ...dialog }: Pick<ReasonDialogProps, 'title' | 'body' | 'okText' | 'reasonLabel' | 'requiredMessage' | 'loading'> & {
  label: string;
  onConfirm: (reason: string) => Promise<unknown>;
}) {
  const [open, setOpen] = useState(false);
  const [openCount, setOpenCount] = useState(0);
  return (
    <>
      <Button danger onClick={() => { setOpenCount((n) => n + 1); setOpen(true); }}>{label}</Button>
      <ReasonDialog {...dialog} open={open} openCount={openCount} onCancel={() => setOpen(false)}
        onConfirm={(reason) => void onConfirm(reason).then(() => setOpen(false), () => undefined)} />
    </>
  );
}
