import { Button, Empty, Flex, Input, Select, Tabs, Tag } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { paths } from '@/lib/paths';
import { DataTable } from '@/components/data-table';
import { PageHeader } from '@/components/page-header';
import { useMe } from '@/api/me';
import { useBlockYears } from '@/api/block-years';
import { useT } from '@/i18n/i18n';
import { compareVi, formatDate } from '@/lib/format';
import { useNewsCounts, useNewsList, useNewsOverview, type NewsSummary } from './api/news';
import { newsStrings, type NewsStringKey } from './i18n';
import { NEWS_STATUS_COLORS } from './news-status';
import { lazyDialog } from '@/components/lazy-dialog';
import { Typography } from '@/components/typography';

// Dialogs load when first opened.
// The register of exemplary models loads when its tab is opened.
const ModelRegisterTab = lazy(() => import('./model-register').then((m) => ({ default: m.ModelRegisterTab })));
const CreateModal = lazyDialog(() => import('./create-news-modal').then((m) => m.CreateModal), (p) => p.open);

function ItemsTab({ blockYearId }: { blockYearId: string }) {
  const t = useT(newsStrings);
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const list = useNewsList({ blockYearId, q: q || undefined, page });
  const data = list.data;
  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear aria-label={t('search')} placeholder={t('search')} style={{ maxWidth: 420 }} onSearch={(v) => { setQ(v.trim()); setPage(1); }} />
        {data?.canWrite && <Button type="primary" onClick={() => setCreating(true)}>{t('write')}</Button>}
      </Flex>
      <DataTable<NewsSummary>
        rowKey="id" size="middle" loading={list.isLoading} dataSource={data?.items ?? []} scroll={{ x: 640 }}
        locale={{ emptyText: <Empty description={t('none')} /> }}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage }}
        columns={[
          { title: t('colTitle'), key: 'title', render: (_, r) => <><Link to={paths.newsItem.getHref(r.id)}>{r.title}</Link>{(r.featuredInBlock || r.featuredCity) && <Tag color="gold" style={{ marginLeft: 6 }}>{t('featured')}</Tag>}</> },
          { title: t('colKind'), key: 'kind', render: (_, r) => t(`kind.${r.kind}` as NewsStringKey) },
          { title: t('colUnit'), dataIndex: 'unitName' },
          { title: t('colStatus'), key: 'status', render: (_, r) => <Tag color={NEWS_STATUS_COLORS[r.status]}>{t(`status.${r.status}` as NewsStringKey)}</Tag> },
          { title: t('colPublished'), key: 'publishedAt', render: (_, r) => formatDate(r.publishedAt) },
        ]}
      />
      <CreateModal blockYearId={blockYearId} open={creating} onClose={() => setCreating(false)} />
    </>
  );
}

function CountsTab({ blockYearId }: { blockYearId: string }) {
  const t = useT(newsStrings);
  const counts = useNewsCounts(blockYearId);
  const cell = (c?: { published: number; target: number | null; met: boolean | null }) =>
    !c ? '' : c.target === null ? t('noTarget', { published: c.published }) : <Tag color={c.met ? 'green' : 'orange'}>{t('countCell', { published: c.published, target: c.target })}</Tag>;
  const rows = useMemo(() => [...(counts.data?.units ?? [])].sort((a, b) => compareVi(a.unitName, b.unitName)), [counts.data]);
  return (
    <DataTable
      rowKey="unitId" size="middle" loading={counts.isLoading} dataSource={rows} pagination={false} scroll={{ x: 480 }}
      columns={[
        { title: t('colUnit'), dataIndex: 'unitName' },
        { title: t('colTotalNews'), key: 'news', render: (_, r) => cell(r.total.find((c) => c.kind === 'news')) },
        { title: t('colTotalStories'), key: 'story', render: (_, r) => cell(r.total.find((c) => c.kind === 'story')) },
        { title: t('movement'), key: 'm', render: (_, r) => r.byMovement.map((m) => <div key={m.movementKey}><Typography.Text type="secondary">{m.movementTitle}: </Typography.Text>{m.cells.map((c) => <span key={c.kind} style={{ marginRight: 6 }}>{t(`kind.${c.kind}` as NewsStringKey)} {cell(c)}</span>)}</div>) },
      ]}
    />
  );
}

/** The board's view: published news and stories per block of a year, and how many units meet their targets. */
function OverviewTab({ years }: { years: number[] }) {
  const t = useT(newsStrings);
  const [year, setYear] = useState(years[0] ?? new Date().getFullYear());
  const o = useNewsOverview(year, true);
  return (
    <>
      <Select aria-label={t('year')} value={year} onChange={setYear} options={years.map((y) => ({ value: y, label: String(y) }))} style={{ width: 120, marginBottom: 12 }} />
      <DataTable rowKey="blockYearId" size="middle" loading={o.isLoading} pagination={false} scroll={{ x: 480 }}
        dataSource={[...(o.data ?? [])].sort((a, b) => compareVi(a.blockName, b.blockName))}
        columns={[
          { title: t('colBlock'), key: 'b', render: (_, r) => <a href={r.publicUrl} target="_blank" rel="noopener">{r.blockName}</a> },
          { title: t('colTotalNews'), dataIndex: 'news' },
          { title: t('colTotalStories'), dataIndex: 'stories' },
          { title: t('colMeeting'), key: 'm', render: (_, r) => t('meeting', { n: r.unitsMeetingTargets, total: r.units }) },
        ]} />
    </>
  );
}

/** Tin, bài of a block year: the list (own unit's drafts and everything published), writing, counts against targets, and the register of exemplary models (`?tab=models`). */
function NewsPage() {
  const t = useT(newsStrings);
  const [params, setParams] = useSearchParams();
  const years = useBlockYears();
  const options = useMemo(() => [...(years.data ?? [])].sort((a, b) => b.year - a.year || compareVi(a.blockName, b.blockName))
    .map((y) => ({ value: y.id, label: `${y.blockName} – ${y.year}` })), [years.data]);
  const blockYearId = params.get('blockYearId') ?? options[0]?.value ?? '';
  const tab = params.get('tab') ?? 'items';
  const go = (next: { blockYearId?: string; tab?: string }) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) if (v) p.set(k, v);
    setParams(p);
  };
  const me = useMe();
  const cityWide = !!me.data?.permissions.cityWide;
  const yearNumbers = [...new Set((years.data ?? []).map((y) => y.year))].sort((a, b) => b - a);
  return (
    <>
      <PageHeader title={t('title')} extra={<a href="/tin-tuc" target="_blank" rel="noopener">{t('publicPage')}</a>} />
      <Select aria-label={t('chooseYear')} placeholder={t('chooseYear')} style={{ minWidth: 280, maxWidth: '100%', marginBottom: 12 }} loading={years.isLoading}
        options={options} value={blockYearId || undefined} onChange={(v: string) => go({ blockYearId: v })} />
      {blockYearId && (
        <Tabs activeKey={tab} onChange={(k) => go({ tab: k })} items={[
          { key: 'items', label: t('tabItems'), children: <ItemsTab key={blockYearId} blockYearId={blockYearId} /> },
          { key: 'counts', label: t('tabCounts'), children: <CountsTab blockYearId={blockYearId} /> },
          { key: 'models', label: t('tabModels'), children: <Suspense fallback={null}><ModelRegisterTab key={blockYearId} blockYearId={blockYearId} /></Suspense> },
          ...(cityWide ? [{ key: 'overview', label: t('tabOverview'), children: <OverviewTab years={yearNumbers} /> }] : []),
        ]} />
      )}
    </>
  );
}

export { NewsPage as Component };
