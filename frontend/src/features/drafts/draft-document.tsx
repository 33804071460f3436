import { Alert, Button, Col, Empty, Flex, Popconfirm, Row, Select, Space, Switch, Tag } from 'antd';
import { useFeedback } from '@/components/feedback';
import { Card } from '@/components/card';
import { CountBadge } from '@/components/count-badge';
import { useMemo, useState, type ReactNode } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { paths } from '@/lib/paths';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { useBlockYear, type BlockYear } from '@/api/block-years';
import { useT } from '@/i18n/i18n';
import { formatDate, formatDateTime } from '@/lib/format';
import { exportDraftVersion, useAdoptingConference, useCirculate, useDraftComments, useDraftList, useDraftVersion, useRevise, useUpdateVersion, type DraftComment, type DraftDocument, type DraftKind, type DraftStatus, type DraftVersion } from './api/drafts';
import { draftStrings, type DraftStringKey } from './i18n';
import { sectionAnchor, SectionBlock } from './section-block';
import { lazyDialog } from '@/components/lazy-dialog';
import { Typography } from '@/components/typography';
import { VersionTitle } from './version-title';

// Dialogs load when first opened.
const VersionDiffModal = lazyDialog(() => import('./version-diff').then((m) => m.VersionDiffModal), (p) => p.open);
const CreateDraftModal = lazyDialog(() => import('./draft-dialogs').then((m) => m.CreateDraftModal), (p) => p.open);
const AddSectionModal = lazyDialog(() => import('./draft-dialogs').then((m) => m.AddSectionModal), (p) => p.open);

export const VERSION_STATUS_COLORS: Record<DraftStatus, string> = { draft: 'blue', circulated: 'orange', adopted: 'green', superseded: 'default' };

export interface DraftContext {
  doc: DraftDocument;
  version: DraftVersion;
  year: BlockYear;
}

/** What a kind of document adds to the shared page (the plan's structured parts, the rules' rule set). */
export interface DraftExtras {
  /** Above the document, whatever version is shown (the plan's progress). */
  top?: (year: BlockYear) => ReactNode;
  /** Under the section with this key. */
  underSection?: (key: string, ctx: DraftContext) => ReactNode;
  /** After the last section. */
  after?: (ctx: DraftContext) => ReactNode;
}

function StatusTag({ status }: { status: DraftStatus }) {
  const t = useT(draftStrings);
  return <Tag color={VERSION_STATUS_COLORS[status]}>{t(`vstatus.${status}` as DraftStringKey)}</Tag>;
}

/** The notice above the document: what state the version is in and what may be done with it. */
function VersionNotice({ version }: { version: DraftVersion }) {
  const t = useT(draftStrings);
  const conference = useAdoptingConference(version.status === 'adopted' ? version.adoptedConferenceId : null);
  const style = { marginBottom: 16 };
  switch (version.status) {
    case 'draft':
      return <Alert type="info" showIcon style={style} title={version.permissions.canEdit ? t('notice.draftLeader') : t('notice.draft')} />;
    case 'circulated':
      return (
        <Alert type="warning" showIcon style={style} title={t('notice.circulated', { time: formatDateTime(version.circulatedAt) })}
          description={version.permissions.canRevise ? t('notice.circulatedLeader') : undefined} />
      );
    case 'adopted': {
      const c = conference.data;
      const title = c
        ? t('notice.adoptedAt', { conference: c.title, date: formatDate(version.adoptedAt) })
        : t('notice.adopted', { date: formatDate(version.adoptedAt) });
      return <Alert type="success" showIcon style={style} title={title} description={version.contentHash ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('hashLabel')}: <Typography.Text code copyable style={{ fontSize: 12 }}>{version.contentHash}</Typography.Text></Typography.Text> : undefined} />;
    }
    default:
      return <Alert type="warning" showIcon style={style} title={t('notice.superseded', { n: version.number })} />;
  }
}

function VersionView({ doc, version, year, extras, onSelect }: { doc: DraftDocument; version: DraftVersion; year: BlockYear; extras: DraftExtras; onSelect: (id: string) => void }) {
  const t = useT(draftStrings);
  const { message } = useFeedback();
  const circulate = useCirculate();
  const revise = useRevise();
  const updateVersion = useUpdateVersion();
  const comments = useDraftComments(version.id, version.status !== 'draft');
  const [showAll, setShowAll] = useState(false);
  const [open, setOpen] = useState<Set<string>>(new Set());
  const [comparing, setComparing] = useState(false);
  const [adding, setAdding] = useState(false);
  const [exporting, setExporting] = useState<'docx' | 'pdf' | null>(null);
  const { permissions: p } = version;
  const ctx: DraftContext = { doc, version, year };

  const threadsByKey = useMemo(() => {
    const m = new Map<string, DraftComment[]>();
    for (const c of comments.data ?? []) m.set(c.sectionKey, [...(m.get(c.sectionKey) ?? []), c]);
    return m;
  }, [comments.data]);

  const toggle = (key: string) => setOpen((s) => {
    const next = new Set(s);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    return next;
  });
  const openAndScroll = (key: string) => {
    setOpen((s) => new Set(s).add(key));
    document.getElementById(sectionAnchor(key))?.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
  };

  const doExport = async (format: 'docx' | 'pdf') => {
    setExporting(format);
    try {
      await exportDraftVersion(version, format);
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setExporting(null);
    }
  };

  const next = Math.max(...doc.versions.map((v) => v.number)) + 1;
  const versionOptions = doc.versions.map((v) => ({
    value: v.id,
    title: `${t('versionOption', { n: v.number })} – ${t(`vstatus.${v.status}` as DraftStringKey)}`,
    label: (
      <Space size={6}>
        <span>{t('versionOption', { n: v.number })}</span>
        <StatusTag status={v.status} />
        {v.openCommentCount > 0 && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('openComments', { n: v.openCommentCount })}</Typography.Text>}
      </Space>
    ),
  }));
  const totalComments = version.sections.reduce((n, s) => n + s.commentCount, 0);

  return (
    <>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex justify="space-between" align="center" gap={12} wrap>
          <Space wrap>
            <label htmlFor="draft-version-select"><Typography.Text strong>{t('version')}</Typography.Text></label>
            <Select id="draft-version-select" value={version.id} onChange={onSelect} options={versionOptions} style={{ minWidth: 300 }} aria-label={t('version')} optionLabelProp="label" />
            {version.status !== 'draft' && (
              <Space size={6}>
                <Switch checked={showAll} onChange={setShowAll} aria-label={t('showAllComments')} />
                <Typography.Text>{t('showAllComments')}</Typography.Text>
              </Space>
            )}
          </Space>
          <Space wrap>
            {p.canEdit && <Button onClick={() => setAdding(true)}>{t('addSection')}</Button>}
            {p.canCirculate && (
              <Popconfirm title={t('circulateConfirm', { n: version.number })} description={<div style={{ maxWidth: 320 }}>{t('circulateBody')}</div>}
                okText={t('circulate')} cancelText={t('action.cancel')}
                onConfirm={() => circulate.mutate(version.id, { onSuccess: () => message.success(t('circulatedOk', { n: version.number })), onError: (e) => message.error(e.message) })}>
                <Button type="primary" loading={circulate.isPending}>{t('circulate')}</Button>
              </Popconfirm>
            )}
            {p.canRevise && (
              <Popconfirm title={t('reviseConfirm', { n: next, from: version.number })} description={<div style={{ maxWidth: 320 }}>{t('reviseBody')}</div>}
                okText={t('revise')} cancelText={t('action.cancel')}
                onConfirm={() => revise.mutate(version.id, {
                  onSuccess: (v) => {
                    message.success(t('revisedOk', { n: v.number }));
                    onSelect(v.id);
                  },
                  onError: (e) => message.error(e.message),
                })}>
                <Button type="primary" loading={revise.isPending}>{t('revise')}</Button>
              </Popconfirm>
            )}
            {doc.versions.length > 1 && <Button onClick={() => setComparing(true)}>{t('compare')}</Button>}
            <Button onClick={() => doExport('docx')} loading={exporting === 'docx'}>{t('exportDocx')}</Button>
            <Button onClick={() => doExport('pdf')} loading={exporting === 'pdf'}>{t('exportPdf')}</Button>
          </Space>
        </Flex>
      </Card>

      <VersionNotice version={version} />
      {extras.top?.(year)}

      <Row gutter={16}>
        <Col xs={24} xl={18}>
          <Card style={{ marginBottom: 16 }} styles={{ body: { padding: '24px 32px' } }}>
            <Flex justify="space-between" wrap gap={8} style={{ marginBottom: 16 }}>
              <div style={{ textAlign: 'center' }}>
                <div style={{ fontWeight: 600, textTransform: 'uppercase' }}>{year.blockName}</div>
                <div>{t('docNumber', { n: doc.docNumber })}</div>
              </div>
              <Space size={6} align="start"><StatusTag status={version.status} /><Tag>{t('versionOption', { n: version.number })}</Tag></Space>
            </Flex>
            <div style={{ textAlign: 'center', marginBottom: 24 }}>
              <Typography.Title level={4} style={{ marginBottom: 4 }}>{t(`docType.${doc.kind}` as DraftStringKey)}</Typography.Title>
              <VersionTitle title={version.title} canEdit={p.canEdit} onSave={(title) => {
                const next = title.trim();
                if (!next || next === version.title) return;
                updateVersion.mutate({ versionId: version.id, body: { title: next, version: version.version } }, { onError: (e) => message.error(e.message) });
              }} />
            </div>
            {version.sections.map((s) => (
              <SectionBlock key={s.key} version={version} section={s} threads={threadsByKey.get(s.key) ?? []}
                showComments={showAll || open.has(s.key)} onToggleComments={() => toggle(s.key)}>
                {extras.underSection?.(s.key, ctx)}
              </SectionBlock>
            ))}
            {extras.after?.(ctx)}
          </Card>
        </Col>
        <Col xs={24} xl={6}>
          <Card size="small" title={t('toc')} style={{ position: 'sticky', top: 16 }}>
            {version.status !== 'draft' && <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('commentCount', { n: totalComments })}</Typography.Paragraph>}
            <ol style={{ paddingInlineStart: 0, listStyle: 'none', margin: 0 }}>
              {version.sections.map((s) => (
                <li key={s.key} style={{ marginBottom: 6 }}>
                  <Flex justify="space-between" gap={6} align="start">
                    <Typography.Link onClick={() => openAndScroll(s.key)} style={{ fontSize: 13 }}>{s.heading}</Typography.Link>
                    {version.status !== 'draft' && s.commentCount > 0 && (
                      <CountBadge count={s.commentCount} style={{ background: s.openCommentCount ? '#fa8c16' : '#d9d9d9' }}
                        label={`${t('commentCount', { n: s.commentCount })}, ${t('openCount', { n: s.openCommentCount })}`} />
                    )}
                  </Flex>
                </li>
              ))}
            </ol>
          </Card>
        </Col>
      </Row>

      <VersionDiffModal open={comparing} versions={doc.versions} initialRight={version.id} onClose={() => setComparing(false)} />
      {p.canEdit && <AddSectionModal open={adding} version={version} onClose={() => setAdding(false)} />}
    </>
  );
}

/**
 * The page shared by the annual plan and the rules: version selector with status tags, the sections
 * shown as a document, in-place editing by the leader or deputy seat, comments per section (threaded,
 * resolvable), circulation, revisions, side-by-side differences and exports.
 */
export function DraftDocumentPage({ kind, extras = {} }: { kind: DraftKind; extras?: DraftExtras }) {
  const { id: blockYearId = '' } = useParams();
  const t = useT(draftStrings);
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const year = useBlockYear(blockYearId);
  const list = useDraftList(blockYearId, kind);
  const doc = list.data?.items.find((d) => d.kind === kind);
  const wanted = params.get('v');
  const selectedId = doc?.versions.some((v) => v.id === wanted) ? wanted! : (doc?.latestVersionId ?? undefined);
  const version = useDraftVersion(selectedId);
  const select = (id: string) => setParams((p) => {
    const next = new URLSearchParams(p);
    next.set('v', id);
    return next;
  }, { replace: true });

  return (
    <>
      <PageHeader
        title={t(`title.${kind}` as DraftStringKey)}
        subtitle={year.data && t('subtitle', { block: year.data.blockName, year: year.data.year })}
        extra={<Link to={paths.blockYear.getHref(blockYearId)}>{t('backToYear')}</Link>}
      />
      <QueryState query={year}>
        {(y) => (
          <QueryState query={list}>
            {(l) => {
              const kindName = t(`kindName.${kind}` as DraftStringKey);
              if (!doc) {
                return (
                  <Card>
                    <Empty description={l.permissions.canCreate ? t('noDocumentLeader', { kind: kindName }) : t('noDocument', { kind: kindName })}>
                      {l.permissions.canCreate && <Button type="primary" onClick={() => setCreating(true)}>{t('create')}</Button>}
                    </Empty>
                    <CreateDraftModal open={creating} kind={kind} blockYearId={blockYearId} onClose={() => setCreating(false)}
                      onCreated={(d) => d.latestVersionId && select(d.latestVersionId)} />
                  </Card>
                );
              }
              if (!doc.versions.length || !selectedId) return <Card><Empty description={t('noVisibleVersion')} /></Card>;
              return (
                <QueryState query={version}>
                  {(v) => <VersionView doc={doc} version={v} year={y} extras={extras} onSelect={select} />}
                </QueryState>
              );
            }}
          </QueryState>
        )}
      </QueryState>
    </>
  );
}
