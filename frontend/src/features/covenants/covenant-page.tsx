import { Alert, Button, Empty, Flex, Popconfirm, Space, Steps, Tag } from 'antd';
import { lazyDialog } from '@/components/lazy-dialog';
import { useFeedback } from '@/components/feedback';
import { Card } from '@/components/card';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { paths } from '@/lib/paths';
import { DataTable } from '@/components/data-table';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { useMe } from '@/api/me';
import { useBlockYear, type BlockYear } from '@/api/block-years';
import { LedgerProofCard } from '@/components/ledger-proof/ledger-proof-card';
import { useT } from '@/i18n/i18n';
import { formatDateTime, formatNumber } from '@/lib/format';
import {
  exportCovenant, useAmendCovenant, useCovenant, useCovenantList,
  type Covenant, type CovenantStatus, type CovenantSummary, type CovenantTarget,
} from './api/covenants';
import { covenantStrings, type CovenantStringKey } from './i18n';
import { CertificateCard, SigningBoard } from './signing';
import { Typography } from '@/components/typography';

// Dialogs load when first opened.
const SignModal = lazyDialog(() => import('./sign-modal').then((m) => m.SignModal), (p) => p.open);
const CovenantContentModal = lazyDialog(() => import('./covenant-forms').then((m) => m.CovenantContentModal), (p) => p.open);
const CovenantTargetsModal = lazyDialog(() => import('./covenant-forms').then((m) => m.CovenantTargetsModal), (p) => p.open);
const CreateCovenantModal = lazyDialog(() => import('./covenant-forms').then((m) => m.CreateCovenantModal), (p) => p.open);

export const COVENANT_STATUS_COLORS: Record<CovenantStatus, string> = { draft: 'blue', signing: 'orange', in_force: 'green', superseded: 'default' };

function StatusTag({ status }: { status: CovenantStatus }) {
  const t = useT(covenantStrings);
  return <Tag color={COVENANT_STATUS_COLORS[status]}>{t(`status.${status}` as CovenantStringKey)}</Tag>;
}

/** The covenant's state and what the reader may do about it. */
function CovenantNotice({ covenant, amendsNumber, onOpen }: { covenant: Covenant; amendsNumber?: string; onOpen: (id: string) => void }) {
  const t = useT(covenantStrings);
  const style = { marginBottom: 16 };
  const amends = covenant.amendsId && (
    <Alert type="info" showIcon style={style} title={t('notice.amends', { n: amendsNumber ?? '' })}
      action={<Button size="small" onClick={() => onOpen(covenant.amendsId!)}>{t('openAmended')}</Button>} />
  );
  let main;
  switch (covenant.status) {
    case 'draft':
      main = (
        <Alert type="info" showIcon style={style} title={covenant.permissions.canEdit ? t('notice.draftLeader') : t('notice.draft')}
          action={covenant.permissions.canEdit ? <Link to={paths.conferences.getHref(covenant.blockYearId)}>{t('goConferences')}</Link> : undefined} />
      );
      break;
    case 'signing':
      main = <Alert type="warning" showIcon style={style} title={t('notice.signing', { signed: covenant.signedCount, total: covenant.memberCount, time: formatDateTime(covenant.openedAt) })} />;
      break;
    case 'in_force':
      main = (
        <>
          <Alert type="success" showIcon style={style} title={t('notice.inForce', { time: formatDateTime(covenant.inForceAt), total: covenant.memberCount })} />
          {covenant.amendedById && (
            <Alert type="info" showIcon style={style} title={t('notice.amendmentPending')}
              action={<Button size="small" onClick={() => onOpen(covenant.amendedById!)}>{t('openNewer')}</Button>} />
          )}
        </>
      );
      break;
    default:
      main = (
        <Alert type="warning" showIcon style={style} title={t('notice.superseded')}
          action={covenant.amendedById ? <Button size="small" onClick={() => onOpen(covenant.amendedById!)}>{t('openNewer')}</Button> : undefined} />
      );
  }
  return <>{amends}{main}</>;
}

function CovenantView({ covenant, year, items, onOpen }: { covenant: Covenant; year: BlockYear; items: CovenantSummary[]; onOpen: (id: string) => void }) {
  const t = useT(covenantStrings);
  const me = useMe();
  const { message } = useFeedback();
  const amend = useAmendCovenant();
  const [editing, setEditing] = useState<'content' | 'targets' | null>(null);
  const [signing, setSigning] = useState(false);
  const [exporting, setExporting] = useState<'docx' | 'pdf' | null>(null);
  const p = covenant.permissions;
  const myUnitId = me.data?.unitId ?? null;
  const mine = covenant.progress.find((x) => x.unitId === myUnitId);
  const isHead = p.isSigner && !!mine;

  const doExport = async (format: 'docx' | 'pdf') => {
    setExporting(format);
    try {
      await exportCovenant(covenant, format);
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setExporting(null);
    }
  };

  const step = covenant.status === 'draft' ? 0 : covenant.status === 'signing' ? 1 : 2;
  // Targets in the order of the signature table (members, the leader unit last).
  const order = new Map(covenant.progress.map((x, i) => [x.unitId, i]));
  const targets = [...covenant.targets].sort((a, b) => (order.get(a.unitId) ?? 99) - (order.get(b.unitId) ?? 99) || a.sort - b.sort);

  return (
    <>
      <Card style={{ marginBottom: 16 }}>
        <Flex justify="space-between" align="start" gap={12} wrap>
          <div>
            <Space size={8} wrap align="baseline">
              <Typography.Title level={4} style={{ margin: 0 }}>{t('covenantNo', { n: covenant.docNumber })}</Typography.Title>
              <StatusTag status={covenant.status} />
            </Space>
            <Typography.Paragraph strong style={{ margin: '4px 0 0', fontSize: 15 }}>{covenant.title}</Typography.Paragraph>
          </div>
          <Space wrap>
            {isHead && covenant.status === 'signing' && (mine!.state === 'signed'
              ? <Tag color="success" style={{ padding: '4px 10px' }}>{t('alreadySigned')}</Tag>
              : <Button type="primary" onClick={() => setSigning(true)}>{t('sign')}</Button>)}
            {p.canAmend && (
              <Popconfirm title={t('amendConfirm', { n: covenant.docNumber })}
                description={<div style={{ maxWidth: 340 }}>{t('amendBody')}{covenant.status === 'signing' && <> {t('amendBodySigning')}</>}</div>}
                okText={t('amend')} cancelText={t('action.cancel')}
                onConfirm={() => amend.mutate(covenant.id, {
                  onSuccess: (c) => {
                    message.success(t('amendedOk', { n: c.docNumber }));
                    onOpen(c.id);
                  },
                  onError: (e) => message.error(e.message),
                })}>
                <Button loading={amend.isPending}>{t('amend')}</Button>
              </Popconfirm>
            )}
            <Button onClick={() => doExport('docx')} loading={exporting === 'docx'}>{t('exportDocx')}</Button>
            <Button onClick={() => doExport('pdf')} loading={exporting === 'pdf'}>{t('exportPdf')}</Button>
          </Space>
        </Flex>
        {covenant.status !== 'superseded' && (
          <Steps size="small" current={step} style={{ marginTop: 16 }} status={covenant.status === 'in_force' ? 'finish' : 'process'}
            items={[{ title: t('step.draft') }, { title: t('step.signing'), content: covenant.status !== 'draft' ? t('signedOf', { signed: covenant.signedCount, total: covenant.memberCount }) : undefined }, { title: t('step.in_force') }]} />
        )}
      </Card>

      <CovenantNotice covenant={covenant} amendsNumber={items.find((x) => x.id === covenant.amendsId)?.docNumber} onOpen={onOpen} />

      {covenant.status !== 'draft' && <SigningBoard covenant={covenant} myUnitId={myUnitId} />}
      {covenant.inForceAt && <CertificateCard covenant={covenant} />}
      {covenant.inForceAt && <LedgerProofCard source={{ kind: 'covenant', covenantId: covenant.id }} />}

      <Card title={t('content')} style={{ marginBottom: 16 }}
        extra={p.canEdit && <Button onClick={() => setEditing('content')}>{t('editContent')}</Button>}>
        <Typography.Title level={5}>{t('goals')}</Typography.Title>
        {covenant.goals.length ? <ul>{covenant.goals.map((g, i) => <li key={i}>{g}</li>)}</ul> : <Typography.Paragraph type="secondary">{t('noGoals')}</Typography.Paragraph>}
        <Typography.Title level={5}>{t('commitments')}</Typography.Title>
        {covenant.commitments.length ? <ol>{covenant.commitments.map((c, i) => <li key={i}>{c}</li>)}</ol> : <Typography.Paragraph type="secondary">{t('noCommitments')}</Typography.Paragraph>}
      </Card>

      <Card title={t('targets')} style={{ marginBottom: 16 }} extra={p.canEdit && <Button onClick={() => setEditing('targets')}>{t('editTargets')}</Button>}>
        <DataTable<CovenantTarget>
          rowKey="id"
          size="small"
          bordered
          pagination={false}
          dataSource={targets}
          aria-label={t('targets')}
          locale={{ emptyText: t('noTargets') }}
          columns={[
            { title: t('stt'), key: 'stt', width: 56, align: 'center', render: (_, __, i) => i + 1 },
            { title: t('unit'), dataIndex: 'unitName', width: 300 },
            { title: t('indicator'), dataIndex: 'indicator' },
            { title: t('unitOfMeasure'), dataIndex: 'unitOfMeasure', width: 140, align: 'center' },
            { title: t('targetValue'), dataIndex: 'targetValue', width: 150, align: 'right', render: (v: number) => formatNumber(v) },
          ]}
        />
      </Card>

      {p.canEdit && (
        <>
          <CovenantContentModal open={editing === 'content'} covenant={covenant} onClose={() => setEditing(null)} />
          <CovenantTargetsModal open={editing === 'targets'} covenant={covenant} members={year.members} onClose={() => setEditing(null)} />
        </>
      )}
      {isHead && <SignModal open={signing} covenant={covenant} unitName={mine!.unitName} onClose={() => setSigning(false)} />}
    </>
  );
}

function History({ items, selectedId, onOpen }: { items: CovenantSummary[]; selectedId: string; onOpen: (id: string) => void }) {
  const t = useT(covenantStrings);
  const numberOf = new Map(items.map((c) => [c.id, c.docNumber]));
  return (
    <Card title={t('history')}>
      <DataTable<CovenantSummary>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={items}
        aria-label={t('history')}
        columns={[
          { title: t('docNumber'), dataIndex: 'docNumber', width: 150 },
          { title: t('covenantTitle'), dataIndex: 'title', render: (title: string, c) => <>{title}{c.amendsId && <Tag style={{ marginInlineStart: 8 }}>{t('amendsNo', { n: numberOf.get(c.amendsId) ?? '' })}</Tag>}</> },
          { title: t('status'), dataIndex: 'status', width: 130, render: (s: CovenantStatus) => <StatusTag status={s} /> },
          { title: t('signedCount'), key: 'signed', width: 100, align: 'center', render: (_, c) => `${c.signedCount}/${c.memberCount}` },
          { title: t('openedAt'), dataIndex: 'openedAt', width: 150, render: (d: string | null) => formatDateTime(d) },
          { title: t('inForceAt'), dataIndex: 'inForceAt', width: 150, render: (d: string | null) => formatDateTime(d) },
          {
            title: '', key: 'open', width: 100,
            render: (_, c) => (c.id === selectedId
              ? <Typography.Text type="secondary">{t('viewing')}</Typography.Text>
              : <Button size="small" onClick={() => onOpen(c.id)} aria-label={`${t('view')}: ${c.docNumber}`}>{t('view')}</Button>),
          },
        ]}
      />
    </Card>
  );
}

/**
 * Giao ước thi đua of a block year: the current covenant (or the one picked from its history), its
 * goals, commitments and per-unit targets (edited by the leader while a draft), the signing progress
 * board, signing by each member unit's head, the completion certificate once in force, exports, and
 * amendments.
 */
export function CovenantPage() {
  const { id: blockYearId = '' } = useParams();
  const t = useT(covenantStrings);
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const year = useBlockYear(blockYearId);
  const list = useCovenantList(blockYearId);
  const items = list.data?.items ?? [];
  const wanted = params.get('c');
  // Signing first (someone may have to act), then the covenant in force, then a draft, else the latest.
  const current = (['signing', 'in_force', 'draft'] as const).map((s) => items.find((c) => c.status === s)).find(Boolean) ?? items[0];
  const selectedId = items.some((c) => c.id === wanted) ? wanted! : current?.id;
  const covenant = useCovenant(selectedId);
  const open = (id: string) => {
    setParams((p) => {
      const next = new URLSearchParams(p);
      next.set('c', id);
      return next;
    }, { replace: true });
    window.scrollTo?.({ top: 0, behavior: 'smooth' });
  };

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={year.data && t('subtitle', { block: year.data.blockName, year: year.data.year })}
        extra={<Space size={16}><Link to={paths.covenantVerify.getHref()}>{t('verifyLink')}</Link><Link to={paths.blockYear.getHref(blockYearId)}>{t('backToYear')}</Link></Space>}
      />
      <QueryState query={year}>
        {(y) => (
          <QueryState query={list}>
            {(l) => {
              if (!l.items.length) {
                return (
                  <Card>
                    <Empty description={l.permissions.canCreate ? t('noneLeader') : t('none')}>
                      {l.permissions.canCreate && <Button type="primary" onClick={() => setCreating(true)}>{t('create')}</Button>}
                    </Empty>
                    <CreateCovenantModal open={creating} blockYearId={blockYearId} onCreated={(c) => open(c.id)} onClose={() => setCreating(false)} />
                  </Card>
                );
              }
              return (
                <>
                  <QueryState query={covenant}>{(c) => <CovenantView covenant={c} year={y} items={l.items} onOpen={open} />}</QueryState>
                  <History items={l.items} selectedId={selectedId!} onOpen={open} />
                  {l.permissions.canCreate && (
                    <Flex justify="end" style={{ marginTop: 12 }}>
                      <Button onClick={() => setCreating(true)}>{t('create')}</Button>
                      <CreateCovenantModal open={creating} blockYearId={blockYearId} onCreated={(c) => open(c.id)} onClose={() => setCreating(false)} />
                    </Flex>
                  )}
                </>
              );
            }}
          </QueryState>
        )}
      </QueryState>
    </>
  );
}

export { CovenantPage as Component };
