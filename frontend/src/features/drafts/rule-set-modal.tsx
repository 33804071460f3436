import { Form, Modal } from 'antd';
import { useFeedback } from '@/components/feedback';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { RuleSetFields } from '@/components/rule-set/rule-set-fields';
import { useT } from '@/i18n/i18n';
import { applyServerErrors } from '@/lib/form-errors';
import { draftKeys, useUpdateVersion, type DraftVersion } from './api/drafts';
import { draftStrings } from './i18n';
import { isStale, withFieldPrefix } from './server-errors';
import { validated } from '@/lib/forms';

/** Edits the draft's rule set with the block year's rule-set fields (form field `rules`, API field `ruleSet`). */
export function RuleSetModal({ open, version, onClose }: { open: boolean; version: DraftVersion; onClose: () => void }) {
  const t = useT(draftStrings);
  const [form] = Form.useForm();
  const update = useUpdateVersion();
  const qc = useQueryClient();
  const { message, modal } = useFeedback();

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
      onError: (e) => {
        if (isStale(e)) {
          onClose();
          void qc.invalidateQueries({ queryKey: draftKeys.version(version.id) });
          modal.warning({ title: t('staleVersionTitle'), content: <><p>{e.message}</p><p>{t('staleVersionReloaded')}</p></> });
          return;
        }
        if (!applyServerErrors(form, withFieldPrefix(e, 'ruleSet', 'rules'))) message.error(e.message);
      },
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
