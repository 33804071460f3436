import { Form, Input, Modal, Select } from 'antd';
import { useFeedback } from '@/components/feedback';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiError } from '@/api/client';
import { useT, type SharedKey } from '@/i18n/i18n';
import { applyServerErrors } from '@/lib/form-errors';
import { useUpdateBlockYear, type BlockYear } from '@/api/block-years';
import { blockYearStrings } from './i18n';
import { fromFormRows, LegalBasisFields, toFormRows } from './legal-basis-fields';
import { MemberFields } from './member-fields';
import { RuleSetFields } from '@/components/rule-set/rule-set-fields';
import { validated } from '@/lib/forms';

export type EditSection = 'setup' | 'legalBasis' | 'rules';
export const STATUSES: BlockYear['status'][] = ['setup', 'planning', 'signed', 'in_progress', 'year_end', 'submitted', 'decided', 'archived'];

/**
 * Edits one part of a block year: set-up (members, seats, status: the board), or legal basis or rule
 * set (whoever `permissions.canEditRules` allows). Always sends the version it edited; when someone
 * else saved first (409 stale_version) it shows the server's message and reloads the year.
 */
export function BlockYearEditModal({ year: current, section, onClose }: { year: BlockYear; section: EditSection | null; onClose: () => void }) {
  const t = useT(blockYearStrings);
  // The year as it was when the editor opened: its values fill the form and its version is the one
  // sent, so a refetch meanwhile neither wipes the user's edits nor hides someone else's change.
  const [year, setYear] = useState(current);
  const [form] = Form.useForm();
  const update = useUpdateBlockYear();
  const qc = useQueryClient();
  const { message, modal } = useFeedback();

  useEffect(() => {
    if (!section) return;
    setYear(current);
    form.resetFields();
    if (section === 'setup') {
      form.setFieldsValue({ memberUnitIds: current.members.map((m) => m.unitId), leaderUnitId: current.leaderUnitId ?? undefined, deputyUnitId: current.deputyUnitId ?? undefined, status: current.status, reason: '' });
    } else if (section === 'legalBasis') {
      form.setFieldsValue({ legalBasis: toFormRows(current.legalBasis), reason: '' });
    } else {
      form.setFieldsValue({ rules: structuredClone(current.rules), reason: '' });
    }
  }, [section, form]); // only when the editor opens, not when the year is refetched

  const submit = async () => {
    const v = await validated(form);
    if (!v) return; // the form shows what is missing
    const reason = (v.reason as string | undefined)?.trim() || undefined;
    const body = section === 'setup'
      ? { memberUnitIds: v.memberUnitIds, leaderUnitId: v.leaderUnitId ?? null, deputyUnitId: v.deputyUnitId ?? null, status: v.status }
      : section === 'legalBasis' ? { legalBasis: fromFormRows(v.legalBasis) } : { rules: form.getFieldValue('rules') };
    update.mutate({ id: year.id, body: { ...body, reason, version: year.version } }, {
      onSuccess: () => {
        message.success(t('savedOk'));
        onClose();
      },
      onError: (e) => {
        if (e instanceof ApiError && e.code === 'stale_version') {
          onClose();
          void qc.invalidateQueries({ queryKey: ['block-years', year.id] });
          modal.warning({ title: t('staleTitle'), content: <><p>{e.message}</p><p>{t('staleReloaded')}</p></> });
          return;
        }
        const matched = applyServerErrors(form, e, { memberUnitIds: t('members'), leaderUnitId: t('leader'), deputyUnitId: t('deputy'), status: t('status') });
        if (!matched || (e instanceof ApiError && e.status === 409)) message.error(e.message);
      },
    });
  };

  const title = section === 'setup' ? t('editSetupTitle', { year: year.year }) : section === 'legalBasis' ? t('editLegalBasis') : t('editRules');
  return (
    <Modal open={!!section} title={`${title} · ${year.blockName}`} onCancel={onClose} onOk={submit} okText={t('action.save')} cancelText={t('action.cancel')}
      confirmLoading={update.isPending} destroyOnHidden width={section === 'setup' ? 760 : 920} styles={{ body: { maxHeight: '70vh', overflowY: 'auto', paddingRight: 8 } }}>
      <Form form={form} layout="vertical" requiredMark>
        {section === 'setup' && (
          <>
            <MemberFields year={year.year} blockId={year.blockId} known={year.members} />
            <Form.Item name="status" label={t('status')} rules={[{ required: true }]}>
              <Select options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}` as SharedKey) }))} />
            </Form.Item>
          </>
        )}
        {section === 'legalBasis' && <LegalBasisFields />}
        {section === 'rules' && <RuleSetFields />}
        <Form.Item name="reason" label={t('reason')} extra={t('reasonHint')} style={{ marginTop: 16 }}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
