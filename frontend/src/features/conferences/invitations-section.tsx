import { Button, Flex, Form, Input, Radio, Tag } from 'antd';
import { useFeedback } from '@/components/feedback';
import { Card } from '@/components/card';
import { useEffect } from 'react';
import { DataTable } from '@/components/data-table';
import { useT, type SharedKey } from '@/i18n/i18n';
import { applyServerErrors } from '@/lib/form-errors';
import { formatDateTime } from '@/lib/format';
import { useReplyToInvitation, type Attendance, type Conference } from '@/api/conferences';
import { conferenceStrings } from './i18n';
import { PRESENCE_COLORS, RSVP_COLORS } from './labels';
import { Typography } from '@/components/typography';

/** Every member unit's invitation: its reply and delegate, and once the session opened, its check-in. */
export function InvitationsSection({ conference, myUnitId }: { conference: Conference; myUnitId: string | null }) {
  const t = useT(conferenceStrings);
  const showPresence = conference.status !== 'planned' || conference.attendance.some((a) => a.presence);
  return (
    <Card title={t('invitations')} style={{ marginBottom: 16 }}>
      <DataTable<Attendance>
        rowKey="unitId"
        dataSource={conference.attendance}
        pagination={false}
        size="middle"
        scroll={{ x: 760 }}
        columns={[
          {
            title: t('unit'), dataIndex: 'unitName',
            render: (name: string, a) => (
              <>
                {name}
                {a.seat && <Tag color="gold" style={{ marginInlineStart: 8 }}>{t(`seat.${a.seat}` as SharedKey)}</Tag>}
                {a.unitId === myUnitId && <Tag color="blue" style={{ marginInlineStart: 4 }}>{t('yourUnit')}</Tag>}
              </>
            ),
          },
          { title: t('reply'), dataIndex: 'rsvp', width: 160, render: (r: Attendance['rsvp']) => <Tag color={RSVP_COLORS[r]}>{t(`rsvp.${r}`)}</Tag> },
          { title: t('delegate'), dataIndex: 'rsvpDelegate', render: (d: string) => d || '—' },
          {
            title: t('repliedBy'), key: 'by', width: 200,
            render: (_, a) => (a.rsvpByName ? <Typography.Text type="secondary">{a.rsvpByName}, {formatDateTime(a.rsvpAt)}</Typography.Text> : ''),
          },
          ...(showPresence ? [{
            title: t('presence'), key: 'presence', width: 220,
            render: (_: unknown, a: Attendance) => (a.presence
              ? <><Tag color={PRESENCE_COLORS[a.presence]}>{t(`presence.${a.presence}`)}</Tag>{a.delegateName && <Typography.Text>{a.delegateName}</Typography.Text>}</>
              : <Typography.Text type="secondary">{t('presence.none')}</Typography.Text>),
          }] : []),
        ]}
      />
    </Card>
  );
}

/**
 * A member unit's officer or head answers for their own unit while the conference is planned:
 * attend (with the delegate's name) or decline.
 */
export function ReplyForm({ conference, unitId }: { conference: Conference; unitId: string }) {
  const t = useT(conferenceStrings);
  const [form] = Form.useForm<{ response: 'confirmed' | 'declined'; delegate: string }>();
  const reply = useReplyToInvitation();
  const { message } = useFeedback();
  const mine = conference.attendance.find((a) => a.unitId === unitId);
  const response = Form.useWatch('response', form);

  useEffect(() => {
    form.setFieldsValue({ response: mine?.rsvp === 'declined' ? 'declined' : 'confirmed', delegate: mine?.rsvpDelegate ?? '' });
  }, [mine?.rsvp, mine?.rsvpDelegate, form]);

  const submit = (v: { response: 'confirmed' | 'declined'; delegate?: string }) => {
    const delegate = v.response === 'confirmed' ? (v.delegate ?? '').trim() : undefined;
    reply.mutate({ id: conference.id, unitId, body: { response: v.response, delegate } }, {
      onSuccess: () => message.success(t('replySavedOk')),
      onError: (e) => { if (!applyServerErrors(form, e, { delegate: t('delegate') })) message.error(e.message); },
    });
  };

  return (
    <Card title={t('replyFor', { unit: mine?.unitName ?? '' })} style={{ marginBottom: 16 }}
      extra={mine && <Tag color={RSVP_COLORS[mine.rsvp]}>{t('replyCurrent', { reply: t(`rsvp.${mine.rsvp}`) })}</Tag>}>
      <Form form={form} layout="vertical" onFinish={submit} aria-label={t('replyTitle')} requiredMark>
        <Form.Item name="response" label={t('replyTitle')} rules={[{ required: true }]}>
          <Radio.Group optionType="button" buttonStyle="solid" options={[{ value: 'confirmed', label: t('replyAttend') }, { value: 'declined', label: t('replyDecline') }]} />
        </Form.Item>
        {response !== 'declined' && (
          <Form.Item name="delegate" label={t('delegate')} extra={t('replyDelegateHint')}
            rules={[{ required: true, whitespace: true, message: t('required', { field: t('delegate') }) }, { max: 255 }]}>
            <Input style={{ maxWidth: 480 }} />
          </Form.Item>
        )}
        <Flex>
          <Button type="primary" htmlType="submit" loading={reply.isPending}>{t('replySubmit')}</Button>
        </Flex>
      </Form>
    </Card>
  );
}
