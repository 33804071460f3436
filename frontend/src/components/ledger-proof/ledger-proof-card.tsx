import { rootFingerprint } from '@ledger-fingerprint';
import type { ProofCheck } from '@ledger-proof';
import { Alert, Button, Descriptions } from 'antd';
import { Card } from '@/components/card';
import { useState } from 'react';
import { QueryState } from '@/components/query-state';
import { useT } from '@/i18n/i18n';
import { formatDate, formatDateTime } from '@/lib/format';
import { useDocumentProof, type DocumentProof, type ProofSource } from '@/api/ledger-proof';
import { ledgerProofStrings } from './i18n';
import { Typography } from '@/components/typography';

/** dd/mm/yyyy HH:mm in Vietnam time. */
const dateTime = (iso: string) => `${formatDate(iso)} ${formatDateTime(iso).split(' ')[0]}`;

/**
 * Where a document was sealed in the audit ledger, and "Xác minh văn bản này": the browser checks the proof
 * itself with the backend's own pure functions (leaf, inclusion path, Ed25519 signature), trusting only the
 * public key shown.
 */
export function LedgerProofCard({ source }: { source: ProofSource }) {
  const t = useT(ledgerProofStrings);
  const query = useDocumentProof(source);
  return (
    <Card title={t('title')} size="small" style={{ marginBottom: 16 }} role="region" aria-label={t('title')}>
      <QueryState query={query}>{(p) => <ProofBody key={p.entryId ?? 'none'} proof={p} />}</QueryState>
    </Card>
  );
}

function ProofBody({ proof: p }: { proof: DocumentProof }) {
  const t = useT(ledgerProofStrings);
  const [check, setCheck] = useState<ProofCheck | null>(null);
  if (p.status === 'none') return <Typography.Text type="secondary">{t('none')}</Typography.Text>;
  if (p.status === 'pending' || !p.checkpoint || p.leafIndex === null || p.leafData === null) return <Alert type="info" showIcon title={t('pending')} />;
  const c = p.checkpoint;
  // The check's cryptography (@noble/curves) is fetched on the first click, not with the page.
  const verify = async () => {
    const { verifyDocumentProof } = await import('@ledger-proof');
    setCheck(p.publicKey ? verifyDocumentProof({ leafIndex: p.leafIndex!, leafData: p.leafData!, proof: p.proof, checkpoint: c }, p.publicKey) : { ok: false, problem: 'signature', leafHash: '', root: null });
  };
  return (
    <>
      <Typography.Paragraph>{t('sealedIntro', { entry: p.entryId ?? '', at: p.occurredAt ? dateTime(p.occurredAt) : '' })}</Typography.Paragraph>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'cp', label: t('checkpoint'), children: t('checkpointValue', { n: c.number, size: c.treeSize }) },
          { key: 'at', label: t('sealedAt'), children: dateTime(c.sealedAt) },
          { key: 'root', label: t('root'), children: <Typography.Text code>{rootFingerprint(c.rootHash)}</Typography.Text> },
          { key: 'key', label: t('keyId'), children: <Typography.Text code>{c.keyId}</Typography.Text> },
          { key: 'leaf', label: t('leafIndex'), children: p.leafIndex },
        ]}
      />
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>{t('publicKey')}</Typography.Text>
      {p.publicKey
        ? <Typography.Paragraph copyable code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12, margin: '4px 0 0' }}>{p.publicKey.trim()}</Typography.Paragraph>
        : <Typography.Paragraph type="danger">{t('noKey')}</Typography.Paragraph>}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>{t('verifyHint')}</Typography.Paragraph>
      <Button type="primary" onClick={() => void verify()}>{t('verify')}</Button>
      {check && (
        <Alert style={{ marginTop: 12 }} showIcon role="status" type={check.ok ? 'success' : 'error'}
          title={check.ok ? t('verified', { n: c.number }) : t(`problem.${check.problem ?? 'shape'}`)} />
      )}
    </>
  );
}
