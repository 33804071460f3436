import { Button, Form, Input, Modal, Space } from 'antd';
import { useFeedback } from '@/components/feedback';
import { useEffect } from 'react';
import { useT } from '@/i18n/i18n';
import { applyServerErrors } from '@/lib/form-errors';
import { useResetPassword, type Account } from '@/api/accounts';
import { accountStrings } from './i18n';
import { generatePassword, passwordProblem } from '@thidua/rules';
import { validated } from '@/lib/forms';

/** Sets a new password; the server also clears the wrong-password waits and ends the user's sessions. */
export function ResetPasswordModal({ account, onClose }: { account?: Account; onClose: () => void }) {
  const t = useT(accountStrings);
  const [form] = Form.useForm<{ newPassword: string }>();
  const reset = useResetPassword();
  const { message } = useFeedback();

  useEffect(() => {
    if (account) form.setFieldsValue({ newPassword: generatePassword() });
  }, [account, form]);

  const submit = async () => {
    const values = await validated(form);
    if (!values) return; // the form shows what is missing
    const { newPassword } = values;
    reset.mutate({ id: account!.id, newPassword }, {
      onSuccess: () => { message.success(t('resetOk')); onClose(); },
      onError: (e) => { if (!applyServerErrors(form, e, { newPassword: t('newPassword') })) message.error(e.message); },
    });
  };

  return (
    <Modal open={!!account} title={account ? t('resetTitle', { name: account.fullName }) : ''} onCancel={onClose} onOk={submit}
      okText={t('resetPassword')} cancelText={t('action.cancel')} confirmLoading={reset.isPending} destroyOnHidden>
      <p>{t('resetHint')}</p>
      <Form form={form} layout="vertical">
        <Form.Item label={t('newPassword')} required extra={t('resetPasswordHint')}>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="newPassword" noStyle rules={[{ required: true, message: t('required', { field: t('newPassword') }) }, { validator: (_, v: string) => { const problem = v ? passwordProblem(v) : null; return problem ? Promise.reject(new Error(`${t('newPassword')} ${problem}`)) : Promise.resolve(); } }]}>
              <Input autoComplete="new-password" aria-label={t('newPassword')} />
            </Form.Item>
            <Button onClick={() => form.setFieldsValue({ newPassword: generatePassword() })}>{t('generate')}</Button>
          </Space.Compact>
        </Form.Item>
      </Form>
    </Modal>
  );
}
