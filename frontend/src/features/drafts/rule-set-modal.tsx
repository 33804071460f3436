import { Form, Modal } from 'antd';
import { useFeedback } from '@/components/feedback';
import { useEffect } from 'react';
import { RuleSetFields } from '@/components/rule-set/rule-set-fields';
import { useT } from '@/i18n/i18n';
import { useUpdateVersion, type DraftVersion } from './api/drafts';
import { draftStrings } from './i18n';
import { useVersionSaveError } from './version-save-error';
import { validated } from '@/lib/forms';

/** Edits the draft's rule set with the block year's rule-set fields (form field `rules`, API field `ruleSet`). */
export function RuleSetModal({ open, version, onClose }: { open: boolean; version: DraftVersion; onClose: () => void }) {
  const t = useT(draftStrings);
  const [form] = Form.useForm();
  const update = useUpdateVersion();
  const { message } = useFeedback();
  const onSaveError = useVersionSaveError(version.id, onClose);

  useEffect(() => {
    if (open && version.ruleSet) {
      form.resetFields();
      form.setFieldsValue({ rules: structuredClone(version.ruleSet) });
    }
  }, [open, form]); // only when the editor opens

  const submit = async () => {
    const v = await validated(form);
    if (!v) return;
    update.mutate({ versionId: version.id, body: { ruleSet: form.getFieldValue('rules'), version: version.version } }, {
      onSuccess: () => {
        message.success(t('ruleSetSaved'));
        onClose();
      },
      onError: (e) => onSaveError(e, form, 'ruleSet', 'rules'),
    });
  };

  return (
    <Modal open={open} title={`${t('editRuleSet')} · ${t('versionOption', { n: version.number })}`} onCancel={onClose} onOk={submit} okText={t('action.save')}
      cancelText={t('action.cancel')} confirmLoading={update.isPending} destroyOnHidden width={920} styles={{ body: { maxHeight: '70vh', overflowY: 'auto', paddingRight: 8 } }}>
      <Form form={form} layout="vertical" requiredMark>
        <RuleSetFields />
      </Form>
    </Modal>
  );
}
