import { Alert, Button, Descriptions, Empty, Flex, Popconfirm, Space, Tag, Typography } from 'antd';
import { useFeedback } from '@/components/feedback';
import { Card } from '@/components/card';
import { useMemo, useState, type HTMLAttributes } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { paths } from '@/lib/paths';
import { DataTable } from '@/components/data-table';
import { lazyDialog } from '@/components/lazy-dialog';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { useBlockYear } from '@/api/block-years';
import { useT } from '@/i18n/i18n';
import { formatDateTime, formatNumber } from '@/lib/format';
import {
  exportScheme, useDeleteCriterion, useMoveCriterion, useScheme,
  type Criterion, type Scheme, type SchemeProblem,
} from './api/schemes';
import type { CriterionEditing } from './criterion-form';
import { useConflictHandler } from './errors';
import { scoringStrings, TYPE_COLORS, type ScoringStringKey } from './i18n';
import { StatusTag } from './status-tag';
import { SumAgainstMax } from './sum-against-max';
import { childrenOf, countedSum, descendantIds, isAdjustment } from './tree';

// The forms load when first opened.
const CriterionDrawer = lazyDialog(() => import('./criterion-form').then((m) => m.CriterionDrawer), (p) => p.editing !== null);
const MoveModal = lazyDialog(() => import('./criterion-form').then((m) => m.MoveModal), (p) => p.criterion !== null);
const SchemeSettingsModal = lazyDialog(() => import('./scheme-forms').then((m) => m.SchemeSettingsModal), (p) => p.open);
const ImportSchemeModal = lazyDialog(() => import('./scheme-forms').then((m) => m.ImportSchemeModal), (p) => p.open);
const CreateSchemeModal = lazyDialog(() => import('./scheme-forms').then((m) => m.CreateSchemeModal), (p) => p.open);

const INDENT = 20;
const HIGHLIGHT = '#fff1b8';

/** The type-specific facts of a row, under its title. */
function RowDetails({ c, unitName, problems }: { c: Criterion; unitName: (id: string) => string; problems: SchemeProblem[] }) {
  const t = useT(scoringStrings);
  const lines: string[] = [];
  if (c.type === 'per_occurrence' && c.pointsPerOccurrence !== null) lines.push(t('perOccurrenceShort', { p: formatNumber(c.pointsPerOccurrence), max: formatNumber(c.max) }));
  if (c.type === 'target' && c.measure) lines.push(t('measureShort', { m: c.measure }));
  if (c.notApplicableUnitIds.length) lines.push(t('notApplicableShort', { units: c.notApplicableUnitIds.map(unitName).join(', ') }));
  return (
    <>
      {lines.map((l) => <div key={l}><Typography.Text type="secondary" style={{ fontSize: 13 }}>{l}</Typography.Text></div>)}
      {isAdjustment(c.type) && c.items.length > 0 && (
        <ul style={{ margin: '2px 0 0', paddingInlineStart: 18, fontSize: 13 }}>
          {c.items.map((i) => (
            <li key={i.id}>
              <Typography.Text type="secondary">
                {t('itemShort', { title: i.title, sign: c.type === 'bonus' ? '+' : '−', p: formatNumber(i.points) })}
                {i.cap !== null && t('itemCapShort', { cap: formatNumber(i.cap) })}
              </Typography.Text>
            </li>
          ))}
        </ul>
      )}
      {c.guidance && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 13, margin: 0 }} ellipsis={{ rows: 2, expandable: true, symbol: '…' }}>
          {t('guidanceShort', { g: c.guidance })}
        </Typography.Paragraph>
      )}
      {problems.map((p) => <div key={p.rule + p.message}><Typography.Text type="danger" style={{ fontSize: 13 }}>{p.message}</Typography.Text></div>)}
    </>
  );
}

/** Add child, edit, up, down, move, delete: one row's actions (the leader seat, draft only). */
function RowActions({ c, scheme, onEdit, onAddChild, onMove, onChanged }: {
  c: Criterion; scheme: Scheme; onEdit: () => void; onAddChild: () => void; onMove: () => void; onChanged: (code: string | null) => void;
}) {
  const t = useT(scoringStrings);
  const { message } = useFeedback();
  const move = useMoveCriterion();
  const del = useDeleteCriterion();
  const conflict = useConflictHandler(scheme.id);
  const siblings = childrenOf(scheme.criteria, c.parentId);
  const index = siblings.findIndex((s) => s.id === c.id);
  const inside = descendantIds(scheme.criteria, c.id).size;
  const fail = (e: Error) => {
    if (!conflict(e)) message.error(e.message);
  };
  const shift = (delta: number) => move.mutate(
    { schemeId: scheme.id, criterionId: c.id, body: { parentId: c.parentId, position: index + delta, version: c.version } },
    { onSuccess: () => onChanged(c.code), onError: fail },
  );
  const small = { size: 'small' as const, type: 'text' as const };
  return (
    <Flex gap={2} wrap>
      {c.type === 'group' && <Button {...small} onClick={onAddChild} aria-label={t('addChildOf', { code: c.code })} title={t('addChild')}>+</Button>}
      <Button {...small} onClick={onEdit} aria-label={t('editOf', { code: c.code })}>{t('edit')}</Button>
      <Button {...small} onClick={() => shift(-1)} disabled={index <= 0 || move.isPending} aria-label={t('moveUpOf', { code: c.code })} title={t('moveUp')}>↑</Button>
      <Button {...small} onClick={() => shift(1)} disabled={index >= siblings.length - 1 || move.isPending} aria-label={t('moveDownOf', { code: c.code })} title={t('moveDown')}>↓</Button>
      <Button {...small} onClick={onMove} aria-label={t('moveToOf', { code: c.code })} title={t('moveTo')}>⇄</Button>
      <Popconfirm
        title={inside ? t('removeGroupConfirm', { code: c.code, n: inside }) : t('removeConfirm', { code: c.code, title: c.title })}
        okText={t('remove')} cancelText={t('action.cancel')} okButtonProps={{ danger: true }}
        onConfirm={() => del.mutate({ schemeId: scheme.id, criterionId: c.id, version: c.version }, {
          onSuccess: () => {
            message.success(t('removedOk', { code: c.code }));
            onChanged(null);
          },
          onError: fail,
        })}>
        <Button {...small} danger loading={del.isPending} aria-label={t('removeOf', { code: c.code })} title={t('remove')}>✕</Button>
      </Popconfirm>
    </Flex>
  );
}

function Editor({ scheme }: { scheme: Scheme }) {
  const t = useT(scoringStrings);
  const navigate = useNavigate();
  const { message } = useFeedback();
  const year = useBlockYear(scheme.blockYearId);
  const [editing, setEditing] = useState<CriterionEditing | null>(null);
  const [moving, setMoving] = useState<Criterion | null>(null);
  const [dialog, setDialog] = useState<'settings' | 'import' | 'version' | null>(null);
  const [highlight, setHighlight] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const canEdit = scheme.permissions.canEdit;
  const members = year.data?.members ?? [];
  const unitName = (id: string) => members.find((m) => m.unitId === id)?.shortName ?? id;

  const problemsByCode = useMemo(() => {
    const m = new Map<string, SchemeProblem[]>();
    for (const p of scheme.problems) if (p.code) m.set(p.code, [...(m.get(p.code) ?? []), p]);
    return m;
  }, [scheme.problems]);

  /** Scrolls to the row with this code, marks it and gives it focus (keyboard users land there too). */
  const goTo = (code: string) => {
    setHighlight(code);
    const row = scheme.criteria.find((c) => c.code === code);
    if (!row) return;
    requestAnimationFrame(() => {
      const el = document.querySelector<HTMLElement>(`tr[data-row-key="${row.id}"]`);
      el?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
      el?.focus({ preventScroll: true });
    });
  };

  const doExport = async () => {
    setExporting(true);
    try {
      await exportScheme(scheme);
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setExporting(false);
    }
  };

  const frozenNotice = scheme.status === 'frozen';
  return (
    <>
      <Card style={{ marginBottom: 16 }}>
        <Flex justify="space-between" align="start" gap={12} wrap>
          <div>
            <Space size={8} wrap align="baseline">
              <Typography.Title level={4} style={{ margin: 0 }}>{t('versionNo', { n: scheme.versionNo })}</Typography.Title>
              <StatusTag status={scheme.status} />
              {scheme.valid ? <Tag color="success">{t('validTag')}</Tag> : <Tag color="warning">{t('invalidTag')}</Tag>}
            </Space>
            {scheme.rounds.length > 0 && (
              <div style={{ marginTop: 4 }}>
                <Typography.Text type="secondary">{t('usedBy')}: </Typography.Text>
                {scheme.rounds.map((r, i) => <span key={r.id}>{i > 0 && ', '}<Link to={paths.round.getHref(r.id)}>{r.title}</Link></span>)}
              </div>
            )}
          </div>
          <Space wrap>
            {canEdit && <Button onClick={() => setDialog('settings')}>{t('schemeSettings')}</Button>}
            {canEdit && <Button onClick={() => setDialog('import')}>{t('importXlsx')}</Button>}
            <Button onClick={doExport} loading={exporting}>{t('exportXlsx')}</Button>
            {scheme.permissions.canCreateVersion && <Button type={frozenNotice ? 'primary' : 'default'} onClick={() => setDialog('version')} disabled={!year.data}>{t('newVersion')}</Button>}
          </Space>
        </Flex>
      </Card>

      {frozenNotice && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('notice.frozen', { time: formatDateTime(scheme.frozenAt) })}
          action={scheme.permissions.canCreateVersion ? <Button size="small" onClick={() => setDialog('version')} disabled={!year.data}>{t('newVersion')}</Button> : undefined} />
      )}
      {!frozenNotice && !canEdit && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('notice.readOnly')} />}
      {!frozenNotice && canEdit && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('notice.draft')} />}

      <Card title={t('totals')} size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 5 }}
          items={[
            { key: 'declared', label: t('declaredTotal'), children: <strong>{formatNumber(scheme.totalMax)}</strong> },
            { key: 'top', label: t('topLevelSum'), children: <SumAgainstMax sum={scheme.totals.topLevelSum} max={scheme.totalMax} /> },
            { key: 'bonus', label: t('bonusMax'), children: formatNumber(scheme.totals.bonusMax) },
            { key: 'deduction', label: t('deductionMax'), children: formatNumber(scheme.totals.deductionMax) },
            { key: 'leaves', label: t('leafCount'), children: scheme.totals.leafCount },
          ]} />
      </Card>

      {scheme.problems.length > 0 && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} role="region" aria-label={t('problems', { n: scheme.problems.length })}
          title={<>{t('problems', { n: scheme.problems.length })} <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>{t('problemsHint')}</Typography.Text></>}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {scheme.problems.map((p) => (
                <li key={`${p.rule}-${p.code}-${p.message}`}>
                  {p.code && scheme.criteria.some((c) => c.code === p.code)
                    ? <Button type="link" size="small" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }} onClick={() => goTo(p.code!)}>{p.message}</Button>
                    : <><Tag>{t('wholeScheme')}</Tag>{p.message}</>}
                </li>
              ))}
            </ul>
          } />
      )}

      <Card title={t('tree')}
        extra={canEdit && (
          <Space wrap>
            <Button type="primary" onClick={() => setEditing({ kind: 'add', parent: null, type: 'group' })}>{t('addGroup')}</Button>
            <Button onClick={() => setEditing({ kind: 'add', parent: null, type: 'points' })}>{t('addTopCriterion')}</Button>
            <Button onClick={() => setEditing({ kind: 'add', parent: null, type: 'bonus' })}>{t('addBonus')}</Button>
          </Space>
        )}>
        {scheme.criteria.length === 0
          ? <Empty description={t('noCriteria')} />
          : (
            <DataTable<Criterion>
              rowKey="id"
              size="small"
              bordered
              pagination={false}
              dataSource={scheme.criteria}
              aria-label={t('tree')}
              tableLayout="fixed"
              scroll={{ x: 1000 }}
              onRow={(c) => ({
                tabIndex: -1,
                style: c.code === highlight ? { background: HIGHLIGHT, outline: '2px solid #faad14' } : problemsByCode.has(c.code) ? { background: '#fff2f0' } : undefined,
                'aria-current': c.code === highlight ? 'true' : undefined,
              } as HTMLAttributes<HTMLTableRowElement>)}
              columns={[
                {
                  title: t('code'), dataIndex: 'code', width: 100,
                  render: (code: string, c) => (
                    <span style={{ paddingInlineStart: c.depth * INDENT, fontWeight: c.type === 'group' ? 600 : undefined, whiteSpace: 'nowrap' }}>{code}</span>
                  ),
                },
                {
                  title: t('content'), dataIndex: 'title',
                  render: (title: string, c) => (
                    <div style={{ paddingInlineStart: (c.depth * INDENT) / 2 }}>
                      <Typography.Text strong={c.type === 'group' || isAdjustment(c.type)}>{title}</Typography.Text>
                      <RowDetails c={c} unitName={unitName} problems={problemsByCode.get(c.code) ?? []} />
                    </div>
                  ),
                },
                { title: t('type'), dataIndex: 'type', width: 120, render: (type: Criterion['type']) => <Tag color={TYPE_COLORS[type]}>{t(`type.${type}` as ScoringStringKey)}</Tag> },
                {
                  title: t('max'), dataIndex: 'max', width: 90, align: 'right',
                  render: (max: number, c) => (isAdjustment(c.type)
                    ? <span>{formatNumber(max)}<br /><Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('capLabel')}</Typography.Text></span>
                    : <Typography.Text strong={c.type === 'group'}>{formatNumber(max)}</Typography.Text>),
                },
                {
                  title: t('childrenSum'), key: 'sum', width: 140,
                  render: (_, c) => (c.type === 'group' ? <SumAgainstMax sum={c.childrenMax ?? countedSum(childrenOf(scheme.criteria, c.id))} max={c.max} /> : null),
                },
                {
                  title: t('evidence'), dataIndex: 'evidenceRequired', width: 95, align: 'center',
                  render: (v: boolean) => (v ? <Tag color="orange">{t('evidenceRequired')}</Tag> : <Typography.Text type="secondary">—</Typography.Text>),
                },
                ...(canEdit ? [{
                  title: t('actions'), key: 'actions', width: 215,
                  render: (_: unknown, c: Criterion) => (
                    <RowActions c={c} scheme={scheme}
                      onEdit={() => setEditing({ kind: 'edit', criterion: c })}
                      onAddChild={() => setEditing({ kind: 'add', parent: c, type: 'points' })}
                      onMove={() => setMoving(c)}
                      onChanged={(code) => setHighlight(code)} />
                  ),
                }] : []),
              ]}
            />
          )}
      </Card>

      {canEdit && (
        <>
          <CriterionDrawer editing={editing} scheme={scheme} members={members} onClose={() => setEditing(null)} onSaved={(code) => setHighlight(code)} />
          <MoveModal criterion={moving} scheme={scheme} onClose={() => setMoving(null)} onMoved={(code) => setHighlight(code)} />
          <SchemeSettingsModal open={dialog === 'settings'} scheme={scheme} onClose={() => setDialog(null)} />
          <ImportSchemeModal open={dialog === 'import'} scheme={scheme} onClose={() => setDialog(null)} />
        </>
      )}
      {scheme.permissions.canCreateVersion && year.data && (
        <CreateSchemeModal open={dialog === 'version'} year={year.data} copyFromId={scheme.id} onClose={() => setDialog(null)}
          onCreated={(s) => navigate(paths.schemeEditor.getHref(s.id))} />
      )}
    </>
  );
}

/**
 * Biểu chấm điểm editor: the tree of groups and criteria as an indented table with each group's live
 * sum against its maximum, the scheme's totals and remaining problems (each leading to its row), and,
 * for the leader seat while a draft, adding, editing, reordering, moving and deleting rows, renaming,
 * import from and export to .xlsx. A frozen scheme is read-only; a new version copies it.
 */
export function SchemeEditorPage() {
  const { id = '' } = useParams();
  const t = useT(scoringStrings);
  const scheme = useScheme(id);
  const s = scheme.data;
  return (
    <>
      <PageHeader
        title={s ? s.title : t('editorTitle')}
        subtitle={s && `${t('subtitle', { block: s.blockName, year: s.year })} · ${t('versionNo', { n: s.versionNo })}`}
        extra={s && <Link to={paths.scheme.getHref(s.blockYearId)}>{t('backToList')}</Link>}
      />
      <QueryState query={scheme}>{(data) => <Editor scheme={data} />}</QueryState>
    </>
  );
}

export { SchemeEditorPage as Component };
