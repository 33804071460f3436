import { Button, Descriptions, Form, Input, Tag } from 'antd';
import { useFeedback } from '@/components/feedback';
import { Card } from '@/components/card';
import { PageHeader } from '@/components/page-header';
import { useT, type SharedKey } from '@/i18n/i18n';
import { applyServerErrors } from '@/lib/form-errors';
import { passwordProblem } from '@thidua/rules';
import { useMe } from '@/api/me';
import { useChangePassword } from './api/sign-in';
import { authStrings } from './i18n';
import { SessionsCard } from './sessions-card';

export function MePage() {
  const t = useT(authStrings);
  const me = useMe();
  const change = useChangePassword();
  const [form] = Form.useForm();
  const { message } = useFeedback();
  if (!me.data) return null;
  const submit = (v: { currentPassword: string; newPassword: string }) =>
    change.mutate({ currentPassword: v.currentPassword, newPassword: v.newPassword }, {
      onSuccess: () => {
        message.success(t('changed'));
        form.resetFields();
      },
      onError: (e) => {
        if (!applyServerErrors(form, e)) message.error(e.message);
      },
    });
  return (
    <>
      <PageHeader title={t('profile')} />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={1}>
          <Descriptions.Item label="Họ và tên">{me.data.fullName}</Descriptions.Item>
          <Descriptions.Item label={t('email')}>{me.data.email}</Descriptions.Item>
          <Descriptions.Item label={t('role')}>{t(`role.${me.data.role}` as SharedKey)}</Descriptions.Item>
          {me.data.unitName && <Descriptions.Item label={t('unit')}>{me.data.unitName}</Descriptions.Item>}
          {me.data.seats.length > 0 && (
            <Descriptions.Item label={t('seats')}>
              {me.data.seats.map((s) => <Tag key={s.blockYearId} color="gold">{t(`seat.${s.seat}` as SharedKey)} {s.blockName} {s.year}</Tag>)}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card title={t('changePassword')} style={{ maxWidth: 480 }}>
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="currentPassword" label={t('currentPassword')} rules={[{ required: true, message: t('passwordRequired') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item name="newPassword" label={t('newPassword')} extra={t('passwordRule')} dependencies={['currentPassword']}
            rules={[{ required: true, message: t('passwordRequired') }, ({ getFieldValue }) => ({ validator: (_, v: string) => {
              const problem = v ? passwordProblem(v, { current: getFieldValue('currentPassword') }) : null;
              return problem ? Promise.reject(new Error(`${t('newPassword')} ${problem}`)) : Promise.resolve();
            } })]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item name="confirm" label={t('confirmPassword')} dependencies={['newPassword']}
            rules={[{ required: true, message: t('passwordRequired') }, ({ getFieldValue }) => ({ validator: (_, v) => (!v || v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('mismatch')))) })]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={change.isPending}>{t('changePassword')}</Button>
        </Form>
      </Card>
      <SessionsCard />
    </>
  );
}

export { MePage as Component };
