import { Checkbox, Form, Input, Modal, Select } from 'antd';
import { useFeedback } from '@/components/feedback';
import { useT } from '@/i18n/i18n';
import { applyServerErrors } from '@/lib/form-errors';
import { useAddSection, useCreateDraft, type DraftDocument, type DraftKind, type DraftVersion } from './api/drafts';
import { draftStrings, type DraftStringKey } from './i18n';
import { validated } from '@/lib/forms';

export function CreateDraftModal({ open, kind, blockYearId, onCreated, onClose }: { open: boolean; kind: DraftKind; blockYearId: string; onCreated: (doc: DraftDocument) => void; onClose: () => void }) {
  const t = useT(draftStrings);
  const [form] = Form.useForm<{ title?: string; copyFromPreviousYear: boolean }>();
  const create = useCreateDraft();
  const { message } = useFeedback();
  const submit = async () => {
    const v = await validated(form);
    if (!v) return;
    create.mutate({ blockYearId, kind, title: v.title?.trim() || undefined, copyFromPreviousYear: !!v.copyFromPreviousYear }, {
      onSuccess: (doc) => {
        message.success(t('createdOk'));
        onCreated(doc);
        onClose();
      },
      onError: (e) => {
        if (!applyServerErrors(form, e, { title: t('createTitleField') })) message.error(e.message);
      },
    });
  };
  return (
    <Modal open={open} title={t('createTitle', { kind: t(`kindName.${kind}` as DraftStringKey) })} onCancel={onClose} onOk={submit}
      okText={t('action.create')} cancelText={t('action.cancel')} confirmLoading={create.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ title: '', copyFromPreviousYear: true }}>
        <Form.Item name="title" label={t('createTitleField')} extra={t('createTitleHint')} rules={[{ max: 500 }]}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="copyFromPreviousYear" valuePropName="checked">
          <Checkbox>{t('copyPrevious')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function AddSectionModal({ open, version, onClose }: { open: boolean; version: DraftVersion; onClose: () => void }) {
  const t = useT(draftStrings);
  const [form] = Form.useForm<{ heading: string; body?: string; afterKey?: string }>();
  const add = useAddSection();
  const { message } = useFeedback();
  const submit = async () => {
    const v = await validated(form);
    if (!v) return;
    add.mutate({ versionId: version.id, body: { heading: v.heading.trim(), body: v.body ?? '', ...(v.afterKey ? { afterKey: v.afterKey } : {}) } }, {
      onSuccess: () => {
        message.success(t('sectionAdded'));
        onClose();
      },
      onError: (e) => {
        if (!applyServerErrors(form, e, { heading: t('sectionHeading'), body: t('sectionBody'), afterKey: t('addAfter') })) message.error(e.message);
      },
    });
  };
  return (
    <Modal open={open} title={t('addSectionTitle')} onCancel={onClose} onOk={submit} okText={t('action.save')} cancelText={t('action.cancel')}
      confirmLoading={add.isPending} destroyOnHidden width={760}>
      <Form form={form} layout="vertical" initialValues={{ heading: '', body: '', afterKey: undefined }}>
        <Form.Item name="heading" label={t('sectionHeading')} rules={[{ required: true, whitespace: true, message: t('requiredField', { field: t('sectionHeading') }) }, { max: 500 }]}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="body" label={t('sectionBody')}>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 16 }} />
        </Form.Item>
        <Form.Item name="afterKey" label={t('addAfter')}>
          <Select allowClear placeholder={t('addAtEnd')} options={version.sections.map((s) => ({ value: s.key, label: s.heading }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
