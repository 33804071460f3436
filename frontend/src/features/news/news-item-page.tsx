import { Alert, Button, Flex, Skeleton, Space, Tag } from 'antd';
import { useFeedback } from '@/components/feedback';
import { Card } from '@/components/card';
import { lazy, Suspense } from 'react';
import { Link, useParams } from 'react-router';
import { paths } from '@/lib/paths';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { ReasonButton } from '@/components/reason-button';
import { useT } from '@/i18n/i18n';
import { formatDate } from '@/lib/format';
import { runMutation } from '@/lib/mutation';
import { useDeletePhoto, useFeatureNews, useNews, useNewsAction, useReturnNews, type NewsItem } from './api/news';
import { newsStrings, type NewsStringKey } from './i18n';
import { NEWS_STATUS_COLORS } from './news-status';
import { Typography } from '@/components/typography';

/** The forms (the rich-text editor, adding a photo) load only for an item its reader may edit. */
const Editor = lazy(() => import('./news-editor').then((m) => ({ default: m.Editor })));
const PhotoForm = lazy(() => import('./news-editor').then((m) => ({ default: m.PhotoForm })));
/** The photo list (the kit's List and Image with its preview) loads beside the article, not before it. */
const PhotoList = lazy(() => import('./photo-list').then((m) => ({ default: m.PhotoList })));

function Photos({ item }: { item: NewsItem }) {
  const t = useT(newsStrings);
  const del = useDeletePhoto();
  const editable = item.permissions.canEdit;
  return (
    <Card title={t('photos')} style={{ marginTop: 16 }}>
      <Suspense fallback={<Skeleton active paragraph={{ rows: 2 }} />}><PhotoList item={item} editable={editable} onDelete={(id) => del.mutate(id)} /></Suspense>
      {editable && <Suspense fallback={null}><PhotoForm item={item} /></Suspense>}
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
      {p.canEdit ? <Suspense fallback={<Skeleton active />}><Editor key={item.version} item={item} /></Suspense> : (
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
