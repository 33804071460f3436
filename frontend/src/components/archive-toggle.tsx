import { Button, Input, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useT } from '@/i18n/i18n';

/**
 * Archive (after a confirmation that also asks for an optional reason, written to the audit log)
 * or restore. Archiving hides a record from everyday lists; nothing is deleted.
 */
export function ArchiveToggle({ archived, confirmTitle, confirmBody, reasonPlaceholder, onArchive, onRestore, loading, name }: {
  archived: boolean;
  confirmTitle: string;
  confirmBody?: string;
  reasonPlaceholder: string;
  onArchive: (reason?: string) => void;
  onRestore: () => void;
  loading?: boolean;
  /** What the buttons act on, for screen readers ("Lưu trữ: Sở Nội vụ"). */
  name?: string;
}) {
  const t = useT();
  const [reason, setReason] = useState('');
  if (archived) {
    return <Button size="small" loading={loading} onClick={onRestore} aria-label={name ? `${t('action.restore')}: ${name}` : undefined}>{t('action.restore')}</Button>;
  }
  return (
    <Popconfirm
      title={confirmTitle}
      description={
        <Space orientation="vertical" style={{ maxWidth: 320 }}>
          {confirmBody}
          <Input.TextArea rows={2} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={reasonPlaceholder} aria-label={reasonPlaceholder} />
        </Space>
      }
      okText={t('action.archive')}
      cancelText={t('action.cancel')}
      okButtonProps={{ danger: true }}
      onOpenChange={(open) => open && setReason('')}
      onConfirm={() => onArchive(reason.trim() || undefined)}
    >
      <Button size="small" danger loading={loading} aria-label={name ? `${t('action.archive')}: ${name}` : undefined}>{t('action.archive')}</Button>
    </Popconfirm>
  );
}
