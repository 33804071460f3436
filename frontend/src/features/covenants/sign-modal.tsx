import { Alert, Form, Input, Modal } from 'antd';
import { useFeedback } from '@/components/feedback';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '@/api/client';
import { useT } from '@/i18n/i18n';
import { covenantKeys, useSignCovenant, type Covenant } from './api/covenants';
import { Hash } from './signing';
import { covenantStrings } from './i18n';
import { validated } from '@/lib/forms';
import { Typography } from '@/components/typography';

/**
 * The unit head signs for their unit: re-enters their password (a wrong one is shown under the field),
 * is warned when it is not their turn (the leader unit's head signs last; the server decides), and sends
 * the content hash they read so a changed content is refused.
 */
export function SignModal({ open, covenant, unitName, onClose }: { open: boolean; covenant: Covenant; unitName: string; onClose: () => void }) {
  const t = useT(covenantStrings);
  const [form] = Form.useForm<{ password: string }>();
  const [refused, setRefused] = useState<string | null>(null);
  const sign = useSignCovenant();
  const qc = useQueryClient();
  const { message } = useFeedback();
  const warning = covenant.permissions.signBlockedReason;

  const submit = async () => {
    const v = await validated(form);
    if (!v) return;
    setRefused(null);
    sign.mutate({ id: covenant.id, body: { password: v.password, ...(covenant.contentHash ? { contentHash: covenant.contentHash } : {}) } }, {
      onSuccess: (c) => {
        message.success(c.status === 'in_force' ? t('inForceOk') : t('signedOk'));
        onClose();
      },
      onError: (e) => {
        if (e instanceof ApiError && e.fields?.password) {
          // The server's own words under the field ("Mật khẩu xác nhận không đúng…").
          form.setFields([{ name: 'password', value: '', errors: [e.message] }]);
          return;
        }
        setRefused(e.message);
        if (e instanceof ApiError && e.status === 409) void qc.invalidateQueries({ queryKey: covenantKeys.detail(covenant.id) });
      },
    });
  };

  return (
    <Modal open={open} title={t('signTitle')} onCancel={onClose} onOk={submit} okText={t('sign')} cancelText={t('action.cancel')}
      confirmLoading={sign.isPending} destroyOnHidden afterClose={() => setRefused(null)}>
      <Typography.Paragraph>{t('signIntro', { doc: `${t('covenantNo', { n: covenant.docNumber })} – ${covenant.title}`, unit: unitName })}</Typography.Paragraph>
      {covenant.contentHash && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('contentHash')}: <Hash value={covenant.contentHash} /></Typography.Paragraph>
      )}
      {warning && <Alert type="warning" showIcon title={t('notYourTurn')} description={warning} style={{ marginBottom: 12 }} />}
      {refused && <Alert type="error" showIcon title={refused} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="password" label={t('signPassword')} extra={t('signPasswordHint')} rules={[{ required: true, message: t('required', { field: t('signPassword') }) }]}>
          <Input.Password autoComplete="current-password" autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
