import { Form, Input, Modal, Select } from 'antd';
import { useFeedback } from '@/components/feedback';
import { useEffect } from 'react';
import { useT } from '@/i18n/i18n';
import { applyServerErrors } from '@/lib/form-errors';
import { useSaveBlock, type Block } from '@/api/blocks';
import { blockStrings } from './i18n';
import { validated } from '@/lib/forms';

export function BlockForm({ open, block, onClose }: { open: boolean; block?: Block; onClose: () => void }) {
  const t = useT(blockStrings);
  const [form] = Form.useForm();
  const save = useSaveBlock();
  const { message } = useFeedback();

  useEffect(() => {
    if (open) form.setFieldsValue(block ?? { code: '', name: '', kind: 'khoi', description: '' });
  }, [open, block, form]);

  const submit = async () => {
    const values = await validated(form);
    if (!values) return;
    save.mutate({ id: block?.id, body: { ...values, version: block?.version } }, {
      onSuccess: () => {
        message.success(t('savedOk'));
        onClose();
      },
      onError: (e) => {
        if (!applyServerErrors(form, e, { code: t('code'), name: t('name') })) message.error(e.message);
      },
    });
  };

  return (
    <Modal open={open} title={block ? t('editTitle') : t('createTitle')} onCancel={onClose} onOk={submit} okText={t('action.save')} cancelText={t('action.cancel')} confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" requiredMark>
        <Form.Item name="code" label={t('code')} extra={t('codeHint')} rules={[{ required: true, message: `${t('code')} không được để trống` }, { max: 32 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="name" label={t('name')} rules={[{ required: true, message: `${t('name')} không được để trống` }, { max: 255 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="kind" label={t('kind')} rules={[{ required: true }]}>
          <Select options={[{ value: 'khoi', label: t('kind.khoi') }, { value: 'cum', label: t('kind.cum') }]} />
        </Form.Item>
        <Form.Item name="description" label={t('description')}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
