import { Alert, Button, Space, Tag } from 'antd';
import { useFeedback } from '@/components/feedback';
import { Card } from '@/components/card';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { paths } from '@/lib/paths';
import { DataTable } from '@/components/data-table';
import { useT } from '@/i18n/i18n';
import { formatDate, formatNumber } from '@/lib/format';
import { documentUrls, useUploadReport, type Nominee, type Proposal } from './api/proposals';
import { proposalStrings } from './i18n';
import { lazyDialog } from '@/components/lazy-dialog';
import { Typography } from '@/components/typography';

// Dialogs load when first opened.
const CiteDialog = lazyDialog(() => import('./cite-dialog').then((m) => m.CiteDialog), () => true);

/** Nominees per award (from the ballots), each with its achievement report and, later, its decision. */
export function NomineesSection({ p }: { p: Proposal }) {
  const t = useT(proposalStrings);
  const { message } = useFeedback();
  const upload = useUploadReport(p.id);
  const [uploadFor, setUploadFor] = useState<string | null>(null);
  const [citeFor, setCiteFor] = useState<Nominee | null>(null);
  // The leader or deputy seat cites for every nominee; a nominee unit for itself.
  const canCite = (n: Nominee) => p.permissions.canEdit || p.permissions.canUploadReportForUnitId === n.unitId;
  return (
    <Card size="small" title={t('nominees')}>
      {!p.nomineesFrozen && <Typography.Paragraph type="secondary">{t('nomineesLive')}</Typography.Paragraph>}
      {upload.isError && <Alert type="error" showIcon title={upload.error.message} style={{ marginBottom: 12 }} />}
      <DataTable<Nominee>
        rowKey={(n) => `${n.code}:${n.unitId}`}
        size="small"
        pagination={false}
        dataSource={p.nominees}
        columns={[
          { title: t('award'), dataIndex: 'awardName', width: 190 },
          { title: t('unit'), dataIndex: 'unitName' },
          { title: t('votes'), key: 'votes', width: 120, align: 'right', render: (_, n) => `${n.approvals} (${formatNumber(n.percent)}%)` },
          { title: t('rank'), dataIndex: 'rank', width: 80, align: 'right' },
          {
            title: t('report'), key: 'report', width: 230,
            render: (_, n) => (
              <Space orientation="vertical" size={4}>
                {n.report ? <a href={documentUrls.report(p.id, n.report.id)}>{n.report.filename}</a> : <Typography.Text type="warning">{t('noReport')}</Typography.Text>}
                {p.permissions.canUploadReportForUnitId === n.unitId && (
                  <ReportUpload
                    unitName={n.unitName}
                    label={n.report ? t('replaceReport') : t('uploadReport')}
                    loading={upload.isPending && uploadFor === n.unitId}
                    onFile={(file) => { setUploadFor(n.unitId); upload.mutate({ unitId: n.unitId, file }, { onSuccess: () => void message.success(t('reportUploaded')) }); }}
                  />
                )}
              </Space>
            ),
          },
          {
            title: t('models'), key: 'models', width: 260,
            render: (_, n) => (
              <Space orientation="vertical" size={4}>
                <CitedModels n={n} />
                {canCite(n) && <Button size="small" onClick={() => setCiteFor(n)} aria-label={`${t('citeModels')} – ${n.unitName}`}>{t('citeModels')}</Button>}
              </Space>
            ),
          },
          { title: t('decision'), key: 'decision', width: 240, render: (_, n) => <DecisionCell n={n} /> },
        ]}
      />
      {citeFor && <CiteDialog p={p} n={citeFor} onClose={() => setCiteFor(null)} />}
    </Card>
  );
}

function ReportUpload({ unitName, label, loading, onFile }: { unitName: string; label: string; loading: boolean; onFile: (f: File) => void }) {
  const t = useT(proposalStrings);
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        hidden
        aria-label={`${label} – ${unitName}`}
        accept=".pdf,.doc,.docx,.odt,application/pdf,application/msword,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) onFile(f);
        }}
      />
      <Button size="small" loading={loading} onClick={() => input.current?.click()} title={t('reportHint')}>{label}</Button>
    </>
  );
}

function CitedModels({ n }: { n: Nominee }) {
  const t = useT(proposalStrings);
  if (!n.models.length) return <Typography.Text type="secondary">{t('noModels')}</Typography.Text>;
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }} aria-label={`${t('models')} – ${n.unitName}`}>
      {n.models.map((m) => (
        <li key={m.id}>
          <Typography.Text strong>{m.name}</Typography.Text> <Typography.Text type="secondary">({t(`subject.${m.subjectKind}`)}, {m.year})</Typography.Text>
          {m.stories.map((s) => <div key={s.id}><a href={s.publicUrl} target="_blank" rel="noopener noreferrer">{s.title}</a></div>)}
        </li>
      ))}
    </ul>
  );
}

function DecisionCell({ n }: { n: Nominee }) {
  const t = useT(proposalStrings);
  const d = n.decision;
  if (!d) return null;
  return (
    <Space orientation="vertical" size={2}>
      <Space size={4} wrap>
        <Tag color={d.outcome === 'awarded' ? 'green' : 'default'}>{d.outcome === 'awarded' ? t('awarded') : t('notAwarded')}</Tag>
        {d.revoked && <Tag color="red">{t('revoked')}</Tag>}
      </Space>
      {d.outcome === 'awarded'
        ? <Typography.Text>{d.decisionNumber} · {formatDate(d.decisionDate)}{d.signer ? ` · ${d.signer}` : ''}</Typography.Text>
        : <Typography.Text type="secondary">{d.reason}</Typography.Text>}
      <Link to={paths.unitAwards.getHref(n.unitId)}>{t('awardHistory')}</Link>
    </Space>
  );
}
