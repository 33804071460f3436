import { Alert, Button, Col, Descriptions, Input, Popconfirm, Row, Space, Tag } from 'antd';
import { useFeedback } from '@/components/feedback';
import { Card } from '@/components/card';
import { useId, useState, type CSSProperties, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { paths } from '@/lib/paths';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { VisuallyHidden } from '@/components/visually-hidden';
import { useMe } from '@/api/me';
import { LedgerProofCard } from '@/components/ledger-proof/ledger-proof-card';
import { useT } from '@/i18n/i18n';
import { formatDate, formatDateTime } from '@/lib/format';
import { runMutation } from '@/lib/mutation';
import { documentUrls, useCancelProposal, useChecklist, useProposal, useSubmitProposal, type ChecklistItem, type Proposal } from './api/proposals';
import { AppraisalView, BoardActions, DecisionFormCard } from './board-panel';
import { proposalStrings } from './i18n';
import { DueDate, StatusTag } from './labels';
import { LetterSection } from './letter-section';
import { NomineesSection } from './nominees-section';
import { Typography } from '@/components/typography';

/** One award proposal dossier: status and history, checklist, letter, nominees and reports, documents, the board's work. */
export function ProposalPage() {
  const { id = '' } = useParams();
  const t = useT(proposalStrings);
  const proposal = useProposal(id);
  const me = useMe();
  const isBoard = !!me.data?.permissions.appraiseDossiers;

  return (
    <QueryState query={proposal}>
      {(p) => (
        <>
          <PageHeader
            title={t('dossierTitle', { block: p.blockName, year: p.year })}
            subtitle={(
              <Space size={12} wrap>
                <Link to={isBoard ? paths.proposals.getHref() : paths.blockYearProposals.getHref(p.blockYearId)}>{isBoard ? t('toList') : t('backToYear')}</Link>
                <StatusTag status={p.status} />
                {p.letterNumber && <span>{p.letterNumber}</span>}
              </Space>
            )}
            extra={<Space align="start" wrap><CancelButton p={p} /><SubmitButton p={p} /></Space>}
          />
          {p.status === 'cancelled' && <Alert type="info" showIcon title={p.cancelReason ? `${t('status.cancelled')}: ${p.cancelReason}` : t('status.cancelled')} style={{ marginBottom: 16 }} />}
          {p.status === 'returned' && p.returnReason && <Alert type="warning" showIcon title={`${t('status.returned')}: ${p.returnReason}`} style={{ marginBottom: 16 }} />}
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={14}>
              <Space orientation="vertical" size={16} style={{ width: '100%' }}>
                <StatusCard p={p} />
                <LetterSection p={p} />
              </Space>
            </Col>
            <Col xs={24} lg={10}>
              <Space orientation="vertical" size={16} style={{ width: '100%' }}>
                <ChecklistCard p={p} />
                <DocumentsCard p={p} />
              </Space>
            </Col>
            <Col span={24}><NomineesSection p={p} /></Col>
            {p.submittedAt && p.status !== 'draft' && p.status !== 'returned' && <Col span={24}><LedgerProofCard source={{ kind: 'proposal', proposalId: p.id }} /></Col>}
            {p.permissions.canAppraise && <Col span={24}><BoardActions p={p} /></Col>}
            {isBoard && p.status !== 'draft' && p.status !== 'returned' && p.status !== 'cancelled' && <Col span={24}><AppraisalView p={p} /></Col>}
            {p.permissions.canDecide && <Col span={24}><DecisionFormCard p={p} /></Col>}
          </Row>
        </>
      )}
    </QueryState>
  );
}

/** "Trình hồ sơ": only for the leader unit's head (the DTO says so), disabled with the missing parts until complete. */
function SubmitButton({ p }: { p: Proposal }) {
  const t = useT(proposalStrings);
  const { message } = useFeedback();
  const checklist = useChecklist(p.id);
  const submit = useSubmitProposal(p.id);
  if (!p.permissions.canSubmit) return null;
  const complete = checklist.data?.complete ?? p.complete;
  return (
    <Space orientation="vertical" align="end" size={4} style={{ maxWidth: 520 }}>
      <Popconfirm
        title={t('submitConfirm')}
        okText={t('submitOk')}
        cancelText={t('action.cancel')}
        disabled={!complete}
        onConfirm={() => runMutation(submit, undefined, () => void message.success(t('submittedOk')))}
      >
        <Button type="primary" disabled={!complete} loading={submit.isPending}>{t('submit')}</Button>
      </Popconfirm>
      {!complete && checklist.data?.missingMessage && <Typography.Text type="danger">{checklist.data.missingMessage}</Typography.Text>}
      {submit.isError && <Alert type="error" showIcon title={submit.error.message} />}
    </Space>
  );
}

/** "Hủy hồ sơ": for the leader or deputy seat while the dossier may be edited (the DTO's canEdit), with a required reason. */
function CancelButton({ p }: { p: Proposal }) {
  const t = useT(proposalStrings);
  const { message } = useFeedback();
  const cancel = useCancelProposal(p.id);
  const [reason, setReason] = useState('');
  const inputId = useId();
  if (!p.permissions.canEdit) return null;
  return (
    <Space orientation="vertical" align="end" size={4} style={{ maxWidth: 420 }}>
      <Popconfirm
        title={t('cancelConfirm')}
        description={(
          <Space orientation="vertical" size={4} style={{ width: 320 }}>
            <label htmlFor={inputId}>{t('cancelReason')}</label>
            <Input.TextArea id={inputId} autoSize={{ minRows: 2 }} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
          </Space>
        )}
        okText={t('cancelOk')}
        cancelText={t('cancelKeep')}
        okButtonProps={{ danger: true, disabled: !reason.trim() }}
        onOpenChange={(open) => open && cancel.reset()}
        onConfirm={() => runMutation(cancel, reason.trim(), () => {
          setReason('');
          void message.success(t('cancelledOk'));
        })}
      >
        <Button danger loading={cancel.isPending}>{t('cancelProposal')}</Button>
      </Popconfirm>
      {cancel.isError && <Alert type="error" showIcon title={cancel.error.message} />}
    </Space>
  );
}

const rowStyle: CSSProperties = { padding: '6px 0', borderBottom: '1px solid #f0f0f0' };
const Rows = ({ children }: { children: ReactNode }) => <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>{children}</ul>;
const Row1 = ({ children }: { children: ReactNode }) => <li style={rowStyle}>{children}</li>;

function StatusCard({ p }: { p: Proposal }) {
  const t = useT(proposalStrings);
  return (
    <Card size="small" title={t('history')}>
      <Descriptions size="small" column={2} style={{ marginBottom: 12 }} items={[
        { key: 's', label: t('status'), children: <StatusTag status={p.status} /> },
        { key: 'sub', label: t('submittedAt'), children: formatDate(p.submittedAt) || '—' },
        { key: 'due', label: t('dueDate'), children: p.dueDate ? <DueDate p={p} /> : '—' },
        { key: 'n', label: t('nomineeCount'), children: p.nomineeCount },
      ]} />
      <Rows>
        {[...p.history].sort((a, b) => a.seq - b.seq).map((e) => (
          <Row1 key={e.seq}>
            <Space orientation="vertical" size={0}>
              <Space size={8} wrap>
                <Typography.Text strong>{e.label}</Typography.Text>
                <Typography.Text title={formatDateTime(e.at)}>{formatDate(e.at)}</Typography.Text>
                {e.actorName && <Typography.Text type="secondary">{e.actorName}</Typography.Text>}
              </Space>
              {e.reason && <Typography.Text type={e.kind === 'returned' ? 'danger' : 'secondary'}>{t('reason')}: {e.reason}</Typography.Text>}
              {e.dueDate && <Typography.Text type="secondary">{t('dueDate')}: {formatDate(e.dueDate)}</Typography.Text>}
            </Space>
          </Row1>
        ))}
      </Rows>
    </Card>
  );
}

function ChecklistCard({ p }: { p: Proposal }) {
  const t = useT(proposalStrings);
  const checklist = useChecklist(p.id);
  return (
    <Card size="small" title={t('checklist')}>
      <QueryState query={checklist}>
        {(c) => (
          <>
            {c.complete ? <Alert type="success" showIcon title={t('complete')} style={{ marginBottom: 8 }} /> : null}
            <Rows>
              {c.items.map((i: ChecklistItem) => (
                <Row1 key={i.key}>
                  <Space orientation="vertical" size={0}>
                    <Space size={8}>
                      <Tag color={i.present ? 'green' : 'red'}>{i.present ? t('present') : t('missing')}</Tag>
                      <Typography.Text>{i.label}</Typography.Text>
                    </Space>
                    {i.detail && <Typography.Text type="secondary">{i.detail}</Typography.Text>}
                  </Space>
                </Row1>
              ))}
            </Rows>
          </>
        )}
      </QueryState>
    </Card>
  );
}

function DocLinks({ label, links }: { label: string; links: [string, string][] }) {
  return (
    <Row1>
      <Space size={8} wrap>
        <Typography.Text>{label}</Typography.Text>
        {links.map(([ext, href]) => <a key={ext} href={href}><VisuallyHidden>{label} </VisuallyHidden>.{ext}</a>)}
      </Space>
    </Row1>
  );
}

function DocumentsCard({ p }: { p: Proposal }) {
  const t = useT(proposalStrings);
  const decisionNumbers = [...new Set(p.decisions.filter((d) => d.outcome === 'awarded' && d.decisionNumber).map((d) => d.decisionNumber!))];
  const hasMinutes = p.checklist.some((i) => i.kind === 'minutes' && i.present);
  const hasAnnex = p.checklist.some((i) => i.kind === 'score_annex' && i.present);
  /** The checklist names each tally record by its award ("Biên bản kiểm phiếu – Cờ thi đua …"). */
  const tallyLabel = (ballotId: string) => p.checklist.find((i) => i.kind === 'tally_record' && i.ballotId === ballotId)?.label;
  return (
    <Card size="small" title={t('documents')}>
      <Rows>
        <DocLinks label={t('docLetter')} links={[['docx', documentUrls.letter(p.id, 'docx')], ['pdf', documentUrls.letter(p.id, 'pdf')]]} />
        <DocLinks label={t('docNominees')} links={[['docx', documentUrls.nominees(p.id, 'docx')], ['pdf', documentUrls.nominees(p.id, 'pdf')]]} />
        {hasMinutes && <DocLinks label={t('docMinutes')} links={[['docx', documentUrls.minutes(p.id, 'docx')], ['pdf', documentUrls.minutes(p.id, 'pdf')]]} />}
        {hasAnnex && <DocLinks label={t('docAnnex')} links={[['xlsx', documentUrls.scoreAnnex(p.id, 'xlsx')], ['pdf', documentUrls.scoreAnnex(p.id, 'pdf')]]} />}
        {p.ballotIds.map((b, i) => (
          <DocLinks key={b} label={tallyLabel(b) ?? t('docTally', { n: p.ballotIds.length > 1 ? i + 1 : '' }).trim()} links={[['docx', documentUrls.tally(p.id, b, 'docx')], ['pdf', documentUrls.tally(p.id, b, 'pdf')]]} />
        ))}
        {decisionNumbers.map((n) => (
          <DocLinks key={n} label={t('docDecisionList', { number: n })} links={[['docx', documentUrls.decisionList(p.id, 'docx', n)], ['pdf', documentUrls.decisionList(p.id, 'pdf', n)]]} />
        ))}
      </Rows>
      <Button href={documentUrls.bundle(p.id)} style={{ marginTop: 8 }}>{t('bundle')}</Button>
    </Card>
  );
}

export { ProposalPage as Component };
