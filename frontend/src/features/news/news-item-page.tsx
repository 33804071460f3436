import { Alert, Button, Flex, Form, Image, Input, List, Popconfirm, Radio, Select, Skeleton, Space, Tag, Typography, Upload } from 'antd';
import { useFeedback } from '@/components/feedback';
import { Card } from '@/components/card';
import { lazy, Suspense, useState } from 'react';
import { Link, useParams } from 'react-router';
import { paths } from '@/lib/paths';
import { LazyDatePicker } from '@/components/lazy-date-picker';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { ReasonButton } from '@/components/reason-button';
import { useT } from '@/i18n/i18n';
import { DATE_FORMAT, fromApiDate, toApiDate } from '@/lib/dates';
import { applyServerErrors } from '@/lib/form-errors';
import { formatDate } from '@/lib/format';
import { runMutation } from '@/lib/mutation';
import {
  useAddPhoto, useDeletePhoto, useFeatureNews, useNews, useNewsAction, usePlanLinks, useReturnNews, useUpdateNews, type NewsItem,
} from './api/news';
import { newsStrings, type NewsStringKey } from './i18n';
import { NEWS_STATUS_COLORS } from './news-status';

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

function Editor({ item }: { item: NewsItem }) {
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

function Photos({ item }: { item: NewsItem }) {
  const t = useT(newsStrings);
  const { message } = useFeedback();
  const add = useAddPhoto();
  const del = useDeletePhoto();
  const [file, setFile] = useState<File | null>(null);
  const [form] = Form.useForm<{ alt: string; caption: string }>();
  const editable = item.permissions.canEdit;
  const submit = (v: { alt: string; caption: string }) => {
    if (!file) return;
    runMutation(add, { id: item.id, file, alt: v.alt, caption: v.caption ?? '' }, () => {
      message.success(t('photoAddedOk'));
      form.resetFields();
      setFile(null);
    }, (e) => { if (!applyServerErrors(form, e, { alt: t('photoAlt'), caption: t('photoCaption'), file: t('photoFile') })) message.error(e.message); });
  };
  return (
    <Card title={t('photos')} style={{ marginTop: 16 }}>
      <List dataSource={item.photos} locale={{ emptyText: t('noPhotos') }} renderItem={(p) => (
        <List.Item actions={editable ? [<Popconfirm key="d" title={t('deletePhoto')} onConfirm={() => del.mutate(p.id)}><Button danger size="small">{t('deletePhoto')}</Button></Popconfirm>] : []}>
          <Flex gap={12} align="center" wrap>
            <Image src={p.url} alt={p.alt} width={120} />
            <div><div>{p.caption}</div><Typography.Text type="secondary">{p.alt}</Typography.Text></div>
          </Flex>
        </List.Item>
      )} />
      {editable && (
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
      )}
    </Card>
  );
}

function ItemView({ item }: { item: NewsItem }) {
  const t = useT(newsStrings);
  const { message } = useFeedback();
  const action = useNewsAction();
  const ret = useReturnNews();
  const feature = useFeatureNews();
  const p = item.permissions;
  const featured = item.featuredInBlock || item.featuredCity;
  return (
    <>
      <PageHeader
        title={item.title}
        subtitle={<Space wrap><Tag>{t(`kind.${item.kind}` as NewsStringKey)}</Tag><Tag color={NEWS_STATUS_COLORS[item.status]}>{t(`status.${item.status}` as NewsStringKey)}</Tag>{item.unitName}{item.publishedAt && ` · ${formatDate(item.publishedAt)}`}</Space>}
        extra={<>
          <Link to={`${paths.news.getHref()}?blockYearId=${item.blockYearId}`}>{t('back')}</Link>
          {item.publicUrl && <a href={item.publicUrl} target="_blank" rel="noopener">{t('viewPublic')}</a>}
        </>}
      />
      {item.status === 'returned' && item.returnReason && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('returnedNotice', { reason: item.returnReason })} />}
      {item.status === 'submitted' && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('submittedNotice')} />}
      {item.status === 'published' && <Alert type="success" showIcon style={{ marginBottom: 16 }} title={t('publishedNotice')} />}
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        {p.canSubmit && <Button type="primary" loading={action.isPending} onClick={() => runMutation(action, { id: item.id, action: 'submit' }, () => message.success(t('submittedOk')), (e) => message.error(e.message))}>{t('submit')}</Button>}
        {p.canApprove && <Button type="primary" loading={action.isPending} onClick={() => runMutation(action, { id: item.id, action: 'approve' }, () => message.success(t('approvedOk')), (e) => message.error(e.message))}>{t('approve')}</Button>}
        {p.canApprove && <ReasonButton label={t('returnItem')} title={t('returnTitle')} body={t('returnBody')} okText={t('returnItem')} reasonLabel={t('returnReason')} requiredMessage={t('returnRequired')}
          loading={ret.isPending} onConfirm={(reason) => ret.mutateAsync({ id: item.id, reason }).then(() => message.success(t('returnedOk')), (e: Error) => { message.error(e.message); throw e; })} />}
        {p.canFeature && <Button loading={feature.isPending} onClick={() => runMutation(feature, { id: item.id, featured: !featured }, () => message.success(t('featuredOk')), (e) => message.error(e.message))}>{featured ? t('unfeature') : t('feature')}</Button>}
      </Flex>
      {p.canEdit ? <Editor key={item.version} item={item} /> : (
        <Card>
          {item.subjectName && <Typography.Paragraph strong>{item.subjectName}</Typography.Paragraph>}
          {/* Sanitised by the server's allow-list on every write (news-html.ts); the public page shows the same HTML. */}
          <div className="news-body" dangerouslySetInnerHTML={{ __html: item.bodyHtml }} />
          {item.authorLine && <Typography.Paragraph strong style={{ textAlign: 'right' }}>{item.authorLine}</Typography.Paragraph>}
        </Card>
      )}
      <Photos item={item} />
    </>
  );
}

/** One news item or story: write and edit (own unit), submit, approve or return (the unit's head), feature (leader seat, board). */
function NewsItemPage() {
  const { id = '' } = useParams();
  const item = useNews(id);
  return <QueryState query={item}>{(data) => <ItemView item={data} />}</QueryState>;
}

export { NewsItemPage as Component };
