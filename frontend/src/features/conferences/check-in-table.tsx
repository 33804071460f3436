import { Input, Radio, Tag, type InputRef } from 'antd';
import { useFeedback } from '@/components/feedback';
import { Card } from '@/components/card';
import { useRef, useState } from 'react';
import { DataTable } from '@/components/data-table';
import { ApiError } from '@/api/client';
import { useT, type SharedKey } from '@/i18n/i18n';
import { formatDateTime } from '@/lib/format';
import { useCheckIn, type Attendance, type Conference, type Presence } from '@/api/conferences';
import { conferenceStrings } from './i18n';
import { RSVP_COLORS } from './labels';
import { Typography } from '@/components/typography';

const PRESENCES: Presence[] = ['present', 'absent', 'excused'];

/**
 * Attendance on the day, one row per member unit: present / absent / excused and the delegate's name
 * (prefilled with whom the unit registered). Choosing a state checks the unit in at once; editing the
 * name of a unit already checked in saves it on Enter or when leaving the field.
 */
export function CheckInTable({ conference, editable }: { conference: Conference; editable: boolean }) {
  const t = useT(conferenceStrings);
  const { message } = useFeedback();
  const checkIn = useCheckIn();
  const [names, setNames] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  // A state the server refused for want of a delegate's name: saved as soon as a name is typed.
  const [wanted, setWanted] = useState<Record<string, Presence>>({});
  const inputs = useRef<Record<string, InputRef | null>>({});

  const nameOf = (a: Attendance) => names[a.unitId] ?? (a.delegateName || a.rsvpDelegate);

  const save = (a: Attendance, presence: Presence, delegateName: string) => {
    setErrors(({ [a.unitId]: _, ...rest }) => rest);
    checkIn.mutate({ id: conference.id, unitId: a.unitId, body: { presence, delegateName: delegateName.trim() || undefined } }, {
      onSuccess: (c) => {
        const saved = c.attendance.find((x) => x.unitId === a.unitId);
        setNames(({ [a.unitId]: _, ...rest }) => rest);
        setWanted(({ [a.unitId]: _, ...rest }) => rest);
        message.success(t('checkInSaved', { unit: saved?.unitShortName || a.unitName }));
      },
      onError: (e) => {
        if (e instanceof ApiError && e.fields?.delegateName) {
          setErrors((x) => ({ ...x, [a.unitId]: `${t('delegate')} ${e.fields!.delegateName}` }));
          setWanted((x) => ({ ...x, [a.unitId]: presence }));
          inputs.current[a.unitId]?.focus();
        } else message.error(e.message);
      },
    });
  };

  return (
    <Card title={t('checkIn')} style={{ marginBottom: 16 }}>
      <DataTable<Attendance>
        rowKey="unitId"
        dataSource={conference.attendance}
        pagination={false}
        scroll={{ x: 820 }}
        columns={[
          {
            title: t('unit'), dataIndex: 'unitName',
            render: (name: string, a) => (
              <>
                <Typography.Text strong>{name}</Typography.Text>
                {a.seat && <Tag color="gold" style={{ marginInlineStart: 8 }}>{t(`seat.${a.seat}` as SharedKey)}</Tag>}
                <div>
                  {a.rsvp === 'confirmed' && <Typography.Text type="secondary">{t('registered', { delegate: a.rsvpDelegate })}</Typography.Text>}
                  {a.rsvp === 'declined' && <Tag color={RSVP_COLORS.declined}>{t('declinedAhead')}</Tag>}
                  {a.rsvp === 'pending' && <Tag color={RSVP_COLORS.pending}>{t('rsvp.pending')}</Tag>}
                </div>
              </>
            ),
          },
          {
            title: t('presence'), key: 'presence', width: 330,
            render: (_, a) => (
              <Radio.Group
                aria-label={t('checkInFor', { unit: a.unitName })}
                optionType="button"
                buttonStyle="solid"
                size="large"
                disabled={!editable || (checkIn.isPending && checkIn.variables?.unitId === a.unitId)}
                value={a.presence ?? null}
                options={PRESENCES.map((p) => ({ value: p, label: t(`presence.${p}`) }))}
                onChange={(e) => save(a, e.target.value as Presence, nameOf(a))}
              />
            ),
          },
          {
            title: t('delegate'), key: 'delegate', width: 300,
            render: (_, a) => (
              <>
                <Input
                  aria-label={t('delegateFor', { unit: a.unitName })}
                  value={nameOf(a)}
                  disabled={!editable}
                  status={errors[a.unitId] ? 'error' : undefined}
                  aria-invalid={!!errors[a.unitId]}
                  onChange={(e) => setNames((x) => ({ ...x, [a.unitId]: e.target.value }))}
                  ref={(el) => { inputs.current[a.unitId] = el; }}
                  onBlur={() => {
                    const presence = wanted[a.unitId] ?? a.presence;
                    const name = names[a.unitId];
                    if (presence && name !== undefined && (name !== a.delegateName || wanted[a.unitId])) save(a, presence, name);
                  }}
                  onPressEnter={(e) => e.currentTarget.blur()}
                />
                {errors[a.unitId] && <Typography.Text type="danger" role="alert">{errors[a.unitId]}</Typography.Text>}
              </>
            ),
          },
          {
            title: '', key: 'at', width: 150,
            render: (_, a) => (a.checkedInAt ? <Typography.Text type="secondary">{t('checkedInAt', { time: formatDateTime(a.checkedInAt) })}</Typography.Text> : ''),
          },
        ]}
      />
    </Card>
  );
}
