import { Alert, Descriptions, Progress, Tag, Tooltip } from 'antd';
import { Card } from '@/components/card';
import { DataTable } from '@/components/data-table';
import { useT } from '@/i18n/i18n';
import { formatDateTime } from '@/lib/format';
import { useCovenantCertificate, type Covenant, type CovenantUnitProgress } from './api/covenants';
import { covenantStrings, type CovenantStringKey } from './i18n';
import { Typography } from '@/components/typography';

const STATE_COLORS: Record<CovenantUnitProgress['state'], string> = {
  signed: 'success', waiting: 'processing', waits_for_members: 'warning', not_open: 'default', closed: 'default',
};

/** A hash shown whole (it is what people compare), in a monospace font, with a copy button. */
export function Hash({ value }: { value: string }) {
  return <Typography.Text code copyable style={{ wordBreak: 'break-all', fontSize: 12 }}>{value}</Typography.Text>;
}

/** Who has signed (by whom, when) and who is still waiting; the leader unit last. */
export function SigningBoard({ covenant, myUnitId }: { covenant: Covenant; myUnitId: string | null }) {
  const t = useT(covenantStrings);
  const percent = covenant.memberCount ? Math.round((covenant.signedCount / covenant.memberCount) * 100) : 0;
  return (
    <Card title={t('signing')} style={{ marginBottom: 16 }}>
      {covenant.contentHash && (
        <Descriptions size="small" column={1} style={{ marginBottom: 12 }} items={[{ key: 'hash', label: t('contentHash'), children: <Hash value={covenant.contentHash} /> }]} />
      )}
      <Progress percent={percent} format={() => `${covenant.signedCount}/${covenant.memberCount}`} aria-label={t('signedOf', { signed: covenant.signedCount, total: covenant.memberCount })}
        status={covenant.status === 'in_force' ? 'success' : 'active'} style={{ marginBottom: 12 }} />
      <DataTable<CovenantUnitProgress>
        rowKey="unitId"
        size="small"
        pagination={false}
        dataSource={covenant.progress}
        aria-label={t('signing')}
        columns={[
          { title: t('stt'), key: 'stt', width: 56, align: 'center', render: (_, __, i) => i + 1 },
          {
            title: t('unit'), dataIndex: 'unitName',
            render: (name: string, p) => (
              <>
                {name}
                {p.isLeader && <Tag color="gold" style={{ marginInlineStart: 8 }}>{t('leaderLast')}</Tag>}
                {p.unitId === myUnitId && <Tag color="blue" style={{ marginInlineStart: 8 }}>{t('yourUnit')}</Tag>}
              </>
            ),
          },
          { title: t('status'), dataIndex: 'state', width: 230, render: (s: CovenantUnitProgress['state']) => <Tag color={STATE_COLORS[s]}>{t(`state.${s}` as CovenantStringKey)}</Tag> },
          { title: t('signer'), dataIndex: 'signerName', width: 220, render: (n: string | null) => n ?? '' },
          { title: t('signedAt'), dataIndex: 'signedAt', width: 160, render: (d: string | null) => formatDateTime(d) },
        ]}
      />
    </Card>
  );
}

/** Every signing event (unit, signer, time, IP, content hash signed) and both hashes of the covenant in force. */
export function CertificateCard({ covenant }: { covenant: Covenant }) {
  const t = useT(covenantStrings);
  const cert = useCovenantCertificate(covenant.id, !!covenant.inForceAt);
  if (!covenant.inForceAt) return null;
  const c = cert.data;
  return (
    <Card title={t('certificate')} style={{ marginBottom: 16 }} loading={cert.isPending}>
      {cert.isError && <Alert type="error" showIcon title={cert.error.message} />}
      {c && (
        <>
          <Descriptions size="small" bordered column={1} styles={{ label: { width: 200 } }} style={{ marginBottom: 12 }}
            items={[
              { key: 'no', label: t('docNumber'), children: `${c.docNumber} – ${c.title}` },
              { key: 'opened', label: t('openedAt'), children: formatDateTime(c.openedAt) },
              { key: 'inForce', label: t('inForceAt'), children: formatDateTime(c.inForceAt) },
              { key: 'content', label: t('contentHash'), children: <Hash value={c.contentHash} /> },
              { key: 'document', label: t('documentHash'), children: <Hash value={c.documentSha256} /> },
            ]} />
          <DataTable
            rowKey="order"
            size="small"
            pagination={false}
            dataSource={c.events}
            aria-label={t('certificate')}
            scroll={{ x: 900 }}
            columns={[
              { title: t('order'), dataIndex: 'order', width: 70, align: 'center' },
              { title: t('unit'), dataIndex: 'unitName' },
              { title: t('signer'), key: 'signer', width: 220, render: (_, e) => <>{e.signerName}{e.signerTitle && <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{e.signerTitle}</Typography.Text></div>}</> },
              { title: t('signedAt'), dataIndex: 'signedAt', width: 150, render: (d: string) => formatDateTime(d) },
              { title: t('ip'), dataIndex: 'ip', width: 130, render: (ip: string, e) => <Tooltip title={e.userAgent}>{ip}</Tooltip> },
              {
                title: t('signedHash'), dataIndex: 'contentHash', width: 200,
                render: (h: string) => (
                  <Tooltip title={h}>
                    <Typography.Text code style={{ fontSize: 12 }}>{h.slice(0, 12)}…</Typography.Text>{' '}
                    {h === c.contentHash ? <Tag color="success">{t('hashMatches')}</Tag> : <Tag color="error">{t('hashDiffers')}</Tag>}
                  </Tooltip>
                ),
              },
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>{t('certificateHint')}</Typography.Paragraph>
        </>
      )}
    </Card>
  );
}
