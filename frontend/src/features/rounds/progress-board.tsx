import { Button, Form, Input, Modal, Space, Tag, Typography } from 'antd';
import { useFeedback } from '@/components/feedback';
import { Card } from '@/components/card';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { paths } from '@/lib/paths';
import { LazyDatePicker } from '@/components/lazy-date-picker';
import { DataTable } from '@/components/data-table';
import { useT } from '@/i18n/i18n';
import { formatDateTime } from '@/lib/format';
import { phaseIndex, useExtendDeadline, useProgress, useReturnAssessment, useSendReminders, type ProgressUnit, type Round } from './api/rounds';
import { roundStrings } from './i18n';
import { DATE_TIME_FORMAT, durationParts, STATUS_COLORS, toApiDateTime } from './labels';

type Dialog = { kind: 'extend' | 'return' | 'remind'; unit: ProgressUnit } | { kind: 'remindAll' } | null;

/** "còn 3 ngày 4 giờ" / "quá hạn 5 giờ 10 phút". */
function useTimeLeft() {
  const t = useT(roundStrings);
  return (seconds: number) => {
    const { days, hours, minutes } = durationParts(seconds);
    const parts = days ? [t('days', { n: days }), hours ? t('hours', { n: hours }) : ''] : hours ? [t('hours', { n: hours }), minutes ? t('minutes', { n: minutes }) : ''] : [t('minutes', { n: minutes })];
    const text = parts.filter(Boolean).join(' ');
    return seconds >= 0 ? t('timeLeft', { t: text }) : t('overdue', { t: text });
  };
}

/**
 * Tiến độ tự chấm: each unit's status, criteria filled, missing evidence, time left (with its extension),
 * last save; the leader opens a unit's assessment, extends its deadline (with a reason), reminds it (or
 * every unit not yet submitted) and returns a submission with a reason.
 */
export function ProgressBoard({ round }: { round: Round }) {
  const t = useT(roundStrings);
  const timeLeft = useTimeLeft();
  const progress = useProgress(round.id, true);
  const [dialog, setDialog] = useState<Dialog>(null);
  const manage = round.permissions.canManage;
  const phase = round.phase;
  const inSelf = phase === 'self_assessment';
  const canExtend = manage && phaseIndex(phase) <= phaseIndex('review');
  const canRemind = manage && phaseIndex(phase) <= phaseIndex('explanation');
  const notSubmitted = (progress.data?.units ?? []).filter((u) => !u.submitted);

  const unitLink = (u: ProgressUnit) => {
    if (phase === 'review' && manage && u.unitId !== round.myUnit?.unitId) return <Link to={paths.review.getHref(round.id, u.unitId)}>{t('appraise')}</Link>;
    if (phase === 'final_review' && manage && u.unitId !== round.myUnit?.unitId) return <Link to={paths.finalReview.getHref(round.id, u.unitId)}>{t('finalReview')}</Link>;
    return null;
  };

  return (
    <Card
      title={t('progress')}
      style={{ marginBottom: 16 }}
      extra={canRemind && notSubmitted.length > 0 && <Button onClick={() => setDialog({ kind: 'remindAll' })}>{t('remindAll', { n: notSubmitted.length })}</Button>}
    >
      <DataTable<ProgressUnit>
        rowKey="unitId"
        size="small"
        pagination={false}
        loading={progress.isPending}
        dataSource={progress.data?.units ?? []}
        aria-label={t('progress')}
        scroll={{ x: 1000 }}
        columns={[
          {
            title: t('colUnit'), dataIndex: 'unitName', width: 190, fixed: 'left',
            render: (name: string, u) => (
              <Space orientation="vertical" size={0}>
                <Link to={paths.selfAssessment.getHref(round.id, u.unitId)} aria-label={t('openUnitLabel', { unit: name })}>{name}</Link>
                {u.returnReason && <Typography.Text type="danger" style={{ fontSize: 12 }}>{t('returnedWith', { reason: u.returnReason })}</Typography.Text>}
              </Space>
            ),
          },
          {
            title: t('colStatus'), dataIndex: 'status', width: 150,
            render: (s: ProgressUnit['status'], u) => (
              <Space orientation="vertical" size={0}>
                <Tag color={STATUS_COLORS[s]}>{t(`status.${s}`)}</Tag>
                {u.submittedAt && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('submittedAt', { time: formatDateTime(u.submittedAt) })}</Typography.Text>}
              </Space>
            ),
          },
          { title: t('colFilled'), key: 'filled', width: 90, render: (_, u) => t('filled', { n: u.criteriaFilled, total: u.criteriaRequired }) },
          {
            title: t('colEvidence'), key: 'evidence', width: 140,
            render: (_, u) => (u.evidenceMissing ? <Typography.Text type="warning">{t('evidenceMissing', { n: u.evidenceMissing, codes: u.evidenceMissingCodes.join(', ') })}</Typography.Text> : t('evidenceOk')),
          },
          {
            title: t('colTimeLeft'), key: 'deadline', width: 150,
            render: (_, u) => (
              <Space orientation="vertical" size={0}>
                <span>{formatDateTime(u.deadline)}</span>
                {inSelf && !u.submitted && <Typography.Text type={u.secondsLeft < 0 ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>{timeLeft(u.secondsLeft)}</Typography.Text>}
                {u.extensionReason && <Tag color="cyan" style={{ whiteSpace: 'normal' }}>{t('extendedWith', { reason: u.extensionReason })}</Tag>}
              </Space>
            ),
          },
          { title: t('colLastSaved'), dataIndex: 'lastSavedAt', width: 120, render: (d: string | null) => formatDateTime(d) },
          {
            title: t('colActions'), key: 'actions', width: 160,
            render: (_, u) => (
              <Space wrap size={4} role="group" aria-label={t('actionsOf', { unit: u.unitName })}>
                {unitLink(u)}
                {canExtend && !u.submitted && <Button size="small" onClick={() => setDialog({ kind: 'extend', unit: u })}>{t('extend')}</Button>}
                {canRemind && !u.submitted && <Button size="small" onClick={() => setDialog({ kind: 'remind', unit: u })}>{t('remind')}</Button>}
                {manage && inSelf && (u.status === 'submitted' || u.status === 'awaiting_confirmation') && (
                  <Button size="small" danger onClick={() => setDialog({ kind: 'return', unit: u })}>{t('returnAction')}</Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {dialog?.kind === 'extend' && <ExtendModal round={round} unit={dialog.unit} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'return' && <ReturnModal roundId={round.id} unitId={dialog.unit.unitId} unitName={dialog.unit.unitName} onClose={() => setDialog(null)} />}
      {(dialog?.kind === 'remind' || dialog?.kind === 'remindAll') && (
        <RemindModal roundId={round.id} unit={dialog.kind === 'remind' ? dialog.unit : null} all={notSubmitted} onClose={() => setDialog(null)} />
      )}
    </Card>
  );
}

function ExtendModal({ round, unit, onClose }: { round: Round; unit: ProgressUnit; onClose: () => void }) {
  const t = useT(roundStrings);
  const { message } = useFeedback();
  const [form] = Form.useForm<{ until: Dayjs | null; reason: string }>();
  const extend = useExtendDeadline();
  const submit = async (v: { until: Dayjs | null; reason: string }) => {
    const until = toApiDateTime(v.until)!;
    try {
      await extend.mutateAsync({ id: round.id, body: { unitId: unit.unitId, until, reason: v.reason.trim() } });
      message.success(t('extended', { unit: unit.unitName, time: formatDateTime(until) }));
      onClose();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Modal open title={t('extendTitle', { unit: unit.unitName })} onCancel={onClose} onOk={() => form.submit()} okText={t('extend')} cancelText={t('action.cancel')} confirmLoading={extend.isPending}>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Typography.Paragraph type="secondary">{t('extendHint', { time: formatDateTime(round.reviewUntil) })}</Typography.Paragraph>
        <Form.Item name="until" label={t('extendUntil')} rules={[{ required: true, message: t('required', { field: t('extendUntil') }) }]}>
          <LazyDatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format={DATE_TIME_FORMAT} placeholder={t('dateTimePlaceholder')} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="reason" label={t('extendReason')} rules={[{ required: true, whitespace: true, message: t('reasonRequired') }, { max: 1000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Trả lại a submitted (or awaiting) self-assessment with a reason; used here and on the assessment page. */
export function ReturnModal({ roundId, unitId, unitName, onClose }: { roundId: string; unitId: string; unitName: string; onClose: () => void }) {
  const t = useT(roundStrings);
  const { message } = useFeedback();
  const [form] = Form.useForm<{ reason: string }>();
  const ret = useReturnAssessment();
  const submit = async (v: { reason: string }) => {
    try {
      await ret.mutateAsync({ roundId, unitId, reason: v.reason.trim() });
      message.success(t('returned', { unit: unitName }));
      onClose();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Modal open title={t('returnTitle', { unit: unitName })} onCancel={onClose} onOk={() => form.submit()} okText={t('returnAction')} okButtonProps={{ danger: true }} cancelText={t('action.cancel')} confirmLoading={ret.isPending}>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Typography.Paragraph type="secondary">{t('returnHint')}</Typography.Paragraph>
        <Form.Item name="reason" label={t('returnReason')} rules={[{ required: true, whitespace: true, message: t('reasonRequired') }, { max: 2000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RemindModal({ roundId, unit, all, onClose }: { roundId: string; unit: ProgressUnit | null; all: ProgressUnit[]; onClose: () => void }) {
  const t = useT(roundStrings);
  const { message } = useFeedback();
  const [form] = Form.useForm<{ message: string }>();
  const send = useSendReminders();
  const submit = async (v: { message: string }) => {
    const text = v.message?.trim();
    try {
      const r = await send.mutateAsync({ id: roundId, body: { ...(unit ? { unitIds: [unit.unitId] } : {}), ...(text ? { message: text } : {}) } });
      message.success(t('reminded', { n: r.sent }));
      onClose();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Modal open title={unit ? t('remindTitle', { unit: unit.unitName }) : t('remindAllTitle')} onCancel={onClose} onOk={() => form.submit()} okText={t('send')} cancelText={t('action.cancel')} confirmLoading={send.isPending}>
      <Form form={form} layout="vertical" onFinish={submit}>
        {!unit && <Typography.Paragraph>{t('remindAllBody', { units: all.map((u) => u.unitName).join('; ') })}</Typography.Paragraph>}
        <Form.Item name="message" label={t('remindMessage')} extra={t('remindMessageHint')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
