import { Alert, Button, Descriptions, Popconfirm, Space, Tag } from 'antd';
import { lazyDialog } from '@/components/lazy-dialog';
import { useFeedback } from '@/components/feedback';
import { Card } from '@/components/card';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { paths } from '@/lib/paths';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { useMe } from '@/api/me';
import { blockYearQueryOptions } from '@/api/block-years';
import { useT } from '@/i18n/i18n';
import { formatDateTime } from '@/lib/format';
import { useConference, useDeleteConference, type Conference } from '@/api/conferences';
import { AgendaSection } from './agenda-section';
import { conferenceStrings } from './i18n';
import { InvitationsSection, ReplyForm } from './invitations-section';
import { STATUS_COLORS } from './labels';
import { MinutesSection } from './minutes-section';
import { Typography } from '@/components/typography';

// Dialogs load when first opened.
const ConferenceForm = lazyDialog(() => import('./conference-form').then((m) => m.ConferenceForm), (p) => p.open);

/**
 * One conference: details, agenda (edited by the leader while planned), invitations with every
 * unit's reply (a member unit answers its own), the way into conference mode for the leader, and
 * once concluded, the minutes.
 */
export function ConferencePage() {
  const { id = '' } = useParams();
  const conference = useConference(id);
  return <QueryState query={conference}>{(c) => <ConferenceView conference={c} />}</QueryState>;
}

function ConferenceView({ conference: c }: { conference: Conference }) {
  const t = useT(conferenceStrings);
  const me = useMe();
  const navigate = useNavigate();
  const { message } = useFeedback();
  const remove = useDeleteConference();
  const [editing, setEditing] = useState(false);
  const { canRun, canReplyForUnitId } = c.permissions;
  // The edit form needs the year's members (chair and co-chair choices); only the leader edits.
  const year = useQuery({ ...blockYearQueryOptions(c.blockYearId), enabled: canRun });

  const time = c.endsAt ? `${formatDateTime(c.startsAt)} – ${formatDateTime(c.endsAt)}` : formatDateTime(c.startsAt);
  const guestLine = (g: Conference['guests'][number]) => [g.name, g.title, g.organization].filter(Boolean).join(' – ');

  return (
    <>
      <PageHeader
        title={c.title}
        subtitle={
          <Space wrap size={4}>
            <Tag>{t(`kind.${c.kind}`)}</Tag>
            <Tag color={STATUS_COLORS[c.status]}>{t(`status.${c.status}`)}</Tag>
            {c.minutesStatus && <Tag color={c.minutesStatus === 'approved' ? 'green' : 'orange'}>{t(`minutes.${c.minutesStatus}`)}</Tag>}
            <Link to={paths.conferences.getHref(c.blockYearId)}>{t('backToList')}</Link>
          </Space>
        }
        extra={(canRun || c.kind === 'year_end') && (
          <>
            {c.kind === 'year_end' && <Link to={paths.conferenceBallots.getHref(c.id)}><Button>{t('secretBallots')}</Button></Link>}
            {canRun && c.status !== 'concluded' && <Button type="primary" size="large" onClick={() => navigate(paths.conferenceLive.getHref(c.id))}>{t('run')}</Button>}
            {canRun && c.status !== 'concluded' && <Button onClick={() => setEditing(true)} disabled={!year.data}>{t('editInfo')}</Button>}
            {canRun && c.status === 'planned' && (
              <Popconfirm title={t('deleteConfirm')} okText={t('deleteConference')} cancelText={t('action.cancel')} okButtonProps={{ danger: true }}
                onConfirm={() => remove.mutate(c.id, {
                  onSuccess: () => { message.success(t('deletedOk')); navigate(paths.conferences.getHref(c.blockYearId), { replace: true }); },
                  onError: (e) => message.error(e.message),
                })}>
                <Button danger>{t('deleteConference')}</Button>
              </Popconfirm>
            )}
          </>
        )}
      />
      {c.status === 'in_session' && !canRun && <Alert type="info" showIcon title={t('replyClosedInSession')} style={{ marginBottom: 16 }} />}

      {canReplyForUnitId && <ReplyForm conference={c} unitId={canReplyForUnitId} />}

      <Card title={t('general')} style={{ marginBottom: 16 }}>
        <Descriptions
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'block', label: t('block'), children: <Link to={paths.blockYear.getHref(c.blockYearId)}>{c.blockName} – {c.year}</Link> },
            { key: 'kind', label: t('kind'), children: t(`kind.${c.kind}`) },
            { key: 'time', label: t('time'), children: time },
            { key: 'place', label: t('place'), children: c.place },
            { key: 'chair', label: t('chairUnit'), children: <>{c.chairUnitName}{c.chairName && <Typography.Text type="secondary"> · {c.chairName}</Typography.Text>}</> },
            { key: 'cochair', label: t('coChairUnit'), children: c.coChairUnitName ? <>{c.coChairUnitName}{c.coChairName && <Typography.Text type="secondary"> · {c.coChairName}</Typography.Text>}</> : '—' },
            { key: 'secretary', label: t('secretaryName'), children: c.secretaryName || '—' },
            { key: 'status', label: t('status'), children: <Tag color={STATUS_COLORS[c.status]}>{t(`status.${c.status}`)}</Tag> },
            ...(c.openedAt ? [{ key: 'opened', label: t('openedAt'), children: formatDateTime(c.openedAt) }] : []),
            ...(c.closedAt ? [{ key: 'closed', label: t('closedAt'), children: formatDateTime(c.closedAt) }] : []),
            { key: 'guests', label: t('guests'), span: 'filled', children: c.guests.length ? c.guests.map((g, i) => <div key={i}>{guestLine(g)}</div>) : '—' },
          ]}
        />
      </Card>

      <AgendaSection conference={c} />
      <InvitationsSection conference={c} myUnitId={me.data?.unitId ?? null} />
      {c.status === 'concluded' && <MinutesSection conference={c} />}

      {canRun && year.data && <ConferenceForm open={editing} year={year.data} conference={c} onClose={() => setEditing(false)} />}
    </>
  );
}

export { ConferencePage as Component };
