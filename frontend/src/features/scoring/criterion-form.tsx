import { Alert, Button, Checkbox, Col, Drawer, Flex, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { useFeedback } from '@/components/feedback';
import { useEffect, useMemo, useRef, useState } from 'react';
import { ApiError } from '@/api/client';
import type { BlockYear } from '@/api/block-years';
import { useT } from '@/i18n/i18n';
import { applyServerErrors } from '@/lib/form-errors';
import {
  useAddCriterion, useMoveCriterion, useUpdateCriterion,
  type Criterion, type CriterionType, type Scheme,
} from './api/schemes';
import { useConflictHandler } from './errors';
import { scoringStrings, type ScoringStringKey } from './i18n';
import { SumAgainstMax } from './sum-against-max';
import { FormButtons, parseViNumber, twoDecimals, viNumber } from './scheme-forms';
import { childrenOf, countedSum, CRITERION_TYPES, descendantIds, isAdjustment, projectedSum, suggestCode } from './tree';
import { searchBy } from '@/lib/search';
import { Typography } from '@/components/typography';

export type CriterionEditing =
  | { kind: 'add'; parent: Criterion | null; type: CriterionType }
  | { kind: 'edit'; criterion: Criterion };

interface ItemValues {
  id?: string;
  title: string;
  points: number | null;
  cap: number | null;
}
interface CriterionValues {
  type: CriterionType;
  code: string;
  title: string;
  max: number | null;
  pointsPerOccurrence: number | null;
  /** '' = typed by the unit; else counted from its published items. */
  countSource: '' | 'news' | 'story' | 'both';
  measure: string;
  items: ItemValues[];
  guidance: string;
  evidenceRequired: boolean;
  notApplicableUnitIds: string[];
}

const amountRules = (t: ReturnType<typeof useT<typeof scoringStrings.vi>>, field: string, required = true) => [
  { required, message: t('required', { field }) },
  { validator: (_: unknown, v: unknown) => (v === null || v === undefined || (v as string) === '' || Number(v) > 0 ? Promise.resolve() : Promise.reject(new Error(t('positive', { field })))) },
  { validator: (_: unknown, v: unknown) => (twoDecimals(v) ? Promise.resolve() : Promise.reject(new Error(t('twoDecimals')))) },
];

/**
 * Adds or edits a group or criterion. The fields follow the type: points per occurrence for
 * "theo số lần", the unit of measure (and the formula) for "theo chỉ tiêu", the items with their caps
 * for bonus / deduction. The parent's total after the change is shown live under the maximum.
 */
export function CriterionDrawer({ editing, scheme, members, onClose, onSaved }: {
  editing: CriterionEditing | null; scheme: Scheme; members: BlockYear['members']; onClose: () => void; onSaved: (code: string) => void;
}) {
  const t = useT(scoringStrings);
  const [form] = Form.useForm<CriterionValues>();
  const add = useAddCriterion();
  const update = useUpdateCriterion();
  const conflict = useConflictHandler(scheme.id);
  const { message } = useFeedback();
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLElement | null>(null);
  const open = editing !== null;
  const current = editing?.kind === 'edit' ? editing.criterion : null;
  const parentId = editing?.kind === 'add' ? editing.parent?.id ?? null : current?.parentId ?? null;
  const parent = parentId ? scheme.criteria.find((c) => c.id === parentId) ?? null : null;
  const hasChildren = !!current && scheme.criteria.some((c) => c.parentId === current.id);

  const type = Form.useWatch('type', form) as CriterionType | undefined;
  const max = Form.useWatch('max', form) as number | null | undefined;

  useEffect(() => {
    if (!editing) return;
    setError(null);
    form.resetFields();
    if (editing.kind === 'add') {
      form.setFieldsValue({
        type: editing.type, code: suggestCode(scheme.criteria, editing.parent, editing.type), title: '', max: null, pointsPerOccurrence: null, countSource: '', measure: '',
        items: isAdjustment(editing.type) ? [{ title: '', points: null, cap: null }] : [], guidance: '', evidenceRequired: false, notApplicableUnitIds: [],
      });
    } else {
      const c = editing.criterion;
      form.setFieldsValue({
        type: c.type, code: c.code, title: c.title, max: c.max, pointsPerOccurrence: c.pointsPerOccurrence, countSource: c.countSource ?? '', measure: c.measure,
        items: c.items.map((i) => ({ id: i.id, title: i.title, points: i.points, cap: i.cap })), guidance: c.guidance, evidenceRequired: c.evidenceRequired,
        notApplicableUnitIds: c.notApplicableUnitIds,
      });
    }
  }, [editing, form]); // only when the drawer opens on a row

  const typeOptions = CRITERION_TYPES
    .filter((x) => parentId === null || !isAdjustment(x) || x === current?.type)
    .map((x) => ({ value: x, label: t(`type.${x}` as ScoringStringKey) }));

  const submit = (v: CriterionValues) => {
    setError(null);
    const common = {
      type: v.type,
      code: v.code.trim(),
      title: v.title.trim(),
      guidance: v.guidance ?? '',
      max: Number(v.max),
      evidenceRequired: !!v.evidenceRequired,
      pointsPerOccurrence: v.type === 'per_occurrence' ? Number(v.pointsPerOccurrence) : null,
      countSource: v.type === 'per_occurrence' && v.countSource ? v.countSource : null,
      measure: v.type === 'target' ? (v.measure ?? '').trim() : '',
      items: isAdjustment(v.type)
        ? (v.items ?? []).map((i) => ({ ...(i.id ? { id: i.id } : {}), title: i.title.trim(), points: Number(i.points), cap: i.cap === null || i.cap === undefined || (i.cap as unknown) === '' ? null : Number(i.cap) }))
        : [],
      notApplicableUnitIds: v.notApplicableUnitIds ?? [],
    };
    const onError = (e: Error) => {
      if (conflict(e, onClose)) return;
      const matched = applyServerErrors(form, e, { code: t('codeField'), title: t('titleCriterion'), max: t('maxField'), pointsPerOccurrence: t('ppoField'), countSource: t('countSourceField'), measure: t('measureField') });
      if (!matched || !(e instanceof ApiError) || e.code !== 'duplicate_code') setError(e.message);
    };
    const onSuccess = (key: ScoringStringKey) => () => {
      message.success(t(key, { code: common.code }));
      onSaved(common.code);
      onClose();
    };
    if (editing?.kind === 'add') {
      add.mutate({ schemeId: scheme.id, body: { parentId, ...common } }, { onSuccess: onSuccess('addedOk'), onError });
    } else if (current) {
      update.mutate({ schemeId: scheme.id, criterionId: current.id, body: { ...common, version: current.version } }, { onSuccess: onSuccess('updatedOk'), onError });
    }
  };

  // Live preview: the parent's (or the scheme's) sum if this row gets the typed maximum.
  const preview = useMemo(() => {
    if (!type || isAdjustment(type) || typeof max !== 'number') return null;
    const sum = projectedSum(scheme.criteria, parentId, current?.id ?? null, type, max);
    return { sum, max: parent ? parent.max : scheme.totalMax, what: parent ? t('previewGroup', { code: parent.code }) : t('previewTop') };
  }, [type, max, scheme, parentId, current, parent, t]);
  const ownChildren = current && type === 'group' && hasChildren && typeof max === 'number'
    ? countedSum(childrenOf(scheme.criteria, current.id)) : null;

  const title = editing?.kind === 'edit' ? t('editTitle', { code: editing.criterion.code }) : t('addTitle');
  const adjustment = !!type && isAdjustment(type);
  const memberOptions = members.map((m) => ({ value: m.unitId, label: m.shortName || m.name, title: m.name }));
  const maxLabel = adjustment ? t('capField') : t('maxField');

  return (
    <Drawer open={open} title={title} onClose={onClose} size={640} destroyOnHidden
      afterOpenChange={(o) => o && first.current?.focus()}>
      <Form form={form} layout="vertical" onFinish={submit} aria-label={title} requiredMark>
        {editing?.kind === 'add' && (
          <Typography.Paragraph type="secondary">{parent ? t('addUnder', { code: parent.code, title: parent.title }) : t('addTop')}</Typography.Paragraph>
        )}
        <Row gutter={12}>
          <Col span={14}>
            <Form.Item name="type" label={t('typeField')} extra={hasChildren ? t('groupMaxHint') : undefined}>
              <Select options={typeOptions} disabled={hasChildren} aria-label={t('typeField')} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="code" label={t('codeField')} extra={t('codeHint')}
              rules={[{ required: true, whitespace: true, message: t('required', { field: t('codeField') }) }, { max: 32 }]}>
              <Input maxLength={32} ref={(el) => { first.current = el?.input ?? null; }} autoFocus />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="title" label={t('titleCriterion')} rules={[{ required: true, whitespace: true, message: t('required', { field: t('titleCriterion') }) }, { max: 1000 }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000}
            onKeyDown={(e) => {
              // Enter saves (a title is one line); Shift+Enter still breaks the line.
              if (e.key === 'Enter' && !e.shiftKey) {
                e.preventDefault();
                form.submit();
              }
            }} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="max" label={maxLabel} rules={amountRules(t, maxLabel)}
              extra={adjustment ? t('capFieldHint') : type === 'group' ? t('groupMaxHint') : undefined}>
              <InputNumber<number> min={0} style={{ width: '100%' }} formatter={viNumber} parser={parseViNumber} />
            </Form.Item>
          </Col>
          {type === 'per_occurrence' && (
            <Col span={12}>
              <Form.Item name="pointsPerOccurrence" label={t('ppoField')} extra={t('ppoHint')} rules={amountRules(t, t('ppoField'))}>
                <InputNumber<number> min={0} style={{ width: '100%' }} formatter={viNumber} parser={parseViNumber} />
              </Form.Item>
            </Col>
          )}
          {type === 'per_occurrence' && (
            <Col span={24}>
              <Form.Item name="countSource" label={t('countSourceField')} extra={t('countSourceHint')}>
                <Select options={(['', 'news', 'story', 'both'] as const).map((x) => ({ value: x, label: t(`countSource.${x || 'manual'}` as ScoringStringKey) }))} />
              </Form.Item>
            </Col>
          )}
          {type === 'target' && (
            <Col span={12}>
              <Form.Item name="measure" label={t('measureField')} extra={t('measureHint')} rules={[{ max: 64 }]}>
                <Input maxLength={64} />
              </Form.Item>
            </Col>
          )}
        </Row>
        {(preview || ownChildren !== null) && (
          <div aria-live="polite" style={{ marginTop: -8, marginBottom: 16 }}>
            {preview && <div>{t('preview', { what: preview.what })} <SumAgainstMax sum={preview.sum} max={preview.max} /></div>}
            {ownChildren !== null && <div>{t('previewOwn')} <SumAgainstMax sum={ownChildren} max={max as number} /></div>}
          </div>
        )}
        {type === 'points' && <Typography.Paragraph type="secondary">{t('pointsHint')}</Typography.Paragraph>}
        {type === 'pass_fail' && <Typography.Paragraph type="secondary">{t('passFailHint')}</Typography.Paragraph>}
        {type === 'target' && (
          <Alert type="info" style={{ marginBottom: 16 }} title={t('targetFormula')}
            description={<ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {(['formula.below', 'formula.met', 'formula.best', 'formula.over', 'formula.noTarget'] as const).map((k) => <li key={k}>{t(k)}</li>)}
            </ul>} />
        )}
        {adjustment && (
          <Form.Item label={t('items')} extra={t('itemsHint')} required>
            <Form.List name="items" rules={[{ validator: (_, v) => (v?.length ? Promise.resolve() : Promise.reject(new Error(t('itemsRequired')))) }]}>
              {(fields, { add: addItem, remove }, { errors }) => (
                <>
                  {fields.map((f, i) => (
                    <Flex key={f.key} gap={8} align="start">
                      <Form.Item name={[f.name, 'id']} hidden><Input /></Form.Item>
                      <Form.Item name={[f.name, 'title']} style={{ flex: 1, marginBottom: 8 }}
                        rules={[{ required: true, whitespace: true, message: t('required', { field: t('itemTitle', { n: i + 1 }) }) }, { max: 500 }]}>
                        <Input aria-label={t('itemTitle', { n: i + 1 })} placeholder={t('titleCriterion')} maxLength={500} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'points']} style={{ width: 120, marginBottom: 8 }} rules={amountRules(t, t('itemPoints', { n: i + 1 }))}>
                        <InputNumber<number> aria-label={t('itemPoints', { n: i + 1 })} placeholder={t('itemPointsShort')} min={0} style={{ width: '100%' }} formatter={viNumber} parser={parseViNumber} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'cap']} style={{ width: 130, marginBottom: 8 }} rules={amountRules(t, t('itemCap', { n: i + 1 }), false)}>
                        <InputNumber<number> aria-label={t('itemCap', { n: i + 1 })} placeholder={t('itemCapShort2')} min={0} style={{ width: '100%' }} formatter={viNumber} parser={parseViNumber} />
                      </Form.Item>
                      <Button danger type="text" onClick={() => remove(f.name)} aria-label={t('removeItem', { n: i + 1 })}>✕</Button>
                    </Flex>
                  ))}
                  <Button type="dashed" block onClick={() => addItem({ title: '', points: null, cap: null })}>{t('addItem')}</Button>
                  <Form.ErrorList errors={errors} />
                </>
              )}
            </Form.List>
          </Form.Item>
        )}
        <Form.Item name="guidance" label={t('guidanceField')} extra={t('guidanceHint')} rules={[{ max: 5000 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
        </Form.Item>
        <Form.Item name="evidenceRequired" valuePropName="checked">
          <Checkbox>{t('evidenceField')}</Checkbox>
        </Form.Item>
        <Form.Item name="notApplicableUnitIds" label={t('naField')} extra={t('naHint')}>
          <Select mode="multiple" options={memberOptions} showSearch={searchBy('title')} allowClear aria-label={t('naField')} />
        </Form.Item>
        {error && <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} title={error} />}
        <FormButtons onCancel={onClose} submit={editing?.kind === 'add' ? t('action.create') : t('action.save')} loading={add.isPending || update.isPending} />
      </Form>
    </Drawer>
  );
}

/** Moves a row under another group (or to the top level) at a chosen place among its new siblings. */
export function MoveModal({ criterion, scheme, onClose, onMoved }: { criterion: Criterion | null; scheme: Scheme; onClose: () => void; onMoved: (code: string) => void }) {
  const t = useT(scoringStrings);
  const [form] = Form.useForm<{ parentId: string; position: number }>();
  const move = useMoveCriterion();
  const conflict = useConflictHandler(scheme.id);
  const { message } = useFeedback();
  const [error, setError] = useState<string | null>(null);
  const TOP = '__top__';
  const parentValue = Form.useWatch('parentId', form) as string | undefined;

  useEffect(() => {
    if (!criterion) return;
    setError(null);
    const parent = criterion.parentId ?? TOP;
    const siblings = childrenOf(scheme.criteria, criterion.parentId).filter((c) => c.id !== criterion.id);
    const index = childrenOf(scheme.criteria, criterion.parentId).findIndex((c) => c.id === criterion.id);
    form.setFieldsValue({ parentId: parent, position: Math.min(index, siblings.length) });
  }, [criterion, form]); // only when the dialog opens on a row

  const blocked = criterion ? descendantIds(scheme.criteria, criterion.id) : new Set<string>();
  const groups = scheme.criteria.filter((c) => c.type === 'group' && c.id !== criterion?.id && !blocked.has(c.id));
  const parentOptions = [
    ...(criterion ? [{ value: TOP, label: t('topLevel') }] : []),
    ...(criterion && isAdjustment(criterion.type) ? [] : groups.map((g) => ({ value: g.id, label: `${'\u00a0\u00a0'.repeat(g.depth)}${g.code} – ${g.title}` }))),
  ];
  const targetParent = parentValue && parentValue !== TOP ? parentValue : null;
  const targetSiblings = criterion ? childrenOf(scheme.criteria, targetParent).filter((c) => c.id !== criterion.id) : [];
  const positionOptions = [
    { value: 0, label: t('positionFirst') },
    ...targetSiblings.map((s, i) => ({ value: i + 1, label: t('positionAfter', { code: s.code }) })),
  ];

  const submit = (v: { parentId: string; position: number }) => {
    if (!criterion) return;
    setError(null);
    move.mutate({ schemeId: scheme.id, criterionId: criterion.id, body: { parentId: v.parentId === TOP ? null : v.parentId, position: v.position, version: criterion.version } }, {
      onSuccess: () => {
        message.success(t('movedOk', { code: criterion.code }));
        onMoved(criterion.code);
        onClose();
      },
      onError: (e) => {
        if (!conflict(e, onClose)) setError(e.message);
      },
    });
  };

  const title = criterion ? t('moveTitle', { code: criterion.code, title: criterion.title }) : '';
  return (
    <Modal open={!!criterion} title={title} onCancel={onClose} footer={null} destroyOnHidden width={640}>
      <Form form={form} layout="vertical" onFinish={submit} aria-label={title}>
        <Form.Item name="parentId" label={t('moveParent')}>
          <Select options={parentOptions} showSearch={searchBy()} aria-label={t('moveParent')} autoFocus
            onChange={(p: string) => form.setFieldValue('position', childrenOf(scheme.criteria, p === TOP ? null : p).filter((c) => c.id !== criterion?.id).length)} />
        </Form.Item>
        <Form.Item name="position" label={t('movePosition')}>
          <Select options={positionOptions} aria-label={t('movePosition')} />
        </Form.Item>
        {error && <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} title={error} />}
        <FormButtons onCancel={onClose} submit={t('moveSubmit')} loading={move.isPending} />
      </Form>
    </Modal>
  );
}
