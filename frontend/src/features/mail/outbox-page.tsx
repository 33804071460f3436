import { Alert, Select, Tag } from 'antd';
import { useState } from 'react';
import { DataTable } from '@/components/data-table';
import { PageHeader } from '@/components/page-header';
import { useT } from '@/i18n/i18n';
import { formatDateTime } from '@/lib/format';
import { useOutbox, type MailStatus, type OutboxMail, type OutboxQuery } from './api/outbox';
import { mailStrings } from './i18n';
import { Typography } from '@/components/typography';

const STATUSES: MailStatus[] = ['pending', 'sent', 'held', 'failed'];
const COLORS: Record<MailStatus, string> = { pending: 'gold', sent: 'green', held: 'blue', failed: 'red' };

/** The admin reads the mail outbox: each mail with its status, attempts and content. */
export function OutboxPage() {
  const t = useT(mailStrings);
  const [query, setQuery] = useState<OutboxQuery>({ page: 1, pageSize: 20 });
  const outbox = useOutbox(query);
  const data = outbox.data;
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      {data && <Alert style={{ marginBottom: 16 }} type={data.smtpConfigured ? 'info' : 'warning'} showIcon title={data.smtpConfigured ? t('smtp') : t('noSmtp')} />}
      <Select<MailStatus | ''>
        aria-label={t('status')} style={{ width: 240, marginBottom: 12 }} value={query.status ?? ''}
        options={[{ value: '', label: t('allStatuses') }, ...STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))]}
        onChange={(v) => setQuery((q) => ({ ...q, page: 1, status: v || undefined }))}
      />
      <DataTable<OutboxMail>
        rowKey="id" size="small" scroll={{ x: 720 }} loading={outbox.isFetching && !data} dataSource={data?.items ?? []}
        locale={{ emptyText: t('empty') }}
        pagination={{ current: query.page, pageSize: query.pageSize, total: data?.total ?? 0, onChange: (page) => setQuery((q) => ({ ...q, page })) }}
        expandable={{
          expandedRowRender: (m) => (
            <>
              {m.lastError && <Typography.Paragraph type="danger">{t('lastError')}: {m.lastError}</Typography.Paragraph>}
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} aria-label={t('content')}>{m.text}</Typography.Paragraph>
            </>
          ),
        }}
        columns={[
          { title: t('createdAt'), dataIndex: 'createdAt', width: 140, render: (v: string) => formatDateTime(v) },
          { title: t('to'), key: 'to', render: (_, m) => <><div>{m.toName}</div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{m.to}</Typography.Text></> },
          { title: t('subject'), dataIndex: 'subject' },
          {
            title: t('status'), key: 'status', width: 200,
            render: (_, m) => (
              <>
                <Tag color={COLORS[m.status]}>{t(`status.${m.status}`)}</Tag>
                {m.status === 'sent' && m.sentAt && <div style={{ fontSize: 12 }}>{formatDateTime(m.sentAt)}</div>}
                {m.status === 'pending' && m.attempts > 0 && <div style={{ fontSize: 12 }}>{t('nextAttempt', { at: formatDateTime(m.nextAttemptAt) })}</div>}
              </>
            ),
          },
          { title: t('attempts'), dataIndex: 'attempts', width: 90, align: 'right' },
        ]}
      />
    </>
  );
}

export { OutboxPage as Component };
