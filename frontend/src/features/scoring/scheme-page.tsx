import { Alert, Button, Empty, Flex, Popconfirm, Space, Tag } from 'antd';
import { useFeedback } from '@/components/feedback';
import { Card } from '@/components/card';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { paths } from '@/lib/paths';
import { DataTable } from '@/components/data-table';
import { PageHeader } from '@/components/page-header';
import { lazyDialog } from '@/components/lazy-dialog';
import { QueryState } from '@/components/query-state';
import { useBlockYear, useYearRights, type BlockYear } from '@/api/block-years';
import { useT } from '@/i18n/i18n';
import { formatDateTime, formatNumber } from '@/lib/format';
import { exportScheme, useDeleteScheme, useSchemeList, type SchemeSummary } from './api/schemes';
import { useConflictHandler } from './errors';
import { scoringStrings } from './i18n';
import { StatusTag } from './status-tag';
import { Typography } from '@/components/typography';

// The forms load when first opened.
const CreateSchemeModal = lazyDialog(() => import('./scheme-forms').then((m) => m.CreateSchemeModal), (p) => p.open);
const ImportSchemeModal = lazyDialog(() => import('./scheme-forms').then((m) => m.ImportSchemeModal), (p) => p.open);

/** The version in force: the newest frozen one (a round uses it), else the newest draft. */
export const currentVersion = (items: SchemeSummary[]) =>
  [...items].filter((s) => s.status === 'frozen').sort((a, b) => b.versionNo - a.versionNo)[0] ?? [...items].sort((a, b) => b.versionNo - a.versionNo)[0];

function Versions({ year, items }: { year: BlockYear; items: SchemeSummary[] }) {
  const t = useT(scoringStrings);
  const navigate = useNavigate();
  const { message } = useFeedback();
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState<SchemeSummary | null>(null);
  const [exporting, setExporting] = useState<string | null>(null);
  const del = useDeleteScheme();
  const conflict = useConflictHandler(undefined);

  // The leader seat's rights, as the API states them: on any version, or (no version yet) the year's rights.
  const rights = useYearRights(items.length ? '' : year.id);
  const canCreate = items.length ? items[0].permissions.canCreateVersion : !!rights.data?.editScheme;
  const current = currentVersion(items);

  const doExport = async (s: SchemeSummary) => {
    setExporting(s.id);
    try {
      await exportScheme(s);
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setExporting(null);
    }
  };

  const createModal = (
    <CreateSchemeModal open={creating} year={year} onClose={() => setCreating(false)} onCreated={(s) => navigate(paths.schemeEditor.getHref(s.id))} />
  );

  if (!items.length) {
    return (
      <Card>
        <Empty description={canCreate ? t('noneLeader') : t('none')}>
          {canCreate && <Button type="primary" onClick={() => setCreating(true)}>{t('create')}</Button>}
        </Empty>
        {canCreate && createModal}
      </Card>
    );
  }

  return (
    <>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={canCreate ? t('leaderHint') : t('readOnlyHint')} />
      <Card title={t('versions')} extra={canCreate && <Button type="primary" onClick={() => setCreating(true)}>{t('create')}</Button>}>
        <DataTable<SchemeSummary>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={items}
          aria-label={t('versions')}
          scroll={{ x: 'max-content' }}
          onRow={(s) => ({ style: s.id === current?.id ? { background: '#e6f4ff' } : undefined })}
          columns={[
            {
              title: t('versionCol'), dataIndex: 'versionNo', width: 130,
              render: (n: number, s) => <Space size={4} wrap>{t('versionNo', { n })}{s.id === current?.id && <Tag color="blue">{t('current')}</Tag>}</Space>,
            },
            { title: t('schemeTitle'), dataIndex: 'title', minWidth: 260, render: (title: string, s) => <Link to={paths.schemeEditor.getHref(s.id)}>{title}</Link> },
            {
              title: t('status'), dataIndex: 'status', width: 160,
              render: (status: SchemeSummary['status'], s) => (
                <>
                  <StatusTag status={status} />
                  {s.frozenAt && <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('frozenAt', { time: formatDateTime(s.frozenAt) })}</Typography.Text></div>}
                </>
              ),
            },
            { title: t('totalMax'), dataIndex: 'totalMax', width: 90, align: 'right', render: (n: number) => formatNumber(n) },
            { title: t('criteriaCount'), dataIndex: 'criteriaCount', width: 90, align: 'right' },
            {
              title: t('validity'), key: 'valid', width: 150,
              render: (_, s) => {
                if (s.valid) return <Tag color="success">{t('valid')}</Tag>;
                return s.criteriaCount ? <Tag color="warning">{t('invalid', { n: s.problemCount })}</Tag> : <Tag>{t('empty')}</Tag>;
              },
            },
            {
              title: t('basedOn'), key: 'basedOn', width: 150,
              render: (_, s) => {
                if (!s.basedOnId) return <Typography.Text type="secondary">—</Typography.Text>;
                return s.basedOn ? t('basedOnVersion', { n: s.basedOn.versionNo, year: s.basedOn.year }) : t('basedOnUnknown');
              },
            },
            {
              title: t('rounds'), key: 'rounds', width: 200,
              render: (_, s) => {
                if (!s.rounds.length) return <Typography.Text type="secondary">{t('noRounds')}</Typography.Text>;
                return s.rounds.map((r) => <div key={r.id}><Link to={paths.round.getHref(r.id)}>{r.title}</Link></div>);
              },
            },
            {
              title: t('actions'), key: 'actions', width: 210,
              render: (_, s) => {
                const editable = s.permissions.canEdit;
                return (
                  <Flex gap={4} wrap>
                    <Link to={paths.schemeEditor.getHref(s.id)}><Button size="small" aria-label={`${editable ? t('openEditor') : t('open')}: ${t('versionNo', { n: s.versionNo })}`}>{editable ? t('openEditor') : t('open')}</Button></Link>
                    <Button size="small" onClick={() => doExport(s)} loading={exporting === s.id} aria-label={`${t('exportXlsx')}: ${t('versionNo', { n: s.versionNo })}`}>{t('exportXlsx')}</Button>
                    {editable && (
                      <Button size="small" onClick={() => setImporting(s)} aria-label={`${t('importXlsx')}: ${t('versionNo', { n: s.versionNo })}`}>{t('importXlsx')}</Button>
                    )}
                    {editable && s.rounds.length === 0 && (
                      <Popconfirm title={t('deleteSchemeConfirm', { n: s.versionNo, title: s.title })} okText={t('deleteScheme')} cancelText={t('action.cancel')} okButtonProps={{ danger: true }}
                        onConfirm={() => del.mutate({ id: s.id, version: s.version }, {
                          onSuccess: () => message.success(t('deletedOk', { n: s.versionNo })),
                          onError: (e) => {
                            if (!conflict(e)) message.error(e.message);
                          },
                        })}>
                        <Button size="small" danger aria-label={`${t('deleteScheme')}: ${t('versionNo', { n: s.versionNo })}`}>{t('deleteScheme')}</Button>
                      </Popconfirm>
                    )}
                  </Flex>
                );
              },
            },
          ]}
        />
      </Card>
      {canCreate && createModal}
      {importing && <ImportSchemeModal open scheme={importing} onClose={() => setImporting(null)} />}
    </>
  );
}

/**
 * Biểu chấm điểm of a block year: its versions (draft / frozen, total, validity, what each is based on,
 * the rounds using it), the current one highlighted; the leader seat creates a version (blank, or a
 * copy of this or an earlier year's), imports a draft from .xlsx and deletes an unused draft; anyone
 * who may read exports.
 */
export function SchemePage() {
  const { id: blockYearId = '' } = useParams();
  const t = useT(scoringStrings);
  const year = useBlockYear(blockYearId);
  const list = useSchemeList(blockYearId);
  return (
    <>
      <PageHeader
        title={t('listTitle')}
        subtitle={year.data && t('subtitle', { block: year.data.blockName, year: year.data.year })}
        extra={<Link to={paths.blockYear.getHref(blockYearId)}>{t('backToYear')}</Link>}
      />
      <QueryState query={year}>
        {(y) => <QueryState query={list}>{(items) => <Versions year={y} items={items} />}</QueryState>}
      </QueryState>
    </>
  );
}

export { SchemePage as Component };
