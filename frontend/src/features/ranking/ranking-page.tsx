import { Alert, Button, Descriptions, Input, Modal, Space, Switch, Tag, Tooltip } from 'antd';
import { useFeedback } from '@/components/feedback';
import { Card } from '@/components/card';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { round2 } from '@thidua/rules';
import { paths } from '@/lib/paths';
import { DataTable, type DataColumn } from '@/components/data-table';
import { PageHeader } from '@/components/page-header';
import { ReasonButton } from '@/components/reason-button';
import { QueryState } from '@/components/query-state';
import { LedgerProofCard } from '@/components/ledger-proof/ledger-proof-card';
import { useT } from '@/i18n/i18n';
import { compareVi, formatDateTime, formatNumber } from '@/lib/format';
import { runMutation } from '@/lib/mutation';
import {
  exportRanking, useFinalise, useRanking, useReopen, useRound, useSnapshot, type ExportFormat, type Ranking, type RankingRow, type Round, type Snapshot,
} from './api/ranking';
import { rankingStrings } from './i18n';
import { RankingChart } from './ranking-chart';
import { Typography } from '@/components/typography';

/**
 * Bảng xếp hạng of a round: totals per unit (bonus and deductions included), ranks with the tie-break chain
 * and shared ranks, score per top-level group, self vs final; a bar chart; the score summary export; for the
 * leader seat, finalising (a signed snapshot) and reopening with a reason. Everyone else reads.
 */
export function RankingPage() {
  const { id = '' } = useParams();
  const round = useRound(id);
  const ranking = useRanking(id);
  return (
    <QueryState query={round}>
      {(r) => <QueryState query={ranking}>{(k) => <RankingView round={r} ranking={k} />}</QueryState>}
    </QueryState>
  );
}

const signed = (n: number) => (n > 0 ? `+${formatNumber(n)}` : n < 0 ? `−${formatNumber(-n)}` : formatNumber(0));

function RankingView({ round, ranking }: { round: Round; ranking: Ranking }) {
  const t = useT(rankingStrings);
  const { message } = useFeedback();
  const [compareSelf, setCompareSelf] = useState(false);
  const [exporting, setExporting] = useState<ExportFormat | null>(null);
  const canManage = round.permissions.canManage;
  const snapshot = useSnapshot(round.id, round.phase === 'finalised' || round.phase === 'final_review');

  // Rank order; units sharing a rank in Vietnamese alphabetical order.
  const rows = useMemo(() => [...ranking.rows].sort((a, b) => a.rank - b.rank || compareVi(a.unitName, b.unitName)), [ranking.rows]);
  const groups = rows[0]?.groups ?? [];

  const doExport = (format: ExportFormat) => {
    setExporting(format);
    exportRanking(round.id, format).catch((e: Error) => message.error(e.message)).finally(() => setExporting(null));
  };

  const columns: DataColumn<RankingRow>[] = [
    {
      key: 'rank', title: t('rank'), width: 90, fixed: 'left',
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong style={{ fontSize: 16 }}>{r.rank}</Typography.Text>
          {r.sharedRank && <Tag color="gold">{t('shared')}</Tag>}
          {!r.sharedRank && r.decidedBy && r.decidedBy !== 'total' && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('decidedBy', { rule: t(`tie.${r.decidedBy}`) })}</Typography.Text>
          )}
        </Space>
      ),
    },
    { key: 'unit', title: t('unit'), dataIndex: 'unitName', width: 200 },
    ...groups.map((g, i) => ({
      key: `g-${g.criterionId}`,
      title: <Tooltip title={g.title}><span>{t('groupHeader', { code: g.code, max: formatNumber(g.max) })}</span></Tooltip>,
      align: 'right' as const,
      render: (_: unknown, r: RankingRow) => {
        const x = r.groups[i];
        if (!x) return null;
        return (
          <Space orientation="vertical" size={0} align="end">
            <span>{formatNumber(x.final)}</span>
            {x.self !== x.final && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('selfShort', { n: formatNumber(x.self) })}</Typography.Text>}
          </Space>
        );
      },
    })),
    { key: 'bonus', title: t('bonus'), align: 'right', render: (_, r) => (r.final.bonus ? <Typography.Text type="success">+{formatNumber(r.final.bonus)}</Typography.Text> : formatNumber(0)) },
    { key: 'deductions', title: t('deductions'), align: 'right', render: (_, r) => (r.final.deductions ? <Typography.Text type="danger">−{formatNumber(r.final.deductions)}</Typography.Text> : formatNumber(0)) },
    { key: 'total', title: t('total'), align: 'right', render: (_, r) => <Typography.Text strong>{formatNumber(r.final.total)}</Typography.Text> },
    { key: 'self', title: t('selfTotal'), align: 'right', render: (_, r) => formatNumber(r.self.total) },
    {
      key: 'diff', title: <Tooltip title={t('differenceHint')}><span>{t('difference')}</span></Tooltip>, align: 'right',
      render: (_, r) => {
        const d = round2(r.final.total - r.self.total);
        return <Typography.Text type={d < 0 ? 'danger' : d > 0 ? 'success' : 'secondary'} data-diff={d}>{signed(d)}</Typography.Text>;
      },
    },
  ];

  const tieChain = ranking.tieBreakChain.map((x) => t(`tie.${x}` as 'tie.total')).join(' → ');
  const lastReopen = snapshot.data && round.phase !== 'finalised' ? snapshot.data.history.find((h) => h.supersededAt) : undefined;

  return (
    <>
      <PageHeader
        title={`${t('title')}: ${round.title}`}
        subtitle={
          <Space wrap size={4}>
            <span>{round.blockName} – {round.year}</span>
            <Tag color={ranking.basis === 'snapshot' ? 'green' : 'orange'}>{t(`basis.${ranking.basis}`)}</Tag>
            <Tag color="blue">{round.phaseLabel}</Tag>
            <Link to={paths.round.getHref(round.id)}>{t('backToRound')}</Link>
          </Space>
        }
        extra={
          <>
            <Button onClick={() => doExport('xlsx')} loading={exporting === 'xlsx'}>{t('exportXlsx')}</Button>
            <Button onClick={() => doExport('pdf')} loading={exporting === 'pdf'}>{t('exportPdf')}</Button>
            {canManage && round.phase === 'final_review' && <FinaliseButton roundId={round.id} />}
            {canManage && round.phase === 'finalised' && <ReopenButton roundId={round.id} />}
          </>
        }
      />
      {ranking.basis === 'live' && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('liveHint')} />}
      {lastReopen && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('reopenedNotice', { when: formatDateTime(lastReopen.supersededAt), reason: lastReopen.reopenReason })} />
      )}

      {round.phase === 'finalised' && snapshot.data && <SnapshotPanel snapshot={snapshot.data} />}
      {round.phase === 'finalised' && snapshot.data && <LedgerProofCard source={{ kind: 'ranking', roundId: round.id }} />}

      <Card title={t('tableTitle')} style={{ marginBottom: 16 }}>
        <DataTable<RankingRow> rowKey="unitId" size="middle" columns={columns} dataSource={rows} pagination={false} scroll={{ x: 'max-content' }} locale={{ emptyText: t('noRows') }} />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>{t('tieChain', { chain: tieChain })}</Typography.Paragraph>
      </Card>

      <Card title={t('chartTitle')} extra={<Space><Switch checked={compareSelf} onChange={setCompareSelf} aria-label={t('compareSelf')} /><span>{t('compareSelf')}</span></Space>}>
        {rows.length ? <RankingChart rows={rows} compareSelf={compareSelf} /> : <Typography.Text type="secondary">{t('noRows')}</Typography.Text>}
      </Card>
    </>
  );
}

function SnapshotPanel({ snapshot: s }: { snapshot: Snapshot }) {
  const t = useT(rankingStrings);
  const v = s.verification;
  const changed = v.changedRows.length + v.missingRows.length + v.addedRows.length;
  const earlier = s.history.filter((h) => h.seq !== s.seq);
  return (
    <Card title={t('snapshotTitle')} style={{ marginBottom: 16, borderColor: v.intact ? '#b7eb8f' : '#ffa39e' }} role="region" aria-label={t('snapshotTitle')}>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'seq', label: t('snapshotSeq'), children: s.seq },
          { key: 'at', label: t('finalisedAt'), children: formatDateTime(s.finalisedAt) },
          { key: 'by', label: t('finalisedBy'), children: s.finalisedByName ?? '—' },
          { key: 'rows', label: t('rowCount'), children: formatNumber(s.rowCount) },
          { key: 'digest', label: t('digest'), span: 'filled', children: <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>{s.digest}</Typography.Text> },
          ...(s.auditHash ? [{ key: 'audit', label: t('auditHash'), span: 'filled' as const, children: <Typography.Text code style={{ wordBreak: 'break-all', fontSize: 12 }}>{s.auditHash}</Typography.Text> }] : []),
          {
            key: 'integrity', label: t('integrity'), span: 'filled',
            children: (
              <Space wrap>
                {v.intact ? <Tag color="green">{t('intact')}</Tag> : changed > 0 && <Tag color="red">{t('notIntact', { n: changed })}</Tag>}
                {!v.digestValid && <Tag color="red">{t('digestInvalid')}</Tag>}
              </Space>
            ),
          },
        ]}
      />
      {earlier.length > 0 && (
        <>
          <Typography.Text type="secondary">{t('history')}:</Typography.Text>
          <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
            {earlier.map((h) => (
              <li key={h.seq}>{t('historyLine', { seq: h.seq, at: formatDateTime(h.finalisedAt), when: formatDateTime(h.supersededAt), reason: h.reopenReason })}</li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}

function FinaliseButton({ roundId }: { roundId: string }) {
  const t = useT(rankingStrings);
  const { message } = useFeedback();
  const finalise = useFinalise();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  return (
    <>
      <Button type="primary" onClick={() => { setNote(''); setOpen(true); }}>{t('finalise')}</Button>
      <Modal open={open} title={t('finaliseTitle')} okText={t('finalise')} cancelText={t('action.cancel')} okButtonProps={{ loading: finalise.isPending }} onCancel={() => setOpen(false)} destroyOnHidden
        onOk={() => runMutation(finalise, { id: roundId, reason: note.trim() || undefined }, (s) => { setOpen(false); void message.success(t('finalisedOk', { n: s.seq })); }, (e) => void message.error(e.message))}>
        <Typography.Paragraph>{t('finaliseBody')}</Typography.Paragraph>
        <Input.TextArea rows={2} maxLength={2000} aria-label={t('finaliseNote')} placeholder={t('finaliseNote')} value={note} onChange={(e) => setNote(e.target.value)} />
      </Modal>
    </>
  );
}

function ReopenButton({ roundId }: { roundId: string }) {
  const t = useT(rankingStrings);
  const { message } = useFeedback();
  const reopen = useReopen();
  return (
    <ReasonButton
      label={t('reopen')} title={t('reopenTitle')} body={t('reopenBody')} okText={t('reopen')} reasonLabel={t('reopenReason')} requiredMessage={t('reopenReasonRequired')}
      loading={reopen.isPending}
      onConfirm={(reason) => reopen.mutateAsync({ id: roundId, reason }).then(() => void message.success(t('reopenedOk')), (e: Error) => { message.error(e.message); throw e; })}
    />
  );
}

export { RankingPage as Component };
