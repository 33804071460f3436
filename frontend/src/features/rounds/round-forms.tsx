import { Flex, Form, Input, Modal, Select } from 'antd';
import { useFeedback } from '@/components/feedback';
import { useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo } from 'react';
import { Link } from 'react-router';
import { LazyDatePicker } from '@/components/lazy-date-picker';
import { ApiError } from '@/api/client';
import { paths } from '@/lib/paths';
import { useT } from '@/i18n/i18n';
import { applyServerErrors } from '@/lib/form-errors';
import { formatNumber } from '@/lib/format';
import { ROUND_KINDS, roundKeys, useCreateRound, useSchemes, useUpdateRound, type Round, type RoundKind, type RoundSummary } from './api/rounds';
import { roundStrings, type RoundStringKey } from './i18n';
import { DATE_TIME_FORMAT, fromApiDateTime, toApiDateTime } from './labels';
import { Typography } from '@/components/typography';

const DATE_FIELDS = ['selfAssessmentUntil', 'reviewUntil', 'explanationUntil', 'finalReviewUntil'] as const;
type DateField = (typeof DATE_FIELDS)[number];

interface OpenValues {
  kind: RoundKind;
  title: string;
  schemeId: string;
  opensAt: Dayjs | null;
  selfAssessmentUntil: Dayjs | null;
  reviewUntil: Dayjs | null;
  explanationUntil: Dayjs | null;
  finalReviewUntil: Dayjs | null;
}

function DateTimeField({ name, label, required, extra, disabled }: { name: string; label: string; required?: boolean; extra?: string; disabled?: boolean }) {
  const t = useT(roundStrings);
  return (
    <Form.Item name={name} label={label} extra={extra} rules={required ? [{ required: true, message: t('required', { field: label }) }] : []} style={{ flex: '1 1 220px' }}>
      <LazyDatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format={DATE_TIME_FORMAT} placeholder={t('dateTimePlaceholder')} style={{ width: '100%' }} disabled={disabled} />
    </Form.Item>
  );
}

/**
 * The leader opens a round of a block year: kind (one of each per year), title, the scheme version it uses
 * (frozen on opening; the server refuses an incomplete one with its reasons) and the phase deadlines.
 */
export function OpenRoundModal({ open, blockYearId, year, existing, onClose, onOpened }: {
  open: boolean;
  blockYearId: string;
  year: number;
  existing: RoundSummary[];
  onClose: () => void;
  onOpened: (r: Round) => void;
}) {
  const t = useT(roundStrings);
  const [form] = Form.useForm<OpenValues>();
  const { message } = useFeedback();
  const create = useCreateRound();
  const schemes = useSchemes(blockYearId, open);
  const taken = useMemo(() => new Set(existing.map((r) => r.kind)), [existing]);
  const usable = useMemo(() => (schemes.data ?? []).filter((s) => s.criteriaCount > 0).sort((a, b) => b.versionNo - a.versionNo), [schemes.data]);
  const kind = Form.useWatch('kind', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ kind: ROUND_KINDS.find((k) => !taken.has(k)) ?? 'mid_year' });
  }, [open, form, taken]);

  useEffect(() => {
    if (open && usable.length && !form.getFieldValue('schemeId')) form.setFieldValue('schemeId', (usable.find((s) => s.status === 'frozen') ?? usable[0]).id);
  }, [open, usable, form]);

  const defaultTitle = t(`defaultTitle_${kind ?? 'mid_year'}` as RoundStringKey, { year });

  const submit = async (v: OpenValues) => {
    try {
      const r = await create.mutateAsync({
        blockYearId, kind: v.kind, schemeId: v.schemeId, title: v.title?.trim() || undefined, opensAt: toApiDateTime(v.opensAt),
        selfAssessmentUntil: toApiDateTime(v.selfAssessmentUntil)!, reviewUntil: toApiDateTime(v.reviewUntil)!, explanationUntil: toApiDateTime(v.explanationUntil)!,
        finalReviewUntil: toApiDateTime(v.finalReviewUntil),
      });
      message.success(t('opened'));
      onOpened(r);
      onClose();
    } catch (e) {
      if (!applyServerErrors(form, e, fieldLabels(t))) message.error((e as Error).message);
    }
  };

  return (
    <Modal open={open} title={t('openTitle')} onCancel={onClose} onOk={() => form.submit()} okText={t('open')} cancelText={t('action.cancel')} confirmLoading={create.isPending} width={720} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} requiredMark>
        <Form.Item name="kind" label={t('kind')} rules={[{ required: true, message: t('required', { field: t('kind') }) }]}>
          <Select options={ROUND_KINDS.map((k) => ({ value: k, label: taken.has(k) ? t('kindTaken', { kind: t(`kind.${k}`) }) : t(`kind.${k}`), disabled: taken.has(k) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('roundTitle')} extra={t('roundTitleHint', { title: defaultTitle })} rules={[{ max: 500 }]}>
          <Input placeholder={defaultTitle} />
        </Form.Item>
        <Form.Item name="schemeId" label={t('scheme')} extra={t('schemeHint')} rules={[{ required: true, message: t('required', { field: t('scheme') }) }]}>
          <Select
            loading={schemes.isPending}
            notFoundContent={<Typography.Text type="secondary">{t('noSchemes')} <Link to={paths.scheme.getHref(blockYearId)}>{t('schemeLink')}</Link></Typography.Text>}
            options={usable.map((s) => ({
              value: s.id,
              label: t('schemeOption', { title: s.title, n: s.versionNo, status: t(`scheme.${s.status}`), count: s.criteriaCount, max: formatNumber(s.totalMax) }),
            }))}
          />
        </Form.Item>
        <Flex gap={12} wrap>
          <DateTimeField name="opensAt" label={t('opensAt')} extra={t('opensAtHint')} />
          <DateTimeField name="selfAssessmentUntil" label={t('selfAssessmentUntil')} required />
        </Flex>
        <Flex gap={12} wrap>
          <DateTimeField name="reviewUntil" label={t('reviewUntil')} required />
          <DateTimeField name="explanationUntil" label={t('explanationUntil')} required />
        </Flex>
        <DateTimeField name="finalReviewUntil" label={t('finalReviewUntil')} extra={t('finalReviewHint')} />
      </Form>
    </Modal>
  );
}

const fieldLabels = (t: (k: RoundStringKey) => string): Record<string, string> => ({
  kind: t('kind'), title: t('roundTitle'), schemeId: t('scheme'), opensAt: t('opensAt'), selfAssessmentUntil: t('selfAssessmentUntil'),
  reviewUntil: t('reviewUntil'), explanationUntil: t('explanationUntil'), finalReviewUntil: t('finalReviewUntil'),
});

interface EditValues {
  title: string;
  selfAssessmentUntil: Dayjs | null;
  reviewUntil: Dayjs | null;
  explanationUntil: Dayjs | null;
  finalReviewUntil: Dayjs | null;
  reason: string;
}

/** Title and dates still ahead (a date that passed is shown but locked); sends only what changed, with the round's version. */
export function EditRoundModal({ open, round, onClose }: { open: boolean; round: Round; onClose: () => void }) {
  const t = useT(roundStrings);
  const [form] = Form.useForm<EditValues>();
  const { message } = useFeedback();
  const update = useUpdateRound();
  const qc = useQueryClient();
  const now = Date.now();
  const passed = (iso: string | null) => !!iso && new Date(iso).getTime() <= now;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({
      title: round.title, selfAssessmentUntil: fromApiDateTime(round.selfAssessmentUntil), reviewUntil: fromApiDateTime(round.reviewUntil),
      explanationUntil: fromApiDateTime(round.explanationUntil), finalReviewUntil: fromApiDateTime(round.finalReviewUntil), reason: '',
    });
    // Filled once per opening (not on `round`): a refetch meanwhile must not overwrite what is being typed.
  }, [open]);

  const submit = async (v: EditValues) => {
    const body: Parameters<typeof update.mutateAsync>[0]['body'] = { version: round.version };
    if (v.title.trim() !== round.title) body.title = v.title.trim();
    for (const f of DATE_FIELDS) {
      const next = toApiDateTime(v[f]);
      const old = round[f as DateField];
      if (next && (!old || new Date(next).getTime() !== new Date(old).getTime())) body[f] = next;
    }
    if (v.reason.trim()) body.reason = v.reason.trim();
    try {
      await update.mutateAsync({ id: round.id, body });
      message.success(t('calendarSaved'));
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'stale_version') {
        message.warning(t('staleRound'));
        await qc.invalidateQueries({ queryKey: roundKeys.detail(round.id) });
        onClose();
        return;
      }
      if (!applyServerErrors(form, e, fieldLabels(t))) message.error((e as Error).message);
    }
  };

  return (
    <Modal open={open} title={t('editTitle')} onCancel={onClose} onOk={() => form.submit()} okText={t('action.save')} cancelText={t('action.cancel')} confirmLoading={update.isPending} width={720} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="title" label={t('roundTitle')} rules={[{ required: true, whitespace: true, message: t('required', { field: t('roundTitle') }) }, { max: 500 }]}>
          <Input />
        </Form.Item>
        <Typography.Paragraph type="secondary">{t('passedHint')}</Typography.Paragraph>
        <Flex gap={12} wrap>
          <DateTimeField name="selfAssessmentUntil" label={t('selfAssessmentUntil')} disabled={passed(round.selfAssessmentUntil)} />
          <DateTimeField name="reviewUntil" label={t('reviewUntil')} disabled={passed(round.reviewUntil)} />
        </Flex>
        <Flex gap={12} wrap>
          <DateTimeField name="explanationUntil" label={t('explanationUntil')} disabled={passed(round.explanationUntil)} />
          <DateTimeField name="finalReviewUntil" label={t('finalReviewUntil')} disabled={passed(round.finalReviewUntil)} />
        </Flex>
        <Form.Item name="reason" label={t('changeReason')} rules={[{ max: 1000 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
