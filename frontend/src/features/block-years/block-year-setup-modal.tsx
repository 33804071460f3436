import { Alert, Col, Divider, Form, InputNumber, Modal, Radio, Row, Select } from 'antd';
import { useFeedback } from '@/components/feedback';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '@/api/client';
import { paths } from '@/lib/paths';
import { useBlocks } from '@/api/blocks';
import { useT } from '@/i18n/i18n';
import { applyServerErrors } from '@/lib/form-errors';
import { sortByVi } from '@/lib/format';
import { blockYearDefaultsQueryOptions, useCreateBlockYear } from '@/api/block-years';
import { blockYearStrings } from './i18n';
import { fromFormRows, LegalBasisFields, toFormRows, type LegalInstrumentRow } from './legal-basis-fields';
import { MemberFields } from './member-fields';
import type { RuleSet } from '@/components/rule-set/rule-set';
import { RuleSetFields } from '@/components/rule-set/rule-set-fields';
import { validated } from '@/lib/forms';
import { searchBy } from '@/lib/search';
import { Typography } from '@/components/typography';

interface Values {
  blockId: string;
  year: number;
  memberUnitIds: string[];
  leaderUnitId?: string;
  deputyUnitId?: string;
  legalBasis: LegalInstrumentRow[];
  rulesSource: 'copy' | 'custom';
  rules?: RuleSet;
}

/**
 * "Thiết lập năm thi đua": block, year, members, leader and deputy; legal basis prefilled with the
 * instruments in force that year; the rule set copied from last year (default) or set now.
 */
export function BlockYearSetupModal({ open, onClose, initialBlockId }: { open: boolean; onClose: () => void; initialBlockId?: string }) {
  const t = useT(blockYearStrings);
  const [form] = Form.useForm<Values>();
  const { message } = useFeedback();
  const navigate = useNavigate();
  const create = useCreateBlockYear();
  const blocks = useBlocks({ pageSize: 200 });
  const year = Form.useWatch('year', form);
  const blockId = Form.useWatch('blockId', form);
  const rulesSource = Form.useWatch('rulesSource', form);
  const validYear = typeof year === 'number' && year >= 2000 && year <= 2100 ? year : undefined;
  const defaults = useQuery({ ...blockYearDefaultsQueryOptions(validYear ?? 0), enabled: open && !!validYear });
  // Prefilled values follow the year until the user edits them.
  const touched = useRef({ legalBasis: false, rules: false });
  const [, rerender] = useState(0);

  useEffect(() => {
    if (!open) return;
    touched.current = { legalBasis: false, rules: false };
    form.resetFields();
    form.setFieldsValue({ blockId: initialBlockId, year: new Date().getFullYear(), memberUnitIds: [], legalBasis: [], rulesSource: 'copy' });
    rerender((n) => n + 1);
  }, [open, initialBlockId, form]);

  useEffect(() => {
    if (!open || !defaults.data) return;
    if (!touched.current.legalBasis) form.setFieldValue('legalBasis', toFormRows(defaults.data.legalBasis));
    if (!touched.current.rules) form.setFieldValue('rules', structuredClone(defaults.data.rules));
  }, [open, defaults.data, form]);

  const submit = async () => {
    const v = await validated(form);
    if (!v) return; // the form shows what is missing
    create.mutate({
      blockId: v.blockId,
      year: v.year,
      memberUnitIds: v.memberUnitIds,
      leaderUnitId: v.leaderUnitId ?? null,
      deputyUnitId: v.deputyUnitId ?? null,
      legalBasis: fromFormRows(v.legalBasis),
      // Left out, the server copies the block's previous rule set (or the defaults).
      rules: v.rulesSource === 'custom' ? form.getFieldValue('rules') : undefined,
    }, {
      onSuccess: (created) => {
        message.success(t('createdOk'));
        onClose();
        navigate(paths.blockYear.getHref(created.id));
      },
      onError: (e) => {
        const matched = applyServerErrors(form, e, { blockId: t('block'), year: t('year'), memberUnitIds: t('members'), leaderUnitId: t('leader'), deputyUnitId: t('deputy') });
        if (!matched || (e instanceof ApiError && e.status === 409)) message.error(e.message);
      },
    });
  };

  const blockOptions = sortByVi((blocks.data?.items ?? []).filter((b) => !b.archivedAt), (b) => b.name).map((b) => ({ value: b.id, label: `${b.name} (${b.code})` }));

  return (
    <Modal open={open} title={t('setup')} onCancel={onClose} onOk={submit} okText={t('action.save')} cancelText={t('action.cancel')}
      confirmLoading={create.isPending} destroyOnHidden width={920} styles={{ body: { maxHeight: '70vh', overflowY: 'auto', paddingRight: 8 } }}>
      <Form form={form} layout="vertical" requiredMark
        onValuesChange={(changed: Partial<Values>) => {
          if ('legalBasis' in changed) touched.current.legalBasis = true;
          if ('rules' in changed) touched.current.rules = true;
        }}>
        <Row gutter={12}>
          <Col xs={24} md={16}>
            <Form.Item name="blockId" label={t('block')} rules={[{ required: true, message: t('required', { field: t('block') }) }]}>
              <Select options={blockOptions} loading={blocks.isPending} showSearch={searchBy()} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="year" label={t('year')} rules={[{ required: true, message: t('required', { field: t('year') }) }, { type: 'number', min: 2000, max: 2100 }]}>
              <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <MemberFields year={validYear} blockId={blockId} />
        <Divider titlePlacement="start">{t('legalBasis')}</Divider>
        <Typography.Paragraph type="secondary">{t('legalBasisHint')}</Typography.Paragraph>
        <LegalBasisFields />
        <Divider titlePlacement="start">{t('ruleSet')}</Divider>
        <Form.Item name="rulesSource" label={t('rulesSource')}>
          <Radio.Group options={[{ value: 'copy', label: t('rulesCopy') }, { value: 'custom', label: t('rulesCustom') }]} />
        </Form.Item>
        {rulesSource === 'custom'
          ? <><Alert type="info" showIcon title={t('rulesCustomHint')} style={{ marginBottom: 12 }} /><RuleSetFields /></>
          : <Alert type="info" showIcon title={t('rulesCopyHint')} />}
      </Form>
    </Modal>
  );
}
