import { Alert, Button, Flex, Form, Input, InputNumber, Modal, Radio, Select, Upload } from 'antd';
import { useFeedback } from '@/components/feedback';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { atMostTwoDecimals } from '@thidua/rules';
import { ApiError } from '@/api/client';
import { useBlockYears, type BlockYear } from '@/api/block-years';
import { useT } from '@/i18n/i18n';
import { applyServerErrors } from '@/lib/form-errors';
import { useCreateScheme, useImportScheme, useSchemeLists, useUpdateScheme, type Scheme, type SchemeSummary } from './api/schemes';
import { useConflictHandler } from './errors';
import { scoringStrings } from './i18n';
import { importErrorLines } from './tree';
import { searchBy } from '@/lib/search';
import { Typography } from '@/components/typography';

/** Cancel and submit inside the form, so Enter in a field submits it. */
export function FormButtons({ onCancel, submit, loading }: { onCancel: () => void; submit: ReactNode; loading?: boolean }) {
  const t = useT(scoringStrings);
  return (
    <Flex justify="end" gap={8} style={{ marginTop: 8 }}>
      <Button onClick={onCancel}>{t('action.cancel')}</Button>
      <Button type="primary" htmlType="submit" loading={loading}>{submit}</Button>
    </Flex>
  );
}

/** "1250.5" → "1.250,5" while typing (thousands ".", decimals ","), and back. */
export const viNumber = (v: number | string | undefined) => {
  if (v === undefined || v === '' || v === null) return '';
  const [int, frac] = String(v).split('.');
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}${frac !== undefined ? `,${frac}` : ''}`;
};
// The input reads the parser's result as a decimal string ('' clears the field), whatever its declared type.
export const parseViNumber = (s: string | undefined) => (s ?? '').replace(/\./g, '').replace(',', '.') as unknown as number;

/** A form rule's check: empty passes (required is another rule), a number needs at most 2 decimals as the server asks. */
export const twoDecimals = (n: unknown) => typeof n !== 'number' || atMostTwoDecimals(n);

interface CreateValues {
  mode: 'blank' | 'copy';
  copyFromSchemeId?: string;
  title?: string;
  totalMax?: number | null;
}

/**
 * A new version for the year: blank (title, total) or a copy of a scheme of this block, this year or an
 * earlier one (`copyFromId` preselects it, as "Tạo phiên bản mới" does).
 */
export function CreateSchemeModal({ open, year, copyFromId, onCreated, onClose }: {
  open: boolean; year: BlockYear; copyFromId?: string; onCreated: (s: Scheme) => void; onClose: () => void;
}) {
  const t = useT(scoringStrings);
  const [form] = Form.useForm<CreateValues>();
  const create = useCreateScheme();
  const { message } = useFeedback();
  const years = useBlockYears({ blockId: year.blockId });
  const earlier = useMemo(
    () => (years.data ?? []).filter((y) => y.year <= year.year).sort((a, b) => b.year - a.year),
    [years.data, year.year],
  );
  const lists = useSchemeLists(open ? earlier.map((y) => y.id) : []);
  const mode = Form.useWatch('mode', form);
  const first = useRef<HTMLInputElement>(null);

  const options = earlier.flatMap((y, i) => (lists[i]?.data ?? []).map((s: SchemeSummary) => ({
    value: s.id, label: t('copyOption', { year: y.year, n: s.versionNo, title: s.title }),
  })));

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue(copyFromId
        ? { mode: 'copy', copyFromSchemeId: copyFromId, title: '', totalMax: null }
        : { mode: 'blank', title: '', totalMax: year.rules.scoringScaleMax ?? 100 });
    }
  }, [open, form]); // only when the dialog opens

  const submit = (v: CreateValues) => {
    const copy = v.mode === 'copy';
    create.mutate({
      blockYearId: year.id,
      title: v.title?.trim() || undefined,
      totalMax: typeof v.totalMax === 'number' ? v.totalMax : undefined,
      copyFromSchemeId: copy ? v.copyFromSchemeId : undefined,
    }, {
      onSuccess: (s) => {
        message.success(t('createdOk', { n: s.versionNo }));
        onCreated(s);
        onClose();
      },
      onError: (e) => {
        if (!applyServerErrors(form, e, { title: t('titleField'), totalMax: t('totalMaxField'), copyFromSchemeId: t('copyFrom') })) message.error(e.message);
      },
    });
  };

  return (
    <Modal open={open} title={copyFromId ? t('newVersionTitle') : t('createTitle')} onCancel={onClose} footer={null} destroyOnHidden
      afterOpenChange={(o) => o && first.current?.focus()}>
      <Form form={form} layout="vertical" onFinish={submit} aria-label={copyFromId ? t('newVersionTitle') : t('createTitle')}>
        <Form.Item name="mode" label={t('mode')}>
          <Radio.Group optionType="button" options={[{ value: 'blank', label: t('mode.blank') }, { value: 'copy', label: t('mode.copy') }]} />
        </Form.Item>
        {mode === 'copy' && (
          <Form.Item name="copyFromSchemeId" label={t('copyFrom')} extra={t('copyFromHint')}
            rules={[{ required: true, message: t('required', { field: t('copyFrom') }) }]}>
            <Select options={options} loading={lists.some((l) => l.isPending)} showSearch={searchBy()} />
          </Form.Item>
        )}
        <Form.Item name="title" label={t('titleField')} extra={t('titleHint')} rules={[{ max: 500 }]}>
          <Input maxLength={500} ref={(el) => { first.current = el?.input ?? null; }} autoFocus />
        </Form.Item>
        <Form.Item name="totalMax" label={t('totalMaxField')} extra={mode === 'copy' ? t('totalMaxCopyHint') : t('totalMaxHint')}
          rules={[
            { required: mode !== 'copy', message: t('required', { field: t('totalMaxField') }) },
            { validator: (_, v) => (v === null || v === undefined || v === '' || Number(v) > 0 ? Promise.resolve() : Promise.reject(new Error(t('positive', { field: t('totalMaxField') })))) },
            { validator: (_, v) => (twoDecimals(v) ? Promise.resolve() : Promise.reject(new Error(t('twoDecimals')))) },
          ]}>
          <InputNumber<number> min={0} style={{ width: 200 }} formatter={viNumber} parser={parseViNumber} />
        </Form.Item>
        <FormButtons onCancel={onClose} submit={copyFromId ? t('newVersion') : t('create')} loading={create.isPending} />
      </Form>
    </Modal>
  );
}

/** Title and declared total of a draft (the scheme's version for optimistic concurrency). */
export function SchemeSettingsModal({ open, scheme, onClose }: { open: boolean; scheme: Scheme; onClose: () => void }) {
  const t = useT(scoringStrings);
  const [form] = Form.useForm<{ title: string; totalMax: number }>();
  const update = useUpdateScheme();
  const conflict = useConflictHandler(scheme.id);
  const { message } = useFeedback();
  const first = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (open) form.setFieldsValue({ title: scheme.title, totalMax: scheme.totalMax });
  }, [open, form]); // only when the dialog opens

  const submit = (v: { title: string; totalMax: number }) => {
    update.mutate({ id: scheme.id, body: { title: v.title.trim(), totalMax: v.totalMax, version: scheme.version } }, {
      onSuccess: () => {
        message.success(t('savedOk'));
        onClose();
      },
      onError: (e) => {
        if (conflict(e, onClose)) return;
        if (!applyServerErrors(form, e, { title: t('titleField'), totalMax: t('totalMaxField') })) message.error(e.message);
      },
    });
  };

  return (
    <Modal open={open} title={t('settingsTitle')} onCancel={onClose} footer={null} destroyOnHidden afterOpenChange={(o) => o && first.current?.focus()}>
      <Form form={form} layout="vertical" onFinish={submit} aria-label={t('settingsTitle')}>
        <Form.Item name="title" label={t('titleField')} rules={[{ required: true, whitespace: true, message: t('required', { field: t('titleField') }) }, { max: 500 }]}>
          <Input maxLength={500} ref={(el) => { first.current = el?.input ?? null; }} autoFocus />
        </Form.Item>
        <Form.Item name="totalMax" label={t('totalMaxField')} extra={t('totalMaxHint')}
          rules={[
            { required: true, message: t('required', { field: t('totalMaxField') }) },
            { validator: (_, v) => (v === null || v === undefined || Number(v) > 0 ? Promise.resolve() : Promise.reject(new Error(t('positive', { field: t('totalMaxField') })))) },
            { validator: (_, v) => (twoDecimals(v) ? Promise.resolve() : Promise.reject(new Error(t('twoDecimals')))) },
          ]}>
          <InputNumber<number> min={0} style={{ width: 200 }} formatter={viNumber} parser={parseViNumber} />
        </Form.Item>
        <FormButtons onCancel={onClose} submit={t('action.save')} loading={update.isPending} />
      </Form>
    </Modal>
  );
}

const MAX_BYTES = 5 * 1024 * 1024;

/** Uploads a workbook into a draft; the server's refusal lists its errors by sheet row. */
export function ImportSchemeModal({ open, scheme, onClose }: { open: boolean; scheme: Pick<SchemeSummary, 'id' | 'versionNo'>; onClose: () => void }) {
  const t = useT(scoringStrings);
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<ApiError | string | null>(null);
  const imp = useImportScheme();
  const conflict = useConflictHandler(scheme.id);
  const { message } = useFeedback();

  useEffect(() => {
    if (open) {
      setFile(null);
      setError(null);
    }
  }, [open]);

  const submit = () => {
    if (!file) return setError(t('noFile'));
    setError(null);
    imp.mutate({ id: scheme.id, file }, {
      onSuccess: (s) => {
        message.success(t('importedOk', { rows: s.criteria.length, n: s.totals.leafCount }));
        onClose();
      },
      onError: (e) => {
        if (conflict(e, onClose)) return;
        setError(e instanceof ApiError ? e : String(e));
      },
    });
  };

  const lines = error instanceof ApiError && error.code === 'invalid_import' ? importErrorLines(error.fields) : [];
  return (
    <Modal open={open} title={t('importTitle')} onCancel={onClose} destroyOnHidden width={720}
      okText={t('importSubmit')} cancelText={t('action.cancel')} onOk={submit} confirmLoading={imp.isPending}>
      <Alert type="warning" showIcon role="note" style={{ marginBottom: 12 }} title={t('importWarning', { n: scheme.versionNo })} />
      <Upload.Dragger accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" maxCount={1} multiple={false}
        fileList={file ? [{ uid: 'picked', name: file.name, status: 'done', size: file.size }] : []}
        beforeUpload={(f) => {
          if (f.size > MAX_BYTES) setError(t('tooLarge'));
          else {
            setFile(f);
            setError(null);
          }
          return false;
        }}
        onRemove={() => setFile(null)}>
        <Typography.Paragraph strong style={{ marginBottom: 4 }}>{t('pickFile')}</Typography.Paragraph>
        <Typography.Text type="secondary">{t('pickHint')}</Typography.Text>
      </Upload.Dragger>
      {error && (
        <Alert type="error" showIcon role="alert" style={{ marginTop: 12 }}
          title={typeof error === 'string' ? error : lines.length ? t('importErrors') : error.message}
          description={lines.length ? <ul style={{ margin: 0, paddingInlineStart: 18 }}>{lines.map((l) => <li key={l}>{l}</li>)}</ul> : undefined} />
      )}
    </Modal>
  );
}
