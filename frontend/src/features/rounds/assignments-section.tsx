import { Button, Form, Input, InputNumber, Modal, Select, Space, Tag, Typography } from 'antd';
import { useFeedback } from '@/components/feedback';
import { Card } from '@/components/card';
import { useState } from 'react';
import { Link } from 'react-router';
import { paths } from '@/lib/paths';
import { DataTable } from '@/components/data-table';
import { useT } from '@/i18n/i18n';
import { phaseIndex, useAssignments, useGenerateAssignments, useReassign, useRecuse, type Assignment, type Round } from './api/rounds';
import { roundStrings } from './i18n';

type Dialog = { kind: 'generate' } | { kind: 'recuse' | 'reassign'; a: Assignment } | null;

/**
 * Phân công chấm chéo: the leader generates it (k per unit from the rule set), a reviewer recuses with a
 * reason, and the leader assigns a replacement (chosen, or picked by the rules).
 */
export function AssignmentsSection({ round }: { round: Round }) {
  const t = useT(roundStrings);
  const assignments = useAssignments(round.id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const manage = round.permissions.canManage;
  const before = phaseIndex(round.phase) <= phaseIndex('review');
  const reviewing = phaseIndex(round.phase) >= phaseIndex('review');
  const mine = round.myUnit?.unitId ?? null;
  const data = assignments.data;
  const list = data?.assignments ?? [];

  return (
    <Card
      title={t('assignments')}
      style={{ marginBottom: 16 }}
      extra={manage && before && <Button onClick={() => setDialog({ kind: 'generate' })}>{list.length ? t('regenerate') : t('generate')}</Button>}
    >
      {data && (
        <Typography.Paragraph type="secondary">
          {t('assignmentsHint', { k: data.reviewsPerUnit })}{data.seed !== null && <> · {t('seedUsed', { seed: data.seed })}</>}
        </Typography.Paragraph>
      )}
      <DataTable<Assignment>
        rowKey="id"
        size="small"
        pagination={false}
        loading={assignments.isPending}
        dataSource={list}
        aria-label={t('assignments')}
        locale={{ emptyText: t('noAssignments') }}
        columns={[
          { title: t('reviewer'), dataIndex: 'reviewerUnitName', render: (n: string, a) => <>{n}{a.reviewerUnitId === mine && <Tag style={{ marginInlineStart: 6 }}>{t('yourUnit')}</Tag>}</> },
          { title: t('reviewee'), dataIndex: 'revieweeUnitName' },
          {
            title: t('colStatus'), dataIndex: 'status', width: 260,
            render: (s: Assignment['status'], a) => (
              <Space orientation="vertical" size={0}>
                <Space size={4}>
                  <Tag color={s === 'active' ? 'blue' : 'default'}>{t(`assign.${s}`)}</Tag>
                  {a.reciprocal && <Tag color="orange">{t('reciprocal')}</Tag>}
                  {a.replacedById && <Tag color="green">{t('replaced')}</Tag>}
                </Space>
                {a.recusalReason && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{a.recusalReason}</Typography.Text>}
              </Space>
            ),
          },
          { title: t('scored'), dataIndex: 'scored', width: 90, align: 'center' },
          {
            title: t('colActions'), key: 'actions', width: 220,
            render: (_, a) => (
              <Space size={4} wrap>
                {a.reviewerUnitId === mine && a.status === 'active' && reviewing && <Link to={paths.review.getHref(round.id, a.revieweeUnitId)}>{t('reviewOf', { unit: a.revieweeUnitName })}</Link>}
                {a.reviewerUnitId === mine && a.status === 'active' && before && <Button size="small" onClick={() => setDialog({ kind: 'recuse', a })}>{t('recuse')}</Button>}
                {manage && before && a.status === 'recused' && !a.replacedById && <Button size="small" type="primary" onClick={() => setDialog({ kind: 'reassign', a })}>{t('reassign')}</Button>}
              </Space>
            ),
          },
        ]}
      />
      {dialog?.kind === 'generate' && <GenerateModal roundId={round.id} regenerate={list.length > 0} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'recuse' && <RecuseModal a={dialog.a} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'reassign' && <ReassignModal a={dialog.a} round={round} all={list} onClose={() => setDialog(null)} />}
    </Card>
  );
}

function GenerateModal({ roundId, regenerate, onClose }: { roundId: string; regenerate: boolean; onClose: () => void }) {
  const t = useT(roundStrings);
  const { message } = useFeedback();
  const [form] = Form.useForm<{ seed?: number | null }>();
  const generate = useGenerateAssignments();
  const submit = async (v: { seed?: number | null }) => {
    try {
      await generate.mutateAsync({ id: roundId, seed: v.seed ?? undefined });
      message.success(t('generated'));
      onClose();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Modal open title={t('generateTitle')} onCancel={onClose} onOk={() => form.submit()} okText={regenerate ? t('regenerate') : t('generate')} cancelText={t('action.cancel')} confirmLoading={generate.isPending}>
      <Form form={form} layout="vertical" onFinish={submit}>
        {regenerate && <Typography.Paragraph type="warning">{t('regenerateBody')}</Typography.Paragraph>}
        <Form.Item name="seed" label={t('seed')} extra={t('seedHint')}>
          <InputNumber min={0} precision={0} style={{ width: 200 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RecuseModal({ a, onClose }: { a: Assignment; onClose: () => void }) {
  const t = useT(roundStrings);
  const { message } = useFeedback();
  const [form] = Form.useForm<{ reason: string }>();
  const recuse = useRecuse();
  const submit = async (v: { reason: string }) => {
    try {
      await recuse.mutateAsync({ id: a.id, reason: v.reason.trim() });
      message.success(t('recused'));
      onClose();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Modal open title={t('recuseTitle', { unit: a.revieweeUnitName })} onCancel={onClose} onOk={() => form.submit()} okText={t('recuse')} cancelText={t('action.cancel')} confirmLoading={recuse.isPending}>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="reason" label={t('recuseReason')} rules={[{ required: true, whitespace: true, message: t('reasonRequired') }, { max: 2000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ReassignModal({ a, round, all, onClose }: { a: Assignment; round: Round; all: Assignment[]; onClose: () => void }) {
  const t = useT(roundStrings);
  const { message } = useFeedback();
  const [form] = Form.useForm<{ unitId?: string }>();
  const reassign = useReassign();
  // Not the reviewed unit itself, not one already reviewing it, not one that recused from it.
  const excluded = new Set([a.revieweeUnitId, ...all.filter((x) => x.revieweeUnitId === a.revieweeUnitId).map((x) => x.reviewerUnitId)]);
  const submit = async (v: { unitId?: string }) => {
    try {
      await reassign.mutateAsync({ id: a.id, unitId: v.unitId || undefined });
      message.success(t('reassigned'));
      onClose();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Modal open title={t('reassignTitle', { unit: a.revieweeUnitName })} onCancel={onClose} onOk={() => form.submit()} okText={t('reassign')} cancelText={t('action.cancel')} confirmLoading={reassign.isPending}>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="unitId" label={t('reassignUnit')}>
          <Select allowClear placeholder={t('reassignAuto')} options={round.units.filter((u) => !excluded.has(u.id)).map((u) => ({ value: u.id, label: u.name }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
