import { Button, Col, Flex, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { useFeedback } from '@/components/feedback';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ApiError } from '@/api/client';
import type { BlockYear } from '@/api/block-years';
import { useT } from '@/i18n/i18n';
import { applyServerErrors } from '@/lib/form-errors';
import { covenantKeys, useCreateCovenant, useSetCovenantTargets, useUpdateCovenant, type Covenant } from './api/covenants';
import { covenantStrings } from './i18n';
import { validated } from '@/lib/forms';
import { searchBy } from '@/lib/search';
import { Typography } from '@/components/typography';

const isStale = (e: unknown): e is ApiError => e instanceof ApiError && e.status === 409 && e.code === 'stale_version';

/** Someone saved first: close, reload, say so (never retry over their change). */
function useStaleHandler(id: string, onClose: () => void) {
  const t = useT(covenantStrings);
  const qc = useQueryClient();
  const { modal } = useFeedback();
  return (e: ApiError) => {
    onClose();
    void qc.invalidateQueries({ queryKey: covenantKeys.detail(id) });
    modal.warning({ title: t('staleTitle'), content: <><p>{e.message}</p><p>{t('staleReloaded')}</p></> });
  };
}

export function CreateCovenantModal({ open, blockYearId, onCreated, onClose }: { open: boolean; blockYearId: string; onCreated: (c: Covenant) => void; onClose: () => void }) {
  const t = useT(covenantStrings);
  const [form] = Form.useForm<{ title?: string }>();
  const create = useCreateCovenant();
  const { message } = useFeedback();
  const submit = async () => {
    const v = await validated(form);
    if (!v) return;
    create.mutate({ blockYearId, title: v.title?.trim() || undefined }, {
      onSuccess: (c) => {
        message.success(t('createdOk', { n: c.docNumber }));
        onCreated(c);
        onClose();
      },
      onError: (e) => {
        if (!applyServerErrors(form, e, { title: t('titleField') })) message.error(e.message);
      },
    });
  };
  return (
    <Modal open={open} title={t('createTitle')} onCancel={onClose} onOk={submit} okText={t('create')} cancelText={t('action.cancel')} confirmLoading={create.isPending} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('createHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ title: '' }}>
        <Form.Item name="title" label={t('titleField')} extra={t('titleHint')} rules={[{ max: 500 }]}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** A list of texts (goals or commitments), one text area each. */
function TextList({ name, label, item, addLabel }: { name: string; label: string; item: (n: number) => string; addLabel: string }) {
  const t = useT(covenantStrings);
  return (
    <Form.Item label={label} required={false}>
      <Form.List name={name}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <Flex key={f.key} gap={8} align="start">
                <Form.Item name={f.name} style={{ flex: 1, marginBottom: 8 }} rules={[{ required: true, whitespace: true, message: t('required', { field: item(i + 1) }) }, { max: 2000 }]}>
                  <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} aria-label={item(i + 1)} maxLength={2000} />
                </Form.Item>
                <Button danger type="text" onClick={() => remove(f.name)} aria-label={t('remove', { what: item(i + 1).toLowerCase() })}>✕</Button>
              </Flex>
            ))}
            <Button type="dashed" block onClick={() => add('')}>{addLabel}</Button>
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}

export function CovenantContentModal({ open, covenant, onClose }: { open: boolean; covenant: Covenant; onClose: () => void }) {
  const t = useT(covenantStrings);
  const [form] = Form.useForm<{ title: string; goals: string[]; commitments: string[] }>();
  const update = useUpdateCovenant();
  const stale = useStaleHandler(covenant.id, onClose);
  const { message } = useFeedback();

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue({ title: covenant.title, goals: [...covenant.goals], commitments: [...covenant.commitments] });
    }
  }, [open, form]); // only when the editor opens

  const submit = async () => {
    const v = await validated(form);
    if (!v) return;
    const clean = (xs: string[] = []) => xs.map((x) => x.trim()).filter(Boolean);
    update.mutate({ id: covenant.id, body: { title: v.title.trim(), goals: clean(v.goals), commitments: clean(v.commitments), version: covenant.version } }, {
      onSuccess: () => {
        message.success(t('contentSaved'));
        onClose();
      },
      onError: (e) => {
        if (isStale(e)) return stale(e);
        if (!applyServerErrors(form, e, { title: t('titleField'), goals: t('goalsLabel'), commitments: t('commitmentsLabel') })) message.error(e.message);
      },
    });
  };

  return (
    <Modal open={open} title={t('editContent')} onCancel={onClose} onOk={submit} okText={t('action.save')} cancelText={t('action.cancel')}
      confirmLoading={update.isPending} destroyOnHidden width={860} styles={{ body: { maxHeight: '70vh', overflowY: 'auto', paddingRight: 8 } }}>
      <Form form={form} layout="vertical">
        <Form.Item name="title" label={t('titleField')} rules={[{ required: true, whitespace: true, message: t('required', { field: t('titleField') }) }, { max: 500 }]}>
          <Input maxLength={500} />
        </Form.Item>
        <TextList name="goals" label={t('goalsLabel')} item={(n) => t('goal', { n })} addLabel={t('addGoal')} />
        <TextList name="commitments" label={t('commitmentsLabel')} item={(n) => t('commitment', { n })} addLabel={t('addCommitment')} />
      </Form>
    </Modal>
  );
}

/** "1250.5" → "1.250,5" while typing (thousands ".", decimals ","), and back. */
const viNumber = (v: number | string | undefined) => {
  if (v === undefined || v === '') return '';
  const [int, frac] = String(v).split('.');
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}${frac !== undefined ? `,${frac}` : ''}`;
};
// The input reads the parser's result as a decimal string ('' clears the field), whatever its declared type.
const parseViNumber = (s: string | undefined) => (s ?? '').replace(/\./g, '').replace(',', '.') as unknown as number;

interface TargetRow {
  unitId?: string;
  indicator: string;
  unitOfMeasure: string;
  targetValue: number | null;
}

/** The per-unit targets table (unit, indicator, unit of measure, target value), replaced as a whole. */
export function CovenantTargetsModal({ open, covenant, members, onClose }: { open: boolean; covenant: Covenant; members: BlockYear['members']; onClose: () => void }) {
  const t = useT(covenantStrings);
  const [form] = Form.useForm<{ targets: TargetRow[] }>();
  const save = useSetCovenantTargets();
  const stale = useStaleHandler(covenant.id, onClose);
  const { message } = useFeedback();
  const unitOptions = members.map((m) => ({ value: m.unitId, label: m.name }));

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue({ targets: covenant.targets.map((x) => ({ unitId: x.unitId, indicator: x.indicator, unitOfMeasure: x.unitOfMeasure, targetValue: x.targetValue })) });
    }
  }, [open, form]); // only when the editor opens

  const submit = async () => {
    const v = await validated(form);
    if (!v) return;
    const targets = (v.targets ?? []).map((x) => ({ unitId: x.unitId!, indicator: x.indicator.trim(), unitOfMeasure: x.unitOfMeasure.trim(), targetValue: Number(x.targetValue) }));
    save.mutate({ id: covenant.id, body: { targets, version: covenant.version } }, {
      onSuccess: () => {
        message.success(t('targetsSaved'));
        onClose();
      },
      onError: (e) => {
        if (isStale(e)) return stale(e);
        if (!applyServerErrors(form, e)) message.error(e.message);
      },
    });
  };

  const req = (field: string) => ({ required: true, whitespace: true, message: t('required', { field }) });
  const item = { style: { marginBottom: 8 } };
  return (
    <Modal open={open} title={t('editTargets')} onCancel={onClose} onOk={submit} okText={t('action.save')} cancelText={t('action.cancel')}
      confirmLoading={save.isPending} destroyOnHidden width={1040} styles={{ body: { maxHeight: '70vh', overflowY: 'auto', paddingRight: 8 } }}>
      <Typography.Paragraph type="secondary">{t('targetsHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.List name="targets">
          {(fields, { add, remove }) => (
            <>
              <Row gutter={8} style={{ fontWeight: 500, marginBottom: 4 }}>
                <Col span={1} />
                <Col span={7}>{t('unit')}</Col>
                <Col span={8}>{t('indicator')}</Col>
                <Col span={3}>{t('unitOfMeasure')}</Col>
                <Col span={4}>{t('targetValue')}</Col>
              </Row>
              {fields.map((f, i) => (
                <Row key={f.key} gutter={8} align="top">
                  <Col span={1} style={{ lineHeight: '32px', textAlign: 'right', color: '#8c8c8c' }}>{i + 1}.</Col>
                  <Col span={7}>
                    <Form.Item {...item} name={[f.name, 'unitId']} rules={[{ required: true, message: t('required', { field: t('unit') }) }]}>
                      <Select options={unitOptions} aria-label={`${t('unit')} ${i + 1}`} showSearch={searchBy()} />
                    </Form.Item>
                  </Col>
                  <Col span={8}>
                    <Form.Item {...item} name={[f.name, 'indicator']} rules={[req(t('indicator')), { max: 500 }]}>
                      <Input aria-label={`${t('indicator')} ${i + 1}`} maxLength={500} />
                    </Form.Item>
                  </Col>
                  <Col span={3}>
                    <Form.Item {...item} name={[f.name, 'unitOfMeasure']} rules={[req(t('unitOfMeasure')), { max: 64 }]}>
                      <Input aria-label={`${t('unitOfMeasure')} ${i + 1}`} maxLength={64} />
                    </Form.Item>
                  </Col>
                  <Col span={4}>
                    <Form.Item {...item} name={[f.name, 'targetValue']}
                      rules={[{ required: true, message: t('required', { field: t('targetValue') }) }, { validator: (_, v: number | null) => (v === null || v === undefined || Number.isInteger(Math.round(v * 100 * 1e6) / 1e6) ? Promise.resolve() : Promise.reject(new Error(t('twoDecimals')))) }]}>
                      <InputNumber<number> min={0} max={999999999999} formatter={viNumber} parser={parseViNumber} style={{ width: '100%' }} aria-label={`${t('targetValue')} ${i + 1}`} />
                    </Form.Item>
                  </Col>
                  <Col span={1}>
                    <Button danger type="text" onClick={() => remove(f.name)} aria-label={t('removeTarget', { n: i + 1 })}>✕</Button>
                  </Col>
                </Row>
              ))}
              <Flex gap={8} style={{ marginTop: 8 }}>
                <Button type="dashed" style={{ flex: 1 }} onClick={() => add({ indicator: '', unitOfMeasure: '', targetValue: null })}>{t('addTarget')}</Button>
                <Button type="dashed" style={{ flex: 1 }} onClick={() => members.forEach((m) => add({ unitId: m.unitId, indicator: '', unitOfMeasure: '', targetValue: null }))}>{t('addTargetAll')}</Button>
              </Flex>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
