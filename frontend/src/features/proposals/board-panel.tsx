import { Alert, Button, Checkbox, Flex, Form, Input, Popconfirm, Radio, Space, Tag } from 'antd';
import { useFeedback } from '@/components/feedback';
import { Card } from '@/components/card';
import { useState } from 'react';
import { DataTable } from '@/components/data-table';
import { QueryState } from '@/components/query-state';
import { useT } from '@/i18n/i18n';
import { runMutation } from '@/lib/mutation';
import { useApproveProposal, useAppraisal, useRecordDecision, useStartAppraisal, type Proposal } from './api/proposals';
import { parseVnDate } from './dates';
import { proposalStrings } from './i18n';
import { lazyDialog } from '@/components/lazy-dialog';
import { Typography } from '@/components/typography';

// Dialogs load when first opened.
const ReturnModal = lazyDialog(() => import('./return-proposal-modal').then((m) => m.ReturnModal), () => true);

/** The board's actions on a dossier, each shown only when the DTO's permission allows it. */
export function BoardActions({ p }: { p: Proposal }) {
  const t = useT(proposalStrings);
  const { message } = useFeedback();
  const start = useStartAppraisal(p.id);
  const approve = useApproveProposal(p.id);
  const [returning, setReturning] = useState(false);
  if (!p.permissions.canAppraise) return null;
  const error = start.error ?? approve.error;
  return (
    <Card size="small" title={t('boardActions')}>
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} />}
      <Flex gap={8} wrap>
        {p.status === 'submitted' && (
          <Button type="primary" loading={start.isPending} onClick={() => runMutation(start, undefined, () => void message.success(t('startedOk')))}>
            {t('startAppraisal')}
          </Button>
        )}
        {p.status === 'under_appraisal' && (
          <Popconfirm title={t('approveConfirm')} okText={t('approve')} cancelText={t('action.cancel')} onConfirm={() => runMutation(approve, undefined, () => void message.success(t('approvedOk')))}>
            <Button type="primary" loading={approve.isPending}>{t('approve')}</Button>
          </Popconfirm>
        )}
        <Button danger onClick={() => setReturning(true)}>{t('returnProposal')}</Button>
      </Flex>
      {returning && <ReturnModal p={p} onClose={() => setReturning(false)} />}
    </Card>
  );
}

/** What the board checks: each nominee's eligibility, the block's numbers, the city-wide quotas, and every breach. */
export function AppraisalView({ p }: { p: Proposal }) {
  const t = useT(proposalStrings);
  const appraisal = useAppraisal(p.id, true);
  return (
    <Card size="small" title={t('appraisal')}>
      <Typography.Paragraph type="secondary">{t('appraisalHint')}</Typography.Paragraph>
      <QueryState query={appraisal}>
        {(a) => (
          <Space orientation="vertical" style={{ width: '100%' }} size={12}>
            {a.breaches.length > 0
              ? <Alert type="error" showIcon title={t('breaches')} description={<ul style={{ margin: 0, paddingLeft: 18 }}>{a.breaches.map((b, i) => <li key={i}>{b.message}</li>)}</ul>} />
              : <Alert type="success" showIcon title={t('noBreaches')} />}
            <DataTable
              rowKey={(n) => `${n.code}:${n.unitId}`}
              size="small"
              pagination={false}
              dataSource={a.nominees}
              onRow={(n) => ({ style: n.eligible ? undefined : { background: '#fff1f0' } })}
              columns={[
                { title: t('award'), dataIndex: 'awardName', width: 190 },
                { title: t('unit'), dataIndex: 'unitName' },
                { title: t('rank'), dataIndex: 'rank', width: 80, align: 'right' },
                {
                  title: t('status'), key: 'eligible', width: 320,
                  render: (_, n) => (n.eligible
                    ? <Tag color="green">{t('eligible')}</Tag>
                    : <Space orientation="vertical" size={2}><Tag color="red">{t('notEligible')}</Tag>{n.reasons.map((r, i) => <Typography.Text key={i} type="danger">{r}</Typography.Text>)}</Space>),
                },
              ]}
            />
            <Typography.Text>{t('members', { n: a.members })}</Typography.Text>
            <DataTable
              rowKey="code"
              size="small"
              pagination={false}
              dataSource={a.blockQuotas}
              onRow={(q) => ({ style: q.proposed > q.limit ? { background: '#fff1f0' } : undefined })}
              columns={[
                { title: `${t('blockQuota')} – ${t('award')}`, dataIndex: 'name' },
                { title: t('limit'), dataIndex: 'limit', align: 'right' },
                { title: t('proposed'), dataIndex: 'proposed', align: 'right', render: (n: number, q) => <Typography.Text type={n > q.limit ? 'danger' : undefined}>{n}</Typography.Text> },
              ]}
            />
            <DataTable
              rowKey="code"
              size="small"
              pagination={false}
              dataSource={a.city.usage}
              onRow={(u) => ({ style: u.over ? { background: '#fff1f0' } : undefined })}
              columns={[
                { title: t('quotaTitle', { year: a.city.year }), dataIndex: 'name' },
                { title: t('limit'), dataIndex: 'limit', align: 'right', render: (l: number | null) => (l === null ? t('unlimited') : l) },
                { title: t('used'), dataIndex: 'used', align: 'right' },
                { title: '', key: 'over', render: (_, u) => (u.over ? <Tag color="red">{t('overQuota')}</Tag> : null) },
              ]}
            />
          </Space>
        )}
      </QueryState>
    </Card>
  );
}

interface DecisionForm { outcome: 'awarded' | 'not_awarded'; nominees: string[]; decisionNumber?: string; decisionDate?: string; signer?: string; reason?: string }

/** Records the council's decision for the chosen nominees (the board, once the dossier is approved). */
export function DecisionFormCard({ p }: { p: Proposal }) {
  const t = useT(proposalStrings);
  const { message } = useFeedback();
  const [form] = Form.useForm<DecisionForm>();
  const record = useRecordDecision(p.id);
  const outcome = Form.useWatch('outcome', form) ?? 'awarded';
  if (!p.permissions.canDecide) return null;
  const open = p.nominees.filter((n) => !n.decision);
  const onFinish = (v: DecisionForm) => {
    const nominees = v.nominees.map((k) => { const [code, unitId] = k.split(':'); return { unitId, code }; });
    const body = v.outcome === 'awarded'
      ? { outcome: v.outcome, nominees, decisionNumber: v.decisionNumber!.trim(), decisionDate: parseVnDate(v.decisionDate!)!, signer: v.signer!.trim() }
      : { outcome: v.outcome, nominees, reason: v.reason!.trim() };
    runMutation(record, body, () => { void message.success(t('decisionRecorded')); form.resetFields(); });
  };
  return (
    <Card size="small" title={t('recordDecision')}>
      {record.isError && <Alert type="error" showIcon title={record.error.message} style={{ marginBottom: 12 }} />}
      <Form<DecisionForm> form={form} layout="vertical" onFinish={onFinish} initialValues={{ outcome: 'awarded', nominees: open.map((n) => `${n.code}:${n.unitId}`) }}>
        <Form.Item name="outcome" label={t('outcome')}>
          <Radio.Group options={[{ value: 'awarded', label: t('awarded') }, { value: 'not_awarded', label: t('notAwarded') }]} />
        </Form.Item>
        <Form.Item name="nominees" label={t('chooseNominees')} rules={[{ required: true, type: 'array', min: 1, message: t('chooseNomineesRequired') }]}>
          <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 4 }} options={open.map((n) => ({ value: `${n.code}:${n.unitId}`, label: `${n.awardName}: ${n.unitName}` }))} />
        </Form.Item>
        {outcome === 'awarded' ? (
          <Flex gap={12} wrap>
            <Form.Item name="decisionNumber" label={t('decisionNumber')} style={{ minWidth: 200 }} rules={[{ required: true, whitespace: true, message: t('required') }]}>
              <Input placeholder="512/QĐ-UBND" />
            </Form.Item>
            <Form.Item
              name="decisionDate" label={t('decisionDate')} style={{ minWidth: 160 }}
              rules={[{ required: true, message: t('required') }, { validator: (_, v: string) => (!v || parseVnDate(v) ? Promise.resolve() : Promise.reject(new Error(t('dateFormat')))) }]}
            >
              <Input placeholder={t('dateFormat')} />
            </Form.Item>
            <Form.Item name="signer" label={t('decisionSigner')} style={{ flex: 1, minWidth: 240 }} rules={[{ required: true, whitespace: true, message: t('required') }]}>
              <Input />
            </Form.Item>
          </Flex>
        ) : (
          <Form.Item name="reason" label={t('notAwardedReason')} rules={[{ required: true, whitespace: true, message: t('required') }]}>
            <Input.TextArea autoSize={{ minRows: 2 }} />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={record.isPending} disabled={open.length === 0}>{t('recordDecision')}</Button>
      </Form>
    </Card>
  );
}
