import { Alert, Button, Checkbox, Col, Collapse, Descriptions, Flex, Form, Input, InputNumber, Modal, Popconfirm, Row, Space, Tag } from 'antd';
import { useFeedback } from '@/components/feedback';
import { Card } from '@/components/card';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { DataTable } from '@/components/data-table';
import { ApiError } from '@/api/client';
import { paths } from '@/lib/paths';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { LedgerProofCard } from '@/components/ledger-proof/ledger-proof-card';
import { useT } from '@/i18n/i18n';
import { formatDateTime, formatNumber } from '@/lib/format';
import { runMutation } from '@/lib/mutation';
import {
  exportTallyRecord, savedReceipt, useBallot, useCastVote, useCloseBallot, usePaperTally, useRevote, useSignTallyRecord,
  type Ballot, type BallotResult, type PaperTallyInput,
} from './api/ballots';
import { ballotStrings } from './i18n';
import { Typography } from '@/components/typography';

/** One ballot: the voting form for a present unit, the public progress, closing, the result and the tally record. */
export function Component() {
  const { id = '' } = useParams();
  const ballot = useBallot(id);
  return <QueryState query={ballot}>{(b) => <BallotView ballot={b} />}</QueryState>;
}

function BallotView({ ballot: b }: { ballot: Ballot }) {
  const t = useT(ballotStrings);
  const open = b.status === 'open';
  return (
    <>
      <PageHeader
        title={t('ballotTitle', { award: b.awardName })}
        subtitle={
          <Space wrap size={4}>
            <Tag color={open ? 'processing' : 'default'}>{t(`status.${b.status}`)}</Tag>
            <Tag>{t(`mode.${b.mode}`)}</Tag>
            {b.round > 1 && <Tag color="orange">{t('roundN', { n: b.round })}</Tag>}
            <span>{b.blockName} – {b.year}</span>
            <Link to={paths.conferenceBallots.getHref(b.conferenceId)}>{t('backToBallots')}</Link>
          </Space>
        }
        extra={b.permissions.canClose && <CloseButton ballot={b} />}
      />
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }} items={[
        { key: 'conf', label: t('conference'), children: <Link to={paths.conference.getHref(b.conferenceId)}>{b.conferenceTitle}</Link> },
        { key: 'quota', label: t('quota'), children: b.quota },
        { key: 'thr', label: t('threshold'), children: t('thresholdText', { percent: formatNumber(b.thresholdPercent), base: t(`base.${b.thresholdBase}`) }) },
        { key: 'opened', label: t('openedAt'), children: `${formatDateTime(b.openedAt)}${b.openedByName ? ` (${b.openedByName})` : ''}` },
      ]} />
      {b.series.rounds.length > 1 && (
        <Space wrap style={{ marginBottom: 16 }}>
          <span>{t('rounds')}:</span>
          {b.series.rounds.map((r) => (r.id === b.id
            ? <Tag key={r.id} color="blue">{t('roundN', { n: r.round })}</Tag>
            : <Link key={r.id} to={paths.ballot.getHref(r.id)}>{t('roundN', { n: r.round })}</Link>))}
        </Space>
      )}

      {open && <MyVote ballot={b} />}
      {open && b.permissions.canEnterPaperTally && <PaperTallyForm ballot={b} />}
      {open && <Progress ballot={b} />}
      {b.result && <ResultCard ballot={b} result={b.result} />}
      {b.status === 'closed' && <TallyRecordCard ballot={b} />}
      {b.status === 'closed' && b.tallyRecord?.signed && <LedgerProofCard source={{ kind: 'tallyRecord', ballotId: b.id }} />}
    </>
  );
}

/** The unit's own ballot: checkboxes up to the quota, a confirm, then "đã bỏ phiếu" with the receipt. */
function MyVote({ ballot: b }: { ballot: Ballot }) {
  const t = useT(ballotStrings);
  const { message } = useFeedback();
  const cast = useCastVote();
  const [chosen, setChosen] = useState<string[]>([]);
  const [confirming, setConfirming] = useState(false);
  const my = b.myUnit;
  if (!my || b.mode !== 'electronic') return null;
  if (my.hasVoted) return <VotedNotice ballotId={b.id} />;
  if (!my.canVote) return my.reason ? <Alert type="info" showIcon title={t('cannotVote', { reason: my.reason })} style={{ marginBottom: 16 }} /> : null;

  const full = chosen.length >= b.quota;
  const toggle = (unitId: string, on: boolean) => setChosen((c) => (on ? [...c, unitId] : c.filter((x) => x !== unitId)));
  const names = b.candidates.filter((c) => chosen.includes(c.unitId)).map((c) => c.name);
  const unitName = b.presentUnits.find((u) => u.unitId === my.unitId)?.name ?? '';
  return (
    <Card title={t('voteTitle', { unit: unitName })} style={{ marginBottom: 16 }} role="region" aria-label={t('voteTitle', { unit: unitName })}>
      <Typography.Paragraph>{t('voteHint', { n: b.quota })}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('encryptNote')}</Typography.Paragraph>
      <Flex vertical gap={8} style={{ marginBottom: 12 }}>
        {b.candidates.map((c) => {
          const on = chosen.includes(c.unitId);
          return (
            <Checkbox key={c.unitId} checked={on} disabled={!on && full} onChange={(e) => toggle(c.unitId, e.target.checked)}>
              {c.name}{c.rank !== null && <Typography.Text type="secondary"> · {t('rank')} {c.rank}</Typography.Text>}
            </Checkbox>
          );
        })}
      </Flex>
      <Flex align="center" gap={16}>
        <Typography.Text strong role="status">{t('selected', { n: chosen.length, m: b.quota })}</Typography.Text>
        <Button type="primary" size="large" onClick={() => setConfirming(true)}>{t('submitVote')}</Button>
      </Flex>
      <Modal open={confirming} title={t('confirmVoteTitle')} okText={t('submitVote')} cancelText={t('action.cancel')} confirmLoading={cast.isPending}
        onCancel={() => setConfirming(false)}
        onOk={() => cast.mutate({ ballot: b, approvals: chosen }, {
          onSuccess: () => { setConfirming(false); setChosen([]); message.success(t('votedOk')); },
          onError: (e) => { setConfirming(false); message.error(e.message); },
        })}>
        <Typography.Paragraph strong>{t('confirmVoteBody')}</Typography.Paragraph>
        <Typography.Paragraph>{names.length ? t('confirmVoteChosen', { names: names.join('; ') }) : t('confirmVoteEmpty')}</Typography.Paragraph>
      </Modal>
    </Card>
  );
}

/** The unit has voted: the receipt this device received, to check against the published list later. */
function VotedNotice({ ballotId }: { ballotId: string }) {
  const t = useT(ballotStrings);
  const receipt = savedReceipt(ballotId);
  return (
    <Alert type="success" showIcon style={{ marginBottom: 16 }} title={t('unitHasVoted')} description={receipt && (
      <div role="region" aria-label={t('receiptTitle')}>
        <Typography.Text strong>{t('receiptTitle')}: </Typography.Text>
        <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>{receipt}</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>{t('receiptHint')}</Typography.Paragraph>
      </div>
    )} />
  );
}

/** Anyone checks that a receipt is among the counted papers: inclusion, never content. */
function ReceiptCheck({ ballotId, receipts }: { ballotId: string; receipts: string[] }) {
  const t = useT(ballotStrings);
  const [value, setValue] = useState(() => savedReceipt(ballotId) ?? '');
  const [verdict, setVerdict] = useState<'found' | 'missing' | 'malformed' | null>(null);
  const check = () => {
    const r = value.trim().toLowerCase();
    setVerdict(!/^[0-9a-f]{64}$/.test(r) ? 'malformed' : receipts.includes(r) ? 'found' : 'missing');
  };
  return (
    <section aria-label={t('checkReceipt')} style={{ marginTop: 16 }}>
      <Typography.Title level={5}>{t('checkReceipt')}</Typography.Title>
      <Space.Compact style={{ width: '100%', maxWidth: 640 }}>
        <Input aria-label={t('receiptInput')} value={value} onChange={(e) => { setValue(e.target.value); setVerdict(null); }} onPressEnter={check} maxLength={80} />
        <Button onClick={check}>{t('checkReceipt')}</Button>
      </Space.Compact>
      {verdict && (
        <Alert role="status" style={{ marginTop: 8 }} showIcon type={verdict === 'found' ? 'success' : verdict === 'missing' ? 'error' : 'warning'}
          title={t(verdict === 'found' ? 'receiptFound' : verdict === 'missing' ? 'receiptMissing' : 'receiptMalformed')} />
      )}
      <Collapse size="small" style={{ marginTop: 12 }} items={[{
        key: 'list', label: t('receiptsTitle', { n: receipts.length }),
        children: (
          <>
            <Typography.Paragraph type="secondary">{t('receiptsHint')}</Typography.Paragraph>
            <ol aria-label={t('receiptsTitle', { n: receipts.length })} style={{ fontFamily: 'monospace', fontSize: 12, wordBreak: 'break-all' }}>
              {receipts.map((r) => <li key={r}>{r}</li>)}
            </ol>
          </>
        ),
      }]} />
    </section>
  );
}

/** Public while open: how many have voted and which units, never what. */
function Progress({ ballot: b }: { ballot: Ballot }) {
  const t = useT(ballotStrings);
  const voted = new Set(b.voters.map((v) => v.unitId));
  return (
    <Card title={t('progress')} style={{ marginBottom: 16 }}>
      <Typography.Title level={4} style={{ marginTop: 0 }} role="status" aria-label={t('progress')}>
        {t('castCount', { n: b.ballotsCast, m: b.present })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('secrecyNote')}</Typography.Paragraph>
      {b.mode === 'electronic' && (
        <ul aria-label={t('progress')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {b.presentUnits.map((u) => (
            <li key={u.unitId} style={{ display: 'flex', justifyContent: 'space-between', padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}>
              <span>{u.name}</span>
              {voted.has(u.unitId) ? <Tag color="green">{t('voted')}</Tag> : <Tag>{t('notVoted')}</Tag>}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function CloseButton({ ballot: b }: { ballot: Ballot }) {
  const t = useT(ballotStrings);
  const { message } = useFeedback();
  const close = useCloseBallot();
  return (
    <Popconfirm title={t('closeConfirm')} okText={t('closeBallot')} cancelText={t('action.cancel')} okButtonProps={{ danger: true }}
      onConfirm={() => runMutation(close, b.id, () => void message.success(t('closedOk')), (e) => void message.error(e.message))}>
      <Button danger type="primary" size="large" loading={close.isPending}>{t('closeBallot')}</Button>
    </Popconfirm>
  );
}

/** Paper ballots: the leader enters the counted totals; the server's field errors show under each field. */
function PaperTallyForm({ ballot: b }: { ballot: Ballot }) {
  const t = useT(ballotStrings);
  const { message } = useFeedback();
  const save = usePaperTally();
  const [form] = Form.useForm();
  const [formError, setFormError] = useState<string | null>(null);
  const submit = (v: PaperTallyInput) => {
    setFormError(null);
    form.setFields(form.getFieldsError().map((f) => ({ name: f.name, errors: [] })));
    // Closed by the tally, the ballot no longer shows this form: the message must outlive it.
    runMutation(save, { id: b.id, body: { issued: v.issued, valid: v.valid, invalid: v.invalid, approvals: { ...v.approvals } } }, () => void message.success(t('paperOk')), (e) => {
      setFormError(e.message);
      if (e instanceof ApiError && e.fields) {
        form.setFields(Object.entries(e.fields).map(([field, msg]) => {
          const [head, unitId] = field.split('.');
          return { name: unitId ? [head, unitId] : [head], errors: [msg] };
        }));
      }
    });
  };
  const num = (name: string | string[], label: string) => (
    <Form.Item name={name} label={label} rules={[{ required: true, message: t('required') }]}>
      <InputNumber min={0} precision={0} style={{ width: 160 }} aria-label={label} />
    </Form.Item>
  );
  return (
    <Card title={t('paperTitle')} style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">{t('paperHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Row gutter={16}>
          <Col>{num('issued', t('issued'))}</Col>
          <Col>{num('valid', t('valid'))}</Col>
          <Col>{num('invalid', t('invalid'))}</Col>
        </Row>
        {/* Errors about the approvals as a whole (e.g. more approvals than allowed) land on this hidden item. */}
        <Form.Item name="approvals" noStyle><span /></Form.Item>
        <Row gutter={16}>
          {b.candidates.map((c) => <Col key={c.unitId}>{num(['approvals', c.unitId], t('approvalsOf', { unit: c.name }))}</Col>)}
        </Row>
        {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} />}
        <Button type="primary" htmlType="submit" loading={save.isPending}>{t('savePaper')}</Button>
      </Form>
    </Card>
  );
}

function ResultCard({ ballot: b, result: r }: { ballot: Ballot; result: BallotResult }) {
  const t = useT(ballotStrings);
  const { message } = useFeedback();
  const navigate = useNavigate();
  const revote = useRevote();
  return (
    <Card title={t('result')} style={{ marginBottom: 16 }} role="region" aria-label={t('result')}>
      <Descriptions size="small" column={{ xs: 1, md: 3 }} items={[
        { key: 'cast', label: t('ballotsCast'), children: `${r.ballotsCast}/${r.present}` },
        { key: 'valid', label: t('valid'), children: t('validInvalid', { valid: r.valid, invalid: r.invalid }) },
        { key: 'quota', label: t('quota'), children: r.quota },
      ]} />
      <Typography.Paragraph>
        {t('thresholdDetail', { percent: formatNumber(r.thresholdPercent), base: t(`base.${r.thresholdBase}`), baseN: r.base, needed: r.approvalsNeeded })}
      </Typography.Paragraph>
      <DataTable size="small" rowKey="unitId" pagination={false} dataSource={r.candidates} style={{ marginBottom: 16 }} columns={[
        { title: t('candidates'), dataIndex: 'name' },
        { title: t('approvals'), dataIndex: 'approvals', align: 'right' },
        { title: t('percent'), dataIndex: 'percent', align: 'right', render: (p: number) => `${formatNumber(p)}%` },
        { title: t('aboveThreshold'), dataIndex: 'aboveThreshold', render: (v: boolean) => (v ? <Tag color="blue">{t('aboveThreshold')}</Tag> : null) },
        { title: t('elected'), dataIndex: 'elected', render: (v: boolean) => (v ? <Tag color="green">{t('elected')}</Tag> : null) },
      ]} />
      <Typography.Title level={5}>{t('electedList')}</Typography.Title>
      {r.elected.length
        ? <ol aria-label={t('electedList')}>{r.elected.map((u) => <li key={u.unitId}>{u.name}</li>)}</ol>
        : <Typography.Paragraph type="secondary">{t('noneElected')}</Typography.Paragraph>}
      {r.revote && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }}
          title={t('tie', { n: r.revote.candidates.length, seats: r.revote.seats, names: r.revote.candidates.map((c) => c.name).join(', ') })}
          action={b.permissions.canOpenRevote && (
            <Popconfirm title={t('revoteConfirm')} okText={t('revote')} cancelText={t('action.cancel')}
              onConfirm={() => revote.mutateAsync({ id: b.id }).then((nb) => { message.success(t('revoteOk')); navigate(paths.ballot.getHref(nb.id)); }, (e: Error) => { message.error(e.message); })}>
              <Button type="primary" loading={revote.isPending}>{t('revote')}</Button>
            </Popconfirm>
          )} />
      )}
      {!!r.receipts?.length && <ReceiptCheck ballotId={b.id} receipts={r.receipts} />}
      {b.series.rounds.length > 1 && b.series.complete && (
        <>
          <Typography.Title level={5}>{t('seriesElected')}</Typography.Title>
          <ol>{b.series.elected.map((u) => <li key={u.unitId}>{u.name} – {u.approvals} ({formatNumber(u.percent)}%, {t('roundN', { n: u.round })})</li>)}</ol>
        </>
      )}
    </Card>
  );
}

/** The series' tally record: signed by the committee (names entered by the leader), then exported. */
function TallyRecordCard({ ballot: b }: { ballot: Ballot }) {
  const t = useT(ballotStrings);
  const { message } = useFeedback();
  const sign = useSignTallyRecord();
  const rec = b.tallyRecord;
  const [form] = Form.useForm<{ chairName: string; memberNames: string[] }>();
  const [exporting, setExporting] = useState(false);
  const doExport = (format: 'docx' | 'pdf') => {
    setExporting(true);
    exportTallyRecord(rec.ballotId, format).catch((e: Error) => message.error(e.message)).finally(() => setExporting(false));
  };
  const submit = (v: { chairName: string; memberNames: string[] }) =>
    sign.mutate({ id: rec.ballotId, body: { chairName: v.chairName.trim(), memberNames: v.memberNames.map((m) => m.trim()).filter(Boolean) } }, {
      onSuccess: () => message.success(t('signedOk')),
      onError: (e) => message.error(e.message),
    });
  return (
    <Card title={t('tallyRecord')} style={{ marginBottom: 16 }} role="region" aria-label={t('tallyRecord')}
      extra={rec.complete && (
        <Space>
          <Button onClick={() => doExport('docx')} loading={exporting}>{t('exportDocx')}</Button>
          <Button onClick={() => doExport('pdf')} loading={exporting}>{t('exportPdf')}</Button>
        </Space>
      )}>
      {rec.signed ? (
        <Descriptions size="small" column={1} items={[
          { key: 'no', label: t('recordNumber'), children: <Space>{rec.number}<Tag color="green">{t('recordSigned')}</Tag></Space> },
          { key: 'chair', label: t('chairName'), children: rec.chairName },
          { key: 'members', label: t('memberNames'), children: rec.memberNames.join('; ') },
          { key: 'at', label: t('recordSigned'), children: t('signedAt', { time: formatDateTime(rec.signedAt), name: rec.signedByName ?? '' }) },
        ]} />
      ) : !rec.complete ? (
        <Typography.Paragraph type="secondary">{t('recordIncomplete')}</Typography.Paragraph>
      ) : rec.canSign ? (
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ memberNames: [''] }} style={{ maxWidth: 560 }}>
          <Form.Item name="chairName" label={t('chairName')} rules={[{ required: true, whitespace: true, message: t('chairName') }]}>
            <Input maxLength={255} />
          </Form.Item>
          <Form.List name="memberNames">
            {(fields, { add, remove }) => (
              <>
                {fields.map(({ key, ...f }, i) => (
                  <Flex key={key} gap={8} align="baseline">
                    <Form.Item {...f} label={t('memberName', { n: i + 1 })} rules={[{ required: true, whitespace: true, message: t('memberName', { n: i + 1 }) }]} style={{ flex: 1 }}>
                      <Input maxLength={255} />
                    </Form.Item>
                    {fields.length > 1 && <Button onClick={() => remove(f.name)} aria-label={t('removeMember', { n: i + 1 })}>×</Button>}
                  </Flex>
                ))}
                {fields.length < 10 && <Button onClick={() => add('')} style={{ marginBottom: 16 }}>{t('addMember')}</Button>}
              </>
            )}
          </Form.List>
          <Typography.Paragraph type="secondary">{t('signConfirm')}</Typography.Paragraph>
          <Button type="primary" htmlType="submit" loading={sign.isPending}>{t('signRecord')}</Button>
        </Form>
      ) : (
        <Tag>{t('recordUnsigned')}</Tag>
      )}
    </Card>
  );
}
