import { Alert, Button, Form, Input, Select, Space } from 'antd';
import { useFeedback } from '@/components/feedback';
import { useState } from 'react';
import type { Conference } from '@/api/conferences';
import { useT } from '@/i18n/i18n';
import { useElectSeats, useTrialSuggestion, type SeatSuggestion } from './api/ballots';
import { ballotStrings } from './i18n';
import { Typography } from '@/components/typography';

/** Recording next year's leader and deputy (leader, in session): the rotation order, the trial suggestion, the choice. */
export function ElectForm({ conference: c, seats: s }: { conference: Conference; seats: SeatSuggestion }) {
  const t = useT(ballotStrings);
  const { message } = useFeedback();
  const elect = useElectSeats();
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ leaderUnitId: string; deputyUnitId?: string | null; note?: string }>();
  // The rotation order is kept with the election; a changed order is tried on the server (nothing saved) for its suggestion.
  const [order, setOrder] = useState<string[] | null>(null);
  const trial = useTrialSuggestion(c.blockYearId, order);
  const suggestion = (order && trial.data?.suggestion) || s.suggestion;
  const from = s.election ?? s.suggestion;
  const names = new Map(s.rotationOrder.map((u) => [u.unitId, u.name]));
  const shown = order ?? (s.election?.rotationOrder ?? s.rotationOrder).map((u) => u.unitId);
  const move = (i: number, by: -1 | 1) => {
    const next = [...shown];
    [next[i], next[i + by]] = [next[i + by], next[i]];
    setOrder(next);
  };
  const options = s.rotationOrder.map((u) => ({ value: u.unitId, label: u.name }));
  return (
    <Form form={form} layout="vertical" style={{ maxWidth: 560 }}
      initialValues={{ leaderUnitId: from.leaderUnitId ?? undefined, deputyUnitId: from.deputyUnitId ?? undefined, note: s.election?.note ?? '' }}
      onFinish={(v) => {
        setError(null);
        elect.mutate({
          blockYearId: c.blockYearId,
          body: { conferenceId: c.id, leaderUnitId: v.leaderUnitId, deputyUnitId: v.deputyUnitId ?? null, note: v.note?.trim() || undefined, ...(order ? { rotationOrder: order } : {}) },
        }, {
          onSuccess: () => { setOrder(null); void message.success(t('electedOk')); },
          onError: (e) => setError(e.message),
        });
      }}>
      <Form.Item label={t('rotationEdit')} extra={t('rotationHint')}>
        <ol aria-label={t('rotationEdit')} style={{ paddingLeft: 20, margin: 0 }}>
          {shown.map((id, i) => (
            <li key={id} style={{ padding: '2px 0' }}>
              <Space>
                <span style={{ minWidth: 300, display: 'inline-block' }}>{names.get(id)}</span>
                <Button size="small" disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('moveUp', { name: names.get(id) ?? '' })}>↑</Button>
                <Button size="small" disabled={i === shown.length - 1} onClick={() => move(i, 1)} aria-label={t('moveDown', { name: names.get(id) ?? '' })}>↓</Button>
              </Space>
            </li>
          ))}
        </ol>
        {order && (
          <Typography.Paragraph style={{ margin: '8px 0 0' }} role="status" aria-label={t('trialSuggestion')}>
            {t('trialSuggestion')}: {t('leader')}: {suggestion.leaderUnitName ?? t('none')} · {t('deputy')}: {suggestion.deputyUnitName ?? t('none')}
            {' '}<Button type="link" size="small" onClick={() => setOrder(null)}>{t('resetOrder')}</Button>
          </Typography.Paragraph>
        )}
      </Form.Item>
      <Form.Item name="leaderUnitId" label={t('leader')} rules={[{ required: true, message: t('leader') }]}>
        <Select options={options} aria-label={t('leader')} />
      </Form.Item>
      <Form.Item name="deputyUnitId" label={t('deputy')}>
        <Select options={options} allowClear aria-label={t('deputy')} />
      </Form.Item>
      <Form.Item name="note" label={t('note')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} placeholder={t('notePlaceholder')} />
      </Form.Item>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Space>
        <Button type="primary" htmlType="submit" loading={elect.isPending}>{s.election ? t('electAgain') : t('electSeats')}</Button>
        <Button onClick={() => form.setFieldsValue({ leaderUnitId: suggestion.leaderUnitId ?? undefined, deputyUnitId: suggestion.deputyUnitId ?? undefined })}>{t('useSuggestion')}</Button>
      </Space>
    </Form>
  );
}
