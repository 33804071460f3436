import { Alert, Space, Tag } from 'antd';
import { Card } from '@/components/card';
import { Link } from 'react-router';
import { paths } from '@/lib/paths';
import { useT } from '@/i18n/i18n';
import { formatDateTime } from '@/lib/format';
import { useUpcomingConferences, type UpcomingConference } from '@/api/conferences';
import { conferenceStrings } from './i18n';
import { RSVP_COLORS, STATUS_COLORS } from './labels';
import { Typography } from '@/components/typography';

/**
 * Dashboard card "Hội nghị sắp tới": the conferences of the user's blocks that have not ended, each
 * with the unit's own answer (so a unit that has not confirmed sees it at once); the board sees all.
 */
export function UpcomingConferences() {
  const t = useT(conferenceStrings);
  const upcoming = useUpcomingConferences();

  const myReply = (c: UpcomingConference) => {
    if (!c.myRsvp) return null;
    if (c.myRsvp === 'confirmed') return <Tag color={RSVP_COLORS.confirmed}>{t('myReplyConfirmed', { delegate: c.myDelegate ?? '' })}</Tag>;
    if (c.myRsvp === 'declined') return <Tag color={RSVP_COLORS.declined}>{t('myReplyDeclined')}</Tag>;
    return <Tag color={RSVP_COLORS.pending}>{t('myReplyPending')}</Tag>;
  };

  return (
    <Card title={t('upcoming')} style={{ marginBottom: 16 }} loading={upcoming.isPending}>
      {upcoming.isError
        ? <Alert type="error" showIcon title={upcoming.error.message} />
        : (
          (upcoming.data ?? []).length === 0
            ? <Typography.Text type="secondary">{t('upcomingEmpty')}</Typography.Text>
            : (
              <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {(upcoming.data ?? []).map((c, i, all) => (
                  <li key={c.id} aria-label={c.title} style={{ padding: '10px 0', borderBottom: i < all.length - 1 ? '1px solid #f0f0f0' : undefined }}>
                    <Link to={paths.conference.getHref(c.id)} style={{ fontWeight: 600 }}>{c.title}</Link>
                    <div><Typography.Text>{formatDateTime(c.startsAt)} · {c.place}</Typography.Text></div>
                    <Space wrap size={4}>
                      <Tag color={STATUS_COLORS[c.status]}>{t(`status.${c.status}`)}</Tag>
                      <Typography.Text type="secondary">{c.blockName} – {c.year} · {t('upcomingConfirmed', { n: c.confirmedCount, m: c.memberCount })}</Typography.Text>
                      {myReply(c)}
                    </Space>
                  </li>
                ))}
              </ul>
            )
        )}
    </Card>
  );
}
