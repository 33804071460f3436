import { Button, Form, Input, Modal, Select, Space } from 'antd';
import { useFeedback } from '@/components/feedback';
import { useEffect } from 'react';
import { useMe } from '@/api/me';
import { useUnitOptions } from '@/api/units';
import { useT, type SharedKey } from '@/i18n/i18n';
import { applyServerErrors } from '@/lib/form-errors';
import { sortByVi } from '@/lib/format';
import { useCreateAccount, useUpdateAccount, type Account, type Role } from '@/api/accounts';
import { accountStrings } from './i18n';
import { generatePassword, passwordProblem, roleNeedsUnit } from '@thidua/rules';
import { validated } from '@/lib/forms';
import { searchBy } from '@/lib/search';

const ROLES: Role[] = ['admin', 'board', 'officer', 'unit_head'];

interface Values { fullName: string; email: string; role: Role; unitId?: string | null; title?: string; password?: string }

/** Create an account (with its initial password) or edit name, role, unit and title. */
export function AccountForm({ open, account, onClose }: { open: boolean; account?: Account; onClose: () => void }) {
  const t = useT(accountStrings);
  const [form] = Form.useForm<Values>();
  const me = useMe();
  const units = useUnitOptions(open);
  const create = useCreateAccount();
  const update = useUpdateAccount();
  const { message } = useFeedback();
  const role = Form.useWatch('role', form);
  const self = !!account && account.id === me.data?.id;
  // Only who may grant the admin role is offered it (the server enforces it too).
  const grantAdmin = !!me.data?.permissions.grantAdmin;
  const roleOptions = ROLES.filter((r) => grantAdmin || r !== 'admin').map((r) => ({ value: r, label: t(`role.${r}` as SharedKey) }));

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(account
      ? { fullName: account.fullName, email: account.email, role: account.role, unitId: account.unitId ?? undefined, title: account.title }
      : { fullName: '', email: '', role: 'officer', unitId: undefined, title: '', password: '' });
  }, [open, account, form]);

  const labels = { fullName: t('fullName'), email: t('email'), role: t('role'), unitId: t('unit'), title: t('jobTitle'), password: t('password') };
  const onError = (e: Error) => {
    if (!applyServerErrors(form, e, labels)) message.error(e.message);
  };

  const submit = async () => {
    const v = await validated(form);
    if (!v) return; // the form shows what is missing
    const unitId = roleNeedsUnit(v.role) ? v.unitId ?? null : null;
    if (account) {
      update.mutate({ id: account.id, body: { fullName: v.fullName, role: self ? undefined : v.role, unitId, title: v.title ?? '', version: account.version } }, {
        onSuccess: () => { message.success(t('savedOk')); onClose(); },
        onError,
      });
    } else {
      create.mutate({ fullName: v.fullName, email: v.email, role: v.role, unitId, title: v.title || undefined, password: v.password ?? '' }, {
        onSuccess: () => { message.success(t('createdOk')); onClose(); },
        onError,
      });
    }
  };

  const unitOptions = sortByVi(units.data?.items ?? [], (u) => u.name).map((u) => ({ value: u.id, label: `${u.name} (${u.shortName})` }));
  // An account's current unit may be archived meanwhile; keep it visible in the picker.
  if (account?.unitId && account.unitName && !unitOptions.some((o) => o.value === account.unitId)) unitOptions.unshift({ value: account.unitId, label: account.unitName });

  return (
    <Modal open={open} title={account ? t('editTitle') : t('createTitle')} onCancel={onClose} onOk={submit} okText={t('action.save')} cancelText={t('action.cancel')}
      confirmLoading={create.isPending || update.isPending} destroyOnHidden width={600}>
      <Form form={form} layout="vertical" requiredMark>
        <Form.Item name="fullName" label={t('fullName')} rules={[{ required: true, whitespace: true, message: t('required', { field: t('fullName') }) }, { max: 255 }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="email" label={t('email')} extra={account ? t('emailFixed') : undefined}
          rules={[{ required: true, whitespace: true, message: t('required', { field: t('email') }) }, { type: 'email', message: t('emailInvalid') }, { max: 255 }]}>
          <Input inputMode="email" autoComplete="off" disabled={!!account} />
        </Form.Item>
        <Form.Item name="role" label={t('role')} extra={self ? t('selfRole') : !grantAdmin ? t('boardNoAdmin') : undefined}
          rules={[{ required: true, message: t('required', { field: t('role') }) }]}>
          <Select options={roleOptions} disabled={self} />
        </Form.Item>
        <Form.Item name="unitId" label={t('unit')} extra={roleNeedsUnit(role) ? undefined : t('unitNotNeeded')}
          rules={[{ required: roleNeedsUnit(role), message: t('unitRequired') }]}>
          <Select options={unitOptions} showSearch={searchBy()} allowClear loading={units.isPending} disabled={!roleNeedsUnit(role)} placeholder={t('allUnits')} />
        </Form.Item>
        <Form.Item name="title" label={t('jobTitle')} rules={[{ max: 255 }]}>
          <Input placeholder="Chuyên viên" />
        </Form.Item>
        {!account && (
          <Form.Item label={t('password')} required extra={t('passwordHint')}>
            <Space.Compact style={{ width: '100%' }}>
              <Form.Item name="password" noStyle rules={[{ required: true, message: t('required', { field: t('password') }) }, { validator: (_, v: string) => { const problem = v ? passwordProblem(v) : null; return problem ? Promise.reject(new Error(`${t('password')} ${problem}`)) : Promise.resolve(); } }]}>
                <Input.Password autoComplete="new-password" aria-label={t('password')} visibilityToggle />
              </Form.Item>
              <Button onClick={() => form.setFieldsValue({ password: generatePassword() })}>{t('generate')}</Button>
            </Space.Compact>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
