import { Alert, Form, Input, Modal } from 'antd';
import { useFeedback } from '@/components/feedback';
import { useEffect } from 'react';
import { useT } from '@/i18n/i18n';
import { applyServerErrors } from '@/lib/form-errors';
import { useSaveUnit, type Unit } from '@/api/units';
import { unitStrings } from './i18n';
import { validated } from '@/lib/forms';

const PHONE = /^[0-9+().\s-]*$/;
const CONTACT_FIELDS = ['address', 'phone', 'email'] as const;

/**
 * Create or edit a unit. `contactOnly`: a unit's own officer or head, who may change only the
 * address, phone and email (the server enforces it too), so only those fields are shown and sent.
 */
export function UnitForm({ open, unit, contactOnly = false, onClose }: { open: boolean; unit?: Unit; contactOnly?: boolean; onClose: () => void }) {
  const t = useT(unitStrings);
  const [form] = Form.useForm();
  const save = useSaveUnit();
  const { message } = useFeedback();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(unit
      ? { name: unit.name, shortName: unit.shortName, parentAgency: unit.parentAgency, address: unit.address, phone: unit.phone, email: unit.email }
      : { name: '', shortName: '', parentAgency: '', address: '', phone: '', email: '' });
  }, [open, unit, form]);

  const required = (field: string) => ({ required: true, whitespace: true, message: t('required', { field }) });

  const submit = async () => {
    const values = await validated(form);
    if (!values) return; // the form shows what is missing
    const body = contactOnly ? Object.fromEntries(CONTACT_FIELDS.map((k) => [k, values[k] ?? ''])) : values;
    save.mutate({ id: unit?.id, body: unit ? { ...body, version: unit.version } : body }, {
      onSuccess: () => {
        message.success(t('savedOk'));
        onClose();
      },
      onError: (e) => {
        if (!applyServerErrors(form, e, { name: t('name'), shortName: t('shortName'), parentAgency: t('parentAgency'), address: t('address'), phone: t('phone'), email: t('email') })) message.error(e.message);
      },
    });
  };

  return (
    <Modal open={open} title={contactOnly ? t('editContactTitle') : unit ? t('editTitle') : t('createTitle')} onCancel={onClose} onOk={submit}
      okText={t('action.save')} cancelText={t('action.cancel')} confirmLoading={save.isPending} destroyOnHidden width={600}>
      <Form form={form} layout="vertical" requiredMark>
        {contactOnly ? (
          <Alert type="info" showIcon title={unit?.name} description={t('contactHint')} style={{ marginBottom: 16 }} />
        ) : (
          <>
            <Form.Item name="name" label={t('name')} rules={[required(t('name')), { max: 255 }]}>
              <Input />
            </Form.Item>
            <Form.Item name="shortName" label={t('shortName')} rules={[required(t('shortName')), { max: 64 }]}>
              <Input />
            </Form.Item>
            <Form.Item name="parentAgency" label={t('parentAgency')} rules={[{ max: 255 }]}>
              <Input placeholder="UBND thành phố Hà Nội" />
            </Form.Item>
          </>
        )}
        <Form.Item name="address" label={t('address')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="phone" label={t('phone')} rules={[{ max: 32 }, { pattern: PHONE, message: t('phoneInvalid') }]}>
          <Input inputMode="tel" placeholder="024 3825 1234" />
        </Form.Item>
        <Form.Item name="email" label={t('email')} rules={[{ type: 'email', message: t('emailInvalid') }, { max: 255 }]}>
          <Input inputMode="email" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
