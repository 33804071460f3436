import { Form, Input, Modal, Select } from 'antd';
import { useFeedback } from '@/components/feedback';
import { useEffect } from 'react';
import { ApiError } from '@/api/client';
import { useT } from '@/i18n/i18n';
import { applyServerErrors } from '@/lib/form-errors';
import { useAddAgendaItem, useMaterials, useUpdateAgendaItem, type AgendaItem, type Conference, type Material, type MaterialKind } from '@/api/conferences';
import { conferenceStrings, type ConferenceStringKey } from './i18n';
import { validated } from '@/lib/forms';

const MATERIAL_KINDS: MaterialKind[] = ['plan_version', 'rules_version', 'covenant'];
const encode = (kind: MaterialKind | null, id: string | null) => (kind && id ? `${kind}:${id}` : '');
const decode = (value: string | undefined): { materialKind: MaterialKind | null; materialId: string | null } => {
  if (!value) return { materialKind: null, materialId: null };
  const [kind, id] = value.split(':');
  return { materialKind: kind as MaterialKind, materialId: id };
};

/** Material choices grouped by kind: the year's plan versions, rules versions and covenants. */
export function useMaterialOptions(blockYearId: string, enabled: boolean, current?: AgendaItem) {
  const t = useT(conferenceStrings);
  const materials = useMaterials(blockYearId, enabled);
  const list: Material[] = [...(materials.data ?? [])];
  // The item's own material stays choosable even if the list could not say more about it.
  if (current?.materialKind && current.materialId && !list.some((m) => m.id === current.materialId)) {
    list.push({ kind: current.materialKind, id: current.materialId, label: current.materialTitle ?? current.materialId, title: '', status: '' });
  }
  const options = MATERIAL_KINDS.map((kind) => ({
    label: t(`material.${kind}`),
    title: t(`material.${kind}`),
    options: list.filter((m) => m.kind === kind).map((m) => {
      const status = m.status ? ` (${t(`draftStatus.${m.status}` as ConferenceStringKey)})` : '';
      const text = [m.label + status, m.title].filter(Boolean).join(' – ');
      return { value: encode(m.kind, m.id), label: text, title: text };
    }),
  })).filter((g) => g.options.length > 0);
  return { options, loading: materials.isFetching, error: materials.error };
}

/** Adds or edits one agenda item: title, presenter, linked material of the same block year. */
export function AgendaItemForm({ conference, item, open, onClose }: { conference: Conference; item?: AgendaItem; open: boolean; onClose: () => void }) {
  const t = useT(conferenceStrings);
  const [form] = Form.useForm();
  const add = useAddAgendaItem();
  const update = useUpdateAgendaItem();
  const { message } = useFeedback();
  const { options, loading, error } = useMaterialOptions(conference.blockYearId, open, item);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ title: item?.title ?? '', presenter: item?.presenter ?? '', material: encode(item?.materialKind ?? null, item?.materialId ?? null) || undefined });
  }, [open, item?.id]); // only when the form opens

  const submit = async () => {
    const v = await validated(form);
    if (!v) return;
    const body = { title: v.title.trim(), presenter: (v.presenter ?? '').trim(), ...decode(v.material) };
    const handlers = {
      onSuccess: () => { message.success(t('itemSavedOk')); onClose(); },
      onError: (e: Error) => {
        // The material's kind and id arrive as one choice in this form.
        const err = e instanceof ApiError && e.fields && (e.fields.materialId || e.fields.materialKind)
          ? new ApiError(e.status, e.code, e.message, { ...e.fields, material: e.fields.materialId ?? e.fields.materialKind })
          : e;
        if (!applyServerErrors(form, err, { title: t('itemTitle'), presenter: t('presenter'), material: t('material') })) message.error(e.message);
      },
    };
    if (item) update.mutate({ id: conference.id, itemId: item.id, body }, handlers);
    else add.mutate({ id: conference.id, body }, handlers);
  };

  return (
    <Modal open={open} title={item ? t('editItemTitle') : t('addItemTitle')} onCancel={onClose} onOk={submit} okText={t('action.save')} cancelText={t('action.cancel')}
      confirmLoading={add.isPending || update.isPending} destroyOnHidden width={720}>
      <Form form={form} layout="vertical" requiredMark>
        <Form.Item name="title" label={t('itemTitle')} rules={[{ required: true, whitespace: true, message: t('required', { field: t('itemTitle') }) }, { max: 500 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
        <Form.Item name="presenter" label={t('presenter')} rules={[{ max: 255 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="material" label={t('material')} extra={error ? error.message : t('materialHint')}>
          <Select allowClear placeholder={loading ? t('materialsLoading') : t('noMaterial')} loading={loading} options={options} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
