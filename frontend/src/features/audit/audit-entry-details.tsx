import { Alert, Button, Descriptions, Space } from 'antd';
import type { ReactNode } from 'react';
import { DataTable } from '@/components/data-table';
import { useT, type SharedKey } from '@/i18n/i18n';
import { formatDate, formatDateTime, formatNumber } from '@/lib/format';
import { diffRows, type DiffRow } from './audit-diff';
import { useEntryProof, type AuditEntry } from './api/audit';
import { auditStrings } from './i18n';
import { Typography } from '@/components/typography';

type Key = keyof typeof auditStrings.vi;
const UNIT_FIELDS = new Set(['unitId', 'leaderUnitId', 'deputyUnitId']);
const CODE_FIELDS = new Set(['voteThresholdBase', 'finalScoreRule']);

/** Readable labels and values for audit fields: "Bộ quy tắc › Cờ thi đua của UBND Thành phố › giá trị". */
export function useAuditFormat(unitName: (id: string) => string | undefined) {
  const t = useT(auditStrings);
  const has = (k: string) => t(k as Key) !== k;

  const label = (path: string[]) => path
    .map((seg, i) => (seg === 'kind' && path[i - 1] && path[i - 2] === 'quotas' ? t('f.quotaKind') : has(`f.${seg}`) ? t(`f.${seg}` as Key) : seg))
    .join(' › ');

  const value = (path: string[], v: unknown): ReactNode => {
    const field = path[path.length - 1];
    if (v === null || v === undefined || v === '') return <Typography.Text type="secondary">—</Typography.Text>;
    if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
    if (typeof v === 'number') return formatNumber(v);
    if (Array.isArray(v)) {
      if (field === 'tieBreakChain') return v.map((x) => (has(`v.${x}`) ? t(`v.${x}` as Key) : String(x))).join(' → ');
      if (!v.length) return <Typography.Text type="secondary">—</Typography.Text>;
      return (
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {v.map((x, i) => <li key={i}>{field === 'memberUnitIds' && typeof x === 'string' ? unitName(x) ?? x : legalOrText(x)}</li>)}
        </ul>
      );
    }
    if (typeof v === 'object') return <code>{JSON.stringify(v)}</code>;
    const s = String(v);
    if (UNIT_FIELDS.has(field)) return unitName(s) ?? s;
    if (field === 'role') return t(`role.${s}` as SharedKey);
    if (field === 'status') return t(`status.${s}` as SharedKey);
    if (field === 'kind') return path.includes('quotas') ? t(`v.${s}` as Key) : t(`kind.${s}` as SharedKey);
    if (CODE_FIELDS.has(field) && has(`v.${s}`)) return t(`v.${s}` as Key);
    if (/^\d{4}-\d{2}-\d{2}T/.test(s)) return formatDateTime(s);
    if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return formatDate(s);
    return s;
  };

  return { label, value };
}

/** A legal instrument reads "06/2022/QH15 (15/06/2022): Luật Thi đua, khen thưởng". */
function legalOrText(x: unknown): string {
  if (x && typeof x === 'object' && 'number' in x) {
    const l = x as { number: string; date?: string; title?: string };
    return `${l.number}${l.date ? ` (${formatDate(l.date)})` : ''}${l.title ? `: ${l.title}` : ''}`;
  }
  return typeof x === 'string' ? x : JSON.stringify(x);
}

/** The expanded row: each field's value before and after the change, its place in the sealed ledger and a proof check. */
export function AuditEntryDetails({ entry, unitName }: { entry: AuditEntry; unitName: (id: string) => string | undefined }) {
  const t = useT(auditStrings);
  const fmt = useAuditFormat(unitName);
  const rows = diffRows(entry.before, entry.after);
  return (
    <div style={{ padding: '4px 0' }}>
      {rows.length ? (
        <DataTable<DiffRow>
          size="small"
          pagination={false}
          rowKey={(r) => r.path.join('.')}
          dataSource={rows}
          aria-label={t('entryId', { id: entry.id })}
          columns={[
            { title: t('field'), key: 'field', width: '28%', render: (_, r) => <Typography.Text strong>{fmt.label(r.path)}</Typography.Text> },
            { title: t('before'), key: 'before', width: '36%', render: (_, r) => <span style={{ color: entry.before != null ? '#a8071a' : undefined }}>{fmt.value(r.path, r.before)}</span> },
            { title: t('after'), key: 'after', width: '36%', render: (_, r) => <span style={{ color: entry.after != null ? '#237804' : undefined }}>{fmt.value(r.path, r.after)}</span> },
          ]}
        />
      ) : <Typography.Text type="secondary">{t('noChanges')}</Typography.Text>}
      <Descriptions size="small" column={1} style={{ marginTop: 8 }}
        items={entry.hash ? [
          { key: 'seq', label: t('seq'), children: formatNumber(entry.seq ?? 0) },
          { key: 'hash', label: t('hash'), children: <Typography.Text code copyable style={{ fontSize: 12, wordBreak: 'break-all' }}>{entry.hash}</Typography.Text> },
        ] : [{ key: 'seq', label: t('seq'), children: t('unsealed') }]} />
      <EntryProof entryId={entry.id} />
    </div>
  );
}

/** "Verify this entry": its inclusion proof up to the latest signed checkpoint, checked on the server. */
function EntryProof({ entryId }: { entryId: string }) {
  const t = useT(auditStrings);
  const proof = useEntryProof();
  const e = proof.data?.entries[0];
  const cp = proof.data?.checkpoint;
  return (
    <Space orientation="vertical" style={{ marginTop: 8, width: '100%' }}>
      <Button size="small" onClick={() => proof.mutate(entryId)} loading={proof.isPending}>{t('checkProof')}</Button>
      {e && (e.leafIndex === null || !cp
        ? <Alert type="info" showIcon title={t('proofUnsealed')} />
        : e.ok && proof.data!.signatureValid
          ? <Alert type="success" showIcon title={t('proofOk', { seq: formatNumber(e.leafIndex), n: formatNumber(cp.treeSize), at: formatDateTime(cp.sealedAt) })} />
          : <Alert type="error" showIcon title={t('proofBad')} />)}
      {proof.isError && <Alert type="error" showIcon title={proof.error.message} />}
    </Space>
  );
}
