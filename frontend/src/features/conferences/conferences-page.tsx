import { Alert, Button, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { lazyDialog } from '@/components/lazy-dialog';
import { paths } from '@/lib/paths';
import { DataTable } from '@/components/data-table';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { useBlockYear, useYearRights } from '@/api/block-years';
import { useT } from '@/i18n/i18n';
import { formatDateTime } from '@/lib/format';
import { useConferences, type ConferenceSummary } from '@/api/conferences';
import { conferenceStrings } from './i18n';
import { STATUS_COLORS } from './labels';
import { Typography } from '@/components/typography';

// Dialogs load when first opened.
const ConferenceForm = lazyDialog(() => import('./conference-form').then((m) => m.ConferenceForm), (p) => p.open);

/**
 * The conferences of one block year. The leader and deputy seats of that year (officers and unit
 * heads) create them; everyone who may see the year sees the list.
 */
export function ConferencesPage() {
  const { id = '' } = useParams();
  const t = useT(conferenceStrings);
  const year = useBlockYear(id);
  const rights = useYearRights(id);
  const conferences = useConferences(id);
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);

  return (
    <QueryState query={year}>
      {(y) => {
        // The leading and deputy units of the year convene conferences: the server says whether the user may now.
        const isLeader = y.permissions.seat !== null;
        const canCreate = !!rights.data?.convene;
        return (
          <>
            <PageHeader
              title={t('listTitle', { block: y.blockName, year: y.year })}
              subtitle={<Link to={paths.blockYear.getHref(y.id)}>{t('backToYear')}</Link>}
              extra={canCreate && <Button type="primary" onClick={() => setCreating(true)}>{t('create')}</Button>}
            />
            {!isLeader && <Alert type="info" showIcon title={t('leaderOnlyHint')} style={{ marginBottom: 16 }} />}
            <DataTable<ConferenceSummary>
              rowKey="id"
              loading={conferences.isFetching}
              dataSource={conferences.data}
              pagination={false}
              locale={{ emptyText: conferences.isError ? conferences.error.message : t('noConferences') }}
              tableLayout="fixed"
              columns={[
                { title: t('kind'), dataIndex: 'kind', width: 150, render: (k: ConferenceSummary['kind']) => <Tag style={{ whiteSpace: 'normal' }}>{t(`kind.${k}`)}</Tag> },
                {
                  title: t('name'), dataIndex: 'title',
                  render: (title: string, c) => <Link to={paths.conference.getHref(c.id)}>{title}</Link>,
                },
                { title: t('time'), dataIndex: 'startsAt', width: 130, render: (s: string) => formatDateTime(s) },
                { title: t('place'), dataIndex: 'place', width: 190 },
                {
                  title: t('status'), key: 'status', width: 160,
                  render: (_, c) => (
                    <Space orientation="vertical" size={4}>
                      <Tag color={STATUS_COLORS[c.status]}>{t(`status.${c.status}`)}</Tag>
                      {c.minutesStatus && <Tag color={c.minutesStatus === 'approved' ? 'green' : 'orange'}>{t(`minutes.${c.minutesStatus}`)}</Tag>}
                    </Space>
                  ),
                },
                {
                  title: t('confirmedCount'), key: 'confirmed', width: 110, align: 'right',
                  render: (_, c) => <Typography.Text>{t('confirmedOf', { n: c.confirmedCount, m: c.memberCount })}</Typography.Text>,
                },
              ]}
            />
            <ConferenceForm open={creating} year={y} onClose={() => setCreating(false)} onCreated={(c) => navigate(paths.conference.getHref(c.id))} />
          </>
        );
      }}
    </QueryState>
  );
}

export { ConferencesPage as Component };
