import { Button, Empty, Flex, Form, Input, Modal, Radio, Select, Tag, Typography } from 'antd';
import { useFeedback } from '@/components/feedback';
import { useMemo, useState } from 'react';
import { DataTable } from '@/components/data-table';
import { useT } from '@/i18n/i18n';
import { applyServerErrors } from '@/lib/form-errors';
import { formatDate, sortByVi } from '@/lib/format';
import { runMutation } from '@/lib/mutation';
import { useModelRegister, useSaveModel, useUnitStories, type ExemplaryModel, type ModelRegister, type SubjectKind } from './api/news';
import { newsStrings, type NewsStringKey } from './i18n';
import { searchBy } from '@/lib/search';

interface ModelForm {
  subjectKind: SubjectKind;
  unitId?: string;
  name: string;
  achievement: string;
  storyIds: string[];
}

/** Create (no `model`) or edit a register entry; the unit is chosen only on create, and only when the actor keeps the register of several units. */
function ModelModal({ blockYearId, register, model, onClose }: { blockYearId: string; register: ModelRegister; model: ExemplaryModel | null; onClose: () => void }) {
  const t = useT(newsStrings);
  const { message } = useFeedback();
  const save = useSaveModel();
  const [form] = Form.useForm<ModelForm>();
  const writable = useMemo(() => sortByVi(register.units.filter((u) => register.writableUnitIds.includes(u.id)), (u) => u.name), [register]);
  const unitId = Form.useWatch('unitId', form) ?? model?.unitId ?? (writable.length === 1 ? writable[0].id : undefined);
  const stories = useUnitStories(blockYearId, unitId);
  const storyOptions = (stories.data?.items ?? []).map((s) => ({ value: s.id, label: t('storyOption', { title: s.title, date: formatDate(s.publishedAt) }) }));
  // A linked story stays selectable even when it is no longer among the listed ones.
  for (const s of model?.stories ?? []) if (!storyOptions.some((o) => o.value === s.id)) storyOptions.push({ value: s.id, label: s.title });
  const labels = { name: t('subjectName'), achievement: t('achievement'), subjectKind: t('subjectKind'), unitId: t('colUnit'), storyIds: t('linkedStories') };
  const submit = (v: ModelForm) => {
    const fields = { subjectKind: v.subjectKind, name: v.name, achievement: v.achievement, storyIds: v.storyIds ?? [] };
    const vars = model ? { id: model.id, body: { ...fields, version: model.version } } : { body: { ...fields, blockYearId, unitId } };
    runMutation(save, vars, () => {
      message.success(t(model ? 'modelUpdatedOk' : 'modelSavedOk'));
      onClose();
    }, (e) => { if (!applyServerErrors(form, e, labels)) message.error(e.message); });
  };
  const required = (field: string) => [{ required: true, whitespace: true, message: t('required', { field: field.toLowerCase() }) }];
  return (
    <Modal open title={t(model ? 'modelsEdit' : 'modelsNew')} okText={t('save')} cancelText={t('action.cancel')} onOk={() => form.submit()} onCancel={onClose}
      okButtonProps={{ loading: save.isPending }} destroyOnHidden width={640}>
      <Form<ModelForm> form={form} layout="vertical" onFinish={submit}
        initialValues={model ? { subjectKind: model.subjectKind, name: model.name, achievement: model.achievement, storyIds: model.stories.map((s) => s.id) }
          : { subjectKind: 'person', unitId: writable.length === 1 ? writable[0].id : undefined, storyIds: [] }}>
        {model ? (
          <Form.Item label={t('colUnit')}><Typography.Text>{model.unitName}</Typography.Text></Form.Item>
        ) : (
          <Form.Item name="unitId" label={t('colUnit')} rules={[{ required: true, message: t('chooseUnit') }]}>
            <Select aria-label={t('colUnit')} options={writable.map((u) => ({ value: u.id, label: u.name }))} disabled={writable.length === 1}
              onChange={() => form.setFieldValue('storyIds', [])} />
          </Form.Item>
        )}
        <Form.Item name="subjectKind" label={t('subjectKind')}>
          <Radio.Group options={[{ value: 'person', label: t('subject.person') }, { value: 'collective', label: t('subject.collective') }]} />
        </Form.Item>
        <Form.Item name="name" label={t('subjectName')} rules={required(t('subjectName'))}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="achievement" label={t('achievement')} rules={required(t('achievement'))}>
          <Input.TextArea maxLength={5000} autoSize={{ minRows: 3, maxRows: 10 }} />
        </Form.Item>
        <Form.Item name="storyIds" label={t('linkedStories')} extra={unitId && !stories.isLoading && !stories.data?.items.length ? t('noStories') : t('linkedStoriesHint')}>
          <Select mode="multiple" aria-label={t('linkedStories')} options={storyOptions} loading={stories.isLoading} disabled={!unitId} showSearch={searchBy()} maxCount={50} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Sổ gương điển hình of a block year: search (with or without diacritics), filter by unit, and entries kept by whom the API allows. */
export function ModelRegisterTab({ blockYearId }: { blockYearId: string }) {
  const t = useT(newsStrings);
  const [q, setQ] = useState('');
  const [unitId, setUnitId] = useState<string>();
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<ExemplaryModel | 'new' | null>(null);
  const reg = useModelRegister({ blockYearId, q: q || undefined, unitId, page });
  const data = reg.data;
  const units = useMemo(() => sortByVi(data?.units ?? [], (u) => u.name), [data?.units]);
  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear aria-label={t('modelsSearch')} placeholder={t('modelsSearch')} style={{ maxWidth: 420 }} onSearch={(v) => { setQ(v.trim()); setPage(1); }} />
        <Select allowClear aria-label={t('modelsUnitFilter')} placeholder={t('modelsAllUnits')} style={{ minWidth: 220, maxWidth: '100%' }} value={unitId}
          options={units.map((u) => ({ value: u.id, label: u.name }))} onChange={(v?: string) => { setUnitId(v); setPage(1); }} />
        {!!data?.writableUnitIds.length && <Button type="primary" onClick={() => setEditing('new')}>{t('modelsAdd')}</Button>}
      </Flex>
      <DataTable<ExemplaryModel>
        rowKey="id" size="middle" loading={reg.isLoading} dataSource={data?.items ?? []} scroll={{ x: 720 }}
        locale={{ emptyText: <Empty description={t('modelsNone')} /> }}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
        columns={[
          { title: t('colModelName'), key: 'name', render: (_, r) => <>{r.name} <Tag>{t(`subject.${r.subjectKind}` as NewsStringKey)}</Tag></> },
          { title: t('colUnit'), dataIndex: 'unitName' },
          { title: t('achievement'), key: 'achievement', render: (_, r) => <Typography.Paragraph ellipsis={{ rows: 3, expandable: true, symbol: t('more') }} style={{ marginBottom: 0 }}>{r.achievement}</Typography.Paragraph> },
          { title: t('year'), dataIndex: 'year', width: 80 },
          { title: t('colStories'), key: 'stories', render: (_, r) => r.stories.map((s) => <div key={s.id}><a href={s.publicUrl} target="_blank" rel="noopener">{s.title}</a></div>) },
          { title: '', key: 'edit', width: 80, render: (_, r) => r.canEdit && <Button size="small" aria-label={t('modelsEditOne', { name: r.name })} onClick={() => setEditing(r)}>{t('edit')}</Button> },
        ]}
      />
      {editing && data && <ModelModal blockYearId={blockYearId} register={data} model={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
