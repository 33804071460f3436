import { Alert, Button, Flex, Form, Input, Modal, Popconfirm, Tag } from 'antd';
import { useFeedback } from '@/components/feedback';
import { useState } from 'react';
import { ApiError } from '@/api/client';
import { applyServerErrors } from '@/lib/form-errors';
import { useT } from '@/i18n/i18n';
import { useDecide, type AgendaItem, type Conference, type DecisionKind, type MaterialKind, type Quorum } from '@/api/conferences';
import { DecisionLine } from './agenda-section';
import { conferenceStrings } from './i18n';
import { quorumVars } from './labels';
import { validated } from '@/lib/forms';
import { Typography } from '@/components/typography';

/** Which material each adopting decision acts on. */
type Adopting = Exclude<DecisionKind, 'conclusion' | 'ballot_result' | 'seat_election'>;
const MATERIAL_FOR: Record<Adopting, MaterialKind> = { adopt_plan: 'plan_version', adopt_rules: 'rules_version', open_signing: 'covenant' };
const ADOPTING = Object.keys(MATERIAL_FOR) as Adopting[];

/**
 * The decisions of the current agenda item: adopt the plan, adopt the rules, open the covenant's
 * signing (each on the item's linked material and only with a quorum), and a free-text conclusion.
 * Without a quorum the adopting buttons are disabled with the reason; if the server still refuses
 * (e.g. a unit was checked out on another device), its Vietnamese message is shown here.
 */
export function DecisionPanel({ conference, item, quorum, canDecide }: { conference: Conference; item: AgendaItem; quorum: Quorum; canDecide: boolean }) {
  const t = useT(conferenceStrings);
  const { message } = useFeedback();
  const decide = useDecide();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [concluding, setConcluding] = useState(false);
  const [form] = Form.useForm<{ text: string }>();
  /** An adoption refused because comments are unresolved: the server's list, and the reason the leader gives. */
  const [unresolved, setUnresolved] = useState<{ kind: Adopting; message: string } | null>(null);
  const [reason, setReason] = useState('');
  const decisions = conference.decisions.filter((d) => d.agendaItemId === item.id);
  const inSession = conference.status === 'in_session';

  const run = (kind: Adopting | 'conclusion', text?: string, withReason?: string) =>
    new Promise<void>((resolve) => {
      setRefusal(null);
      decide.mutate({ id: conference.id, body: { agendaItemId: item.id, kind, text, ...(withReason ? { reason: withReason } : {}) } }, {
        onSuccess: () => { message.success(t('decidedOk', { action: t(`decision.${kind}`) })); setConcluding(false); setUnresolved(null); form.resetFields(); resolve(); },
        onError: (e) => {
          if (kind !== 'conclusion' && e instanceof ApiError && e.code === 'unresolved_comments' && !withReason) { setReason(''); setUnresolved({ kind, message: e.message }); }
          else if (!(kind === 'conclusion' && applyServerErrors(form, e, { text: t('conclusionText') }))) { setRefusal(e.message); setConcluding(false); setUnresolved(null); }
          resolve();
        },
      });
    });

  // Only the adopting decision that fits the item's material is offered (a plan item adopts the plan).
  const offered = ADOPTING.filter((k) => MATERIAL_FOR[k] === item.materialKind);

  return (
    <section aria-label={t('decide')}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>{t('decide')}</Typography.Title>
      {decisions.length > 0 && <div style={{ marginBottom: 12 }}>{decisions.map((d) => <DecisionLine key={d.id} d={d} />)}</div>}
      {canDecide && !inSession && <Typography.Paragraph type="secondary">{t('decideNeedsSession')}</Typography.Paragraph>}
      {canDecide && inSession && offered.length > 0 && !quorum.met && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} title={t('decideNeedsQuorum', quorumVars(quorum))} />
      )}
      {canDecide && (
        <Flex gap={8} wrap>
          {offered.map((kind) => {
            const done = decisions.some((d) => d.kind === kind && d.refId === item.materialId);
            if (done) return <Tag key={kind} color="green" style={{ fontSize: 16, padding: '6px 12px' }}>✓ {t(`decision.${kind}`)} – {t('alreadyDecided')}</Tag>;
            return (
              <Popconfirm key={kind} title={t('decideConfirm', { action: t(`decision.${kind}`), title: item.materialTitle ?? '' })} okText={t(`decision.${kind}`)} cancelText={t('action.cancel')}
                onConfirm={() => run(kind)} disabled={!inSession || !quorum.met}>
                <Button type="primary" size="large" disabled={!inSession || !quorum.met} loading={decide.isPending && decide.variables?.body.kind === kind}>{t(`decision.${kind}`)}</Button>
              </Popconfirm>
            );
          })}
          <Button size="large" disabled={!inSession} onClick={() => { setRefusal(null); setConcluding(true); }}>{t('decision.conclusion')}</Button>
        </Flex>
      )}
      {refusal && <Alert type="error" showIcon closable={{ onClose: () => setRefusal(null) }} style={{ marginTop: 12 }} title={t('refused')} description={refusal} />}

      <Modal open={!!unresolved} title={t('unresolvedTitle')} onCancel={() => setUnresolved(null)} cancelText={t('action.cancel')}
        okText={unresolved ? t(`decision.${unresolved.kind}`) : ''} okButtonProps={{ disabled: !reason.trim(), danger: true }} confirmLoading={decide.isPending}
        onOk={() => unresolved && run(unresolved.kind, undefined, reason.trim())}>
        <Alert type="warning" showIcon title={unresolved?.message} style={{ marginBottom: 12 }} />
        <Input.TextArea rows={3} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} aria-label={t('unresolvedReason')} placeholder={t('unresolvedReason')} />
      </Modal>

      <Modal open={concluding} title={t('conclusionTitle')} onCancel={() => setConcluding(false)} okText={t('conclusionSave')} cancelText={t('action.cancel')}
        confirmLoading={decide.isPending} destroyOnHidden
        onOk={async () => { const v = await validated(form); if (v) await run('conclusion', v.text.trim()); }}>
        <Typography.Paragraph type="secondary">{item.title}</Typography.Paragraph>
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="text" label={t('conclusionText')} rules={[{ required: true, whitespace: true, message: t('required', { field: t('conclusionText') }) }, { max: 20000 }]}>
            <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} />
          </Form.Item>
        </Form>
      </Modal>
    </section>
  );
}
