import { Alert, Button, Descriptions, Flex, Popconfirm, Space, Tag } from 'antd';
import { lazyDialog } from '@/components/lazy-dialog';
import { useFeedback } from '@/components/feedback';
import { Card } from '@/components/card';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { DataTable } from '@/components/data-table';
import { ApiError, download } from '@/api/client';
import { useT, type SharedKey } from '@/i18n/i18n';
import { formatDateTime } from '@/lib/format';
import {
  conferenceKeys, minutesExportUrl, useApproveMinutes, useMinutes, useRedraftMinutes, type Conference, type Minutes,
} from '@/api/conferences';
import { conferenceStrings } from './i18n';
import { PRESENCE_COLORS, ratio } from './labels';
import { Typography } from '@/components/typography';

// Dialogs load when first opened.
const MinutesForm = lazyDialog(() => import('./minutes-form').then((m) => m.MinutesForm), (p) => p.open);

type Attendee = Minutes['content']['attendees'][number];
type Person = Minutes['content']['chair'];

/**
 * The biên bản of a concluded conference: drafted by the server when the session closed, editable by
 * the leader while a draft, approved by the chair and by the secretary (two people), then frozen with
 * its SHA-256. Anyone who sees the conference may download it as .docx or .pdf.
 */
export function MinutesSection({ conference }: { conference: Conference }) {
  const t = useT(conferenceStrings);
  const minutes = useMinutes(conference.id, conference.minutesStatus !== null);
  return (
    <Card title={t('minutes')} style={{ marginBottom: 16 }} id="bien-ban">
      {conference.minutesStatus === null
        ? <Typography.Text type="secondary">{t('minutesNotDrafted')}</Typography.Text>
        : minutes.isError
          ? <Alert type="error" showIcon title={minutes.error.message} />
          : minutes.data ? <MinutesBody conference={conference} minutes={minutes.data} /> : <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>}
    </Card>
  );
}

function MinutesBody({ conference, minutes: m }: { conference: Conference; minutes: Minutes }) {
  const t = useT(conferenceStrings);
  const { message, modal } = useFeedback();
  const qc = useQueryClient();
  const approve = useApproveMinutes();
  const redraft = useRedraftMinutes();
  const [editing, setEditing] = useState(false);
  const [downloading, setDownloading] = useState<'docx' | 'pdf' | null>(null);
  const c = m.content;
  const frozen = m.status === 'approved';

  /** A 409 (someone changed or approved the minutes meanwhile): say what the server said and reload. */
  const onWriteError = (e: Error) => {
    if (e instanceof ApiError && e.status === 409) {
      void qc.invalidateQueries({ queryKey: conferenceKeys.minutes(conference.id) });
      if (e.code === 'stale_version') {
        modal.warning({ title: t('staleTitle'), content: <><p>{e.message}</p><p>{t('staleReloaded')}</p></> });
        return;
      }
    }
    message.error(e.message);
  };

  const doApprove = (as: 'chair' | 'secretary') =>
    approve.mutate({ id: conference.id, as, version: m.version }, { onSuccess: () => message.success(t('approvedOk')), onError: onWriteError });

  const doDownload = async (format: 'docx' | 'pdf') => {
    setDownloading(format);
    try {
      await download(minutesExportUrl(conference.id, format), `bien-ban.${format}`);
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setDownloading(null);
    }
  };

  const person = (p: Person | null) => (p ? [p.person, p.unit].filter(Boolean).join(', ') + (p.seat ? ` (${t(`seat.${p.seat}` as SharedKey)})` : '') : '—');
  const q = c.quorum;

  const approval = (as: 'chair' | 'secretary') => {
    const a = as === 'chair' ? m.chairApproval : m.secretaryApproval;
    const label = as === 'chair' ? t('chair') : t('secretary');
    return (
      <Flex gap={8} align="center" wrap>
        <Typography.Text strong>{label}:</Typography.Text>
        {a
          ? <Tag color="green">{t('approvedBy', { who: a.name, time: formatDateTime(a.at) })}</Tag>
          : <Tag color="orange">{t('awaitingApproval')}</Tag>}
        {!a && m.canApproveAs.includes(as) && (
          <Popconfirm title={as === 'chair' ? t('approveChairConfirm') : t('approveSecretaryConfirm')} okText={t('approve')} cancelText={t('action.cancel')}
            onConfirm={() => doApprove(as)}>
            <Button type="primary" loading={approve.isPending && approve.variables?.as === as}>{as === 'chair' ? t('approveChair') : t('approveSecretary')}</Button>
          </Popconfirm>
        )}
      </Flex>
    );
  };

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Space wrap>
          <Typography.Text strong>{t('minutesNumber', { number: m.number })}</Typography.Text>
          <Tag color={frozen ? 'green' : 'orange'}>{t(`minutes.${m.status}`)}</Tag>
        </Space>
        <Space wrap>
          {m.canEdit && <Button onClick={() => setEditing(true)}>{t('editMinutes')}</Button>}
          {m.canEdit && (
            <Popconfirm title={t('redraftConfirm')} okText={t('redraft')} cancelText={t('action.cancel')}
              onConfirm={() => redraft.mutate({ id: conference.id, version: m.version }, { onSuccess: () => message.success(t('redraftOk')), onError: onWriteError })}>
              <Button loading={redraft.isPending}>{t('redraft')}</Button>
            </Popconfirm>
          )}
          <Button onClick={() => doDownload('docx')} loading={downloading === 'docx'}>{t('downloadDocx')}</Button>
          <Button onClick={() => doDownload('pdf')} loading={downloading === 'pdf'}>{t('downloadPdf')}</Button>
        </Space>
      </Flex>

      {frozen
        ? (
          <Alert type="success" showIcon style={{ marginBottom: 16 }} title={t('minutesFrozen')}
            description={<span>{t('sha256')}: <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>{m.contentHash}</Typography.Text></span>} />
        )
        : <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('minutesDraftNotice')} />}

      <Typography.Title level={4} style={{ textAlign: 'center', marginTop: 0 }}>{c.title}</Typography.Title>
      <Descriptions
        bordered size="small" column={1} style={{ marginBottom: 16 }}
        items={[
          { key: 'start', label: t('startedAt'), children: formatDateTime(c.startedAt) },
          { key: 'place', label: t('place'), children: c.place },
          { key: 'chair', label: t('chair'), children: person(c.chair) },
          ...(c.coChair ? [{ key: 'cochair', label: t('coChair'), children: person(c.coChair) }] : []),
          { key: 'secretary', label: t('secretary'), children: c.secretary || '—' },
          { key: 'guests', label: t('guests'), children: c.guests.length ? c.guests.map((g, i) => <div key={i}>{g}</div>) : '—' },
          { key: 'end', label: t('endedAt'), children: formatDateTime(c.endedAt) || '—' },
        ]}
      />

      <Typography.Title level={5}>{t('attendees')}</Typography.Title>
      <DataTable<Attendee & { key: number }>
        dataSource={c.attendees.map((a, key) => ({ ...a, key }))}
        pagination={false}
        size="small"
        columns={[
          { title: t('unit'), dataIndex: 'unitName', render: (n: string, a) => <>{n}{a.seat && <Tag color="gold" style={{ marginInlineStart: 8 }}>{t(`seat.${a.seat}` as SharedKey)}</Tag>}</> },
          { title: t('presence'), dataIndex: 'presence', width: 160, render: (p: Attendee['presence']) => (p ? <Tag color={PRESENCE_COLORS[p]}>{t(`presence.${p}`)}</Tag> : t('presence.none')) },
          { title: t('delegate'), dataIndex: 'delegate' },
        ]}
      />
      <Typography.Paragraph style={{ marginTop: 8 }}>
        <Tag color={q.met ? 'green' : 'red'}>
          {t('quorumLine', { present: q.present, members: q.members, needed: q.needed, ratio: ratio(q), state: q.met ? t('quorumMetShort') : t('quorumNotMetShort') })}
        </Tag>
      </Typography.Paragraph>

      <Typography.Title level={5}>{t('contents')}</Typography.Title>
      <ol style={{ paddingInlineStart: 20 }}>
        {c.agenda.map((a, i) => (
          <li key={i} style={{ marginBottom: 12 }}>
            <Typography.Text strong>{a.title}</Typography.Text>
            {a.presenter && <div><Typography.Text type="secondary">{t('presenter')}: {a.presenter}</Typography.Text></div>}
            {a.material && <div><Typography.Text type="secondary">{t('material')}: {a.material}</Typography.Text></div>}
            {a.discussion && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0' }}>{a.discussion}</Typography.Paragraph>}
            {a.decisions.length > 0 && <ul style={{ margin: 0 }}>{a.decisions.map((d, j) => <li key={j}><Typography.Text>{d}</Typography.Text></li>)}</ul>}
          </li>
        ))}
      </ol>
      {c.conclusion && (
        <>
          <Typography.Title level={5}>{t('conclusion')}</Typography.Title>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{c.conclusion}</Typography.Paragraph>
        </>
      )}

      <Flex vertical gap={8} style={{ borderTop: '1px solid #f0f0f0', paddingTop: 12 }} role="group" aria-label={t('minutes')}>
        {approval('chair')}
        {approval('secretary')}
      </Flex>

      {m.canEdit && <MinutesForm conference={conference} minutes={m} open={editing} onClose={() => setEditing(false)} onError={onWriteError} />}
    </>
  );
}
