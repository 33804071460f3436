import { Button, Flex, Form, Input, Radio, Select, Skeleton, Upload } from 'antd';
import { useFeedback } from '@/components/feedback';
import { lazy, Suspense, useState } from 'react';
import { LazyDatePicker } from '@/components/lazy-date-picker';
import { useT } from '@/i18n/i18n';
import { DATE_FORMAT, fromApiDate, toApiDate } from '@/lib/dates';
import { applyServerErrors } from '@/lib/form-errors';
import { runMutation } from '@/lib/mutation';
import { useAddPhoto, usePlanLinks, useUpdateNews, type NewsItem } from './api/news';
import { newsStrings } from './i18n';

/** The rich-text editor is downloaded only when an editable item is opened. */
const RichTextEditor = lazy(() => import('./rich-text-editor'));

/** The form's body control: Form.Item gives value and onChange to its direct child, which hands them to the lazy editor. */
function BodyField({ loading, ...props }: { value?: string; onChange?: (html: string) => void; id?: string; label: string; loading: string }) {
  return <Suspense fallback={<Skeleton active aria-label={loading} />}><RichTextEditor {...props} /></Suspense>;
}

interface Values {
  title: string;
  summary: string;
  body: string;
  authorLine: string;
  subjectKind?: 'person' | 'collective';
  subjectName?: string;
  eventDate?: ReturnType<typeof fromApiDate>;
  movementKey?: string;
  activityKey?: string;
}

/** The item's form, for those who may edit it. */
export function Editor({ item }: { item: NewsItem }) {
  const t = useT(newsStrings);
  const { message } = useFeedback();
  const update = useUpdateNews();
  const links = usePlanLinks(item.blockYearId);
  const [form] = Form.useForm<Values>();
  const labels = { title: t('titleField'), summary: t('summary'), bodyHtml: t('body'), authorLine: t('authorLine'), subjectKind: t('subjectKind'), subjectName: t('subjectName'), eventDate: t('eventDate'), movementKey: t('movement'), activityKey: t('activity') };
  const save = (v: Values) => runMutation(update, {
    id: item.id,
    body: {
      version: item.version, title: v.title, summary: v.summary ?? '', bodyHtml: v.body ?? '', authorLine: v.authorLine ?? '',
      ...(item.kind === 'story' ? { subjectKind: v.subjectKind ?? null, subjectName: v.subjectName?.trim() || null } : {}),
      eventDate: toApiDate(v.eventDate) ?? null, movementKey: v.movementKey || null, activityKey: v.activityKey || null,
    },
  }, () => message.success(t('savedOk')), (e) => { if (!applyServerErrors(form, e, labels)) message.error(e.message); });
  const none = { value: '', label: t('none_') };
  return (
    <Form form={form} layout="vertical" onFinish={save} initialValues={{
      title: item.title, summary: item.summary, body: item.bodyHtml, authorLine: item.authorLine, subjectKind: item.subjectKind ?? undefined,
      subjectName: item.subjectName ?? '', eventDate: fromApiDate(item.eventDate), movementKey: item.movementKey ?? '', activityKey: item.activityKey ?? '',
    }}>
      <Form.Item name="title" label={t('titleField')} rules={[{ required: true, whitespace: true, message: t('required', { field: t('titleField').toLowerCase() }) }]}><Input maxLength={300} /></Form.Item>
      {item.kind === 'story' && (
        <Flex gap={16} wrap>
          <Form.Item name="subjectKind" label={t('subjectKind')}><Radio.Group options={[{ value: 'person', label: t('subject.person') }, { value: 'collective', label: t('subject.collective') }]} /></Form.Item>
          <Form.Item name="subjectName" label={t('subjectName')} style={{ flex: 1, minWidth: 240 }}><Input maxLength={300} /></Form.Item>
        </Flex>
      )}
      <Form.Item name="summary" label={t('summary')}><Input.TextArea rows={2} maxLength={600} /></Form.Item>
      <Form.Item name="body" label={t('body')}>
        <BodyField label={t('body')} loading={t('rte.loading')} />
      </Form.Item>
      <Form.Item name="authorLine" label={t('authorLine')} extra={t('authorHint')}><Input maxLength={300} /></Form.Item>
      <Flex gap={16} wrap>
        <Form.Item name="eventDate" label={t('eventDate')}><LazyDatePicker format={DATE_FORMAT} /></Form.Item>
        <Form.Item name="movementKey" label={t('movement')} style={{ minWidth: 240, flex: 1 }}>
          <Select options={[none, ...(links.data?.movements ?? []).map((m) => ({ value: m.key, label: m.title }))]} />
        </Form.Item>
        <Form.Item name="activityKey" label={t('activity')} style={{ minWidth: 240, flex: 1 }}>
          <Select options={[none, ...(links.data?.activities ?? []).map((a) => ({ value: a.key, label: a.title }))]} />
        </Form.Item>
      </Flex>
      <Button type="primary" htmlType="submit" loading={update.isPending}>{t('save')}</Button>
    </Form>
  );
}

/** Adds a photo (file, alternative text, caption) to an item its reader may edit. */
export function PhotoForm({ item }: { item: NewsItem }) {
  const t = useT(newsStrings);
  const { message } = useFeedback();
  const add = useAddPhoto();
  const [file, setFile] = useState<File | null>(null);
  const [form] = Form.useForm<{ alt: string; caption: string }>();
  const submit = (v: { alt: string; caption: string }) => {
    if (!file) return;
    runMutation(add, { id: item.id, file, alt: v.alt, caption: v.caption ?? '' }, () => {
      message.success(t('photoAddedOk'));
      form.resetFields();
      setFile(null);
    }, (e) => { if (!applyServerErrors(form, e, { alt: t('photoAlt'), caption: t('photoCaption'), file: t('photoFile') })) message.error(e.message); });
  };
  return (
    <Form form={form} layout="vertical" onFinish={submit} style={{ marginTop: 12 }}>
      <Form.Item label={t('photoFile')} required>
        <Upload accept="image/jpeg,image/png,image/webp,image/gif" maxCount={1} beforeUpload={(f) => { setFile(f); return false; }} onRemove={() => setFile(null)}
          fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}>
          <Button>{t('photoFile')}</Button>
        </Upload>
      </Form.Item>
      <Form.Item name="alt" label={t('photoAlt')} rules={[{ required: true, whitespace: true, message: t('photoAltRequired') }]}><Input maxLength={300} /></Form.Item>
      <Form.Item name="caption" label={t('photoCaption')}><Input maxLength={500} /></Form.Item>
      <Button htmlType="submit" disabled={!file} loading={add.isPending}>{t('addPhoto')}</Button>
    </Form>
  );
}
