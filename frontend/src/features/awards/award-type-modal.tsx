import { Alert, Flex, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useFeedback } from '@/components/feedback';
import { useState } from 'react';
import { ApiError } from '@/api/client';
import { useT } from '@/i18n/i18n';
import { useCreateAwardType, useUpdateAwardType, type AwardType, type Quota } from './api/awards';
import { awardStrings } from './i18n';

interface FormValues {
  code?: string; name: string; topNKind: 'none' | 'count' | 'percent'; topNValue?: number | null; requiredTitle?: string;
  blockQuotaKind: 'count' | 'percent'; blockQuotaValue: number; cityQuota?: number | null; bonusPoints: number; sort?: number | null;
}

/** The server names nested fields (`gates.topN.value`); the form keeps them flat. */
const SERVER_FIELDS: Record<string, keyof FormValues> = {
  'gates.topN': 'topNValue', 'gates.topN.value': 'topNValue', 'gates.topN.kind': 'topNKind', 'gates.requiredTitle': 'requiredTitle', gates: 'topNValue',
  blockQuota: 'blockQuotaValue', 'blockQuota.value': 'blockQuotaValue', 'blockQuota.kind': 'blockQuotaKind',
  code: 'code', name: 'name', cityQuota: 'cityQuota', bonusPoints: 'bonusPoints', sort: 'sort',
};

function toValues(a: AwardType | null): FormValues {
  if (!a) return { name: '', code: '', topNKind: 'count', topNValue: 1, requiredTitle: '', blockQuotaKind: 'count', blockQuotaValue: 1, cityQuota: null, bonusPoints: 0, sort: null };
  return {
    name: a.name, topNKind: a.gates.topN?.kind ?? 'none', topNValue: a.gates.topN?.value ?? null, requiredTitle: a.gates.requiredTitle ?? '',
    blockQuotaKind: a.blockQuota.kind, blockQuotaValue: a.blockQuota.value, cityQuota: a.cityQuota, bonusPoints: a.bonusPoints, sort: a.sort,
  };
}

export function AwardTypeModal({ year, award, onClose }: { year: number; award: AwardType | null; onClose: () => void }) {
  const t = useT(awardStrings);
  const { message } = useFeedback();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateAwardType();
  const update = useUpdateAwardType();
  const [error, setError] = useState<string | null>(null);
  const topNKind = Form.useWatch('topNKind', form);
  const busy = create.isPending || update.isPending;

  const submit = async (v: FormValues) => {
    setError(null);
    const topN: Quota | null = v.topNKind === 'none' ? null : { kind: v.topNKind, value: v.topNValue ?? 0 };
    const common = {
      name: v.name,
      gates: { topN, requiredTitle: v.requiredTitle?.trim() ? v.requiredTitle.trim() : null },
      blockQuota: { kind: v.blockQuotaKind, value: v.blockQuotaValue },
      cityQuota: v.cityQuota ?? null,
      bonusPoints: v.bonusPoints,
      ...(v.sort !== null && v.sort !== undefined ? { sort: v.sort } : {}),
    };
    try {
      if (award) await update.mutateAsync({ id: award.id, body: { ...common, version: award.version } });
      else await create.mutateAsync({ ...common, year, code: v.code ?? '' });
      message.success(t('saved'));
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.fields) {
        const fields = Object.entries(e.fields).filter(([k]) => SERVER_FIELDS[k]).map(([k, reason]) => ({ name: SERVER_FIELDS[k], errors: [reason] }));
        form.setFields(fields);
        if (fields.length < Object.keys(e.fields).length) setError(e.message);
      } else setError(e instanceof Error ? e.message : String(e));
    }
  };

  const kindOptions = [{ value: 'count', label: t('kind.count') }, { value: 'percent', label: t('kind.percent') }];
  return (
    <Modal open title={award ? t('editAward') : t('addAward')} onCancel={onClose} okText={t('action.save')} cancelText={t('action.cancel')}
      onOk={() => form.submit()} confirmLoading={busy} destroyOnHidden width={640}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={toValues(award)} onFinish={submit}>
        {!award && (
          <Form.Item name="code" label={t('code')} rules={[{ required: true, message: t('required') }]}>
            <Input placeholder="city_collective_merit" />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('name')} rules={[{ required: true, message: t('required') }]}><Input /></Form.Item>
        <Flex gap={12}>
          <Form.Item name="topNKind" label={t('topN')} style={{ flex: 1 }}>
            <Select options={[{ value: 'none', label: t('kind.none') }, ...kindOptions]} />
          </Form.Item>
          <Form.Item name="topNValue" label={t('topNValue')} style={{ flex: 1 }}>
            <InputNumber min={0} style={{ width: '100%' }} disabled={topNKind === 'none'} decimalSeparator="," />
          </Form.Item>
        </Flex>
        <Form.Item name="requiredTitle" label={t('requiredTitle')} extra={t('requiredTitleHint')}><Input placeholder="Tập thể lao động xuất sắc" /></Form.Item>
        <Flex gap={12}>
          <Form.Item name="blockQuotaKind" label={t('blockQuotaKind')} style={{ flex: 1 }}><Select options={kindOptions} /></Form.Item>
          <Form.Item name="blockQuotaValue" label={t('blockQuotaValue')} style={{ flex: 1 }} rules={[{ required: true, message: t('required') }]}>
            <InputNumber min={0} style={{ width: '100%' }} decimalSeparator="," />
          </Form.Item>
        </Flex>
        <Flex gap={12}>
          <Form.Item name="cityQuota" label={t('cityQuota')} extra={t('cityQuotaHint')} style={{ flex: 1 }}>
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="bonusPoints" label={t('bonusPoints')} style={{ flex: 1 }} rules={[{ required: true, message: t('required') }]}>
            <InputNumber style={{ width: '100%' }} decimalSeparator="," />
          </Form.Item>
          <Form.Item name="sort" label={t('sort')} style={{ flex: 1 }}><InputNumber min={0} style={{ width: '100%' }} /></Form.Item>
        </Flex>
      </Form>
    </Modal>
  );
}
