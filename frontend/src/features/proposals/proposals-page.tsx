import { Alert, Button, Flex, Input, InputNumber, Select, Space, Tag } from 'antd';
import { useFeedback } from '@/components/feedback';
import { Card } from '@/components/card';
import { DataTable } from '@/components/data-table';
import type { Schemas } from '@/api/client';
import { useEffect, useState } from 'react';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { useMe } from '@/api/me';
import { useT } from '@/i18n/i18n';
import { formatNumber } from '@/lib/format';
import { useCityQuota, useProposals, useSetting, useUpdateSetting, useUpdateWorkCalendar, useWorkCalendar, type ProposalStatus, type QuotaUse } from './api/proposals';
import { proposalStrings } from './i18n';
import { STATUSES } from './labels';
import { ProposalsTable } from './proposals-table';
import { Typography } from '@/components/typography';

const thisYear = new Date().getFullYear();
const YEARS = Array.from({ length: 6 }, (_, i) => thisYear - i);

/**
 * The board's inbox of award proposal dossiers (every block, drafts left out) with the city-wide quota
 * use and the appraisal deadline setting; a unit sees its own blocks' dossiers here.
 */
export function ProposalsPage() {
  const t = useT(proposalStrings);
  const me = useMe();
  const isBoard = !!me.data?.permissions.appraiseDossiers;
  const [status, setStatus] = useState<ProposalStatus | undefined>();
  const [year, setYear] = useState<number | undefined>();
  const list = useProposals({ status, year });
  const latest = list.data?.reduce<number | undefined>((m, p) => (m === undefined || p.year > m ? p.year : m), undefined);
  // The quota and setting follow the chosen year, else the latest year in the inbox (once it has loaded).
  const focusYear = year ?? (list.isSuccess ? (latest ?? thisYear) : undefined);

  return (
    <>
      <PageHeader title={t('inboxTitle')} />
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Select<ProposalStatus | ''>
          aria-label={t('status')}
          style={{ width: 200 }}
          value={status ?? ''}
          onChange={(v) => setStatus(v || undefined)}
          options={[{ value: '', label: t('allStatuses') }, ...STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))]}
        />
        <Select<number | 0>
          aria-label={t('year')}
          style={{ width: 140 }}
          value={year ?? 0}
          onChange={(v) => setYear(v || undefined)}
          options={[{ value: 0, label: t('allYears') }, ...YEARS.map((y) => ({ value: y, label: String(y) }))]}
        />
      </Flex>
      <ProposalsTable items={list.data} loading={list.isFetching} error={list.isError ? list.error.message : undefined} />
      {isBoard && focusYear !== undefined && (
        <Flex gap={16} wrap style={{ marginTop: 24 }} align="flex-start">
          <div style={{ flex: '2 1 520px', minWidth: 0 }}><CityQuota year={focusYear} /></div>
          <div style={{ flex: '1 1 280px', minWidth: 0 }}><SettingCard year={focusYear} /></div>
          <div style={{ flex: '1 1 360px', minWidth: 0 }}><CalendarCard year={focusYear} /></div>
          <div style={{ flex: '1 1 360px', minWidth: 0 }}><CalendarCard year={focusYear + 1} /></div>
        </Flex>
      )}
    </>
  );
}

function CityQuota({ year }: { year: number }) {
  const t = useT(proposalStrings);
  const quota = useCityQuota(year, true);
  return (
    <Card title={t('quotaTitle', { year })} size="small">
      <QueryState query={quota}>
        {(q) => (
          <>
            <DataTable<QuotaUse>
              rowKey="code"
              size="small"
              pagination={false}
              dataSource={q.usage}
              onRow={(u) => ({ style: u.over ? { background: '#fff1f0' } : undefined })}
              columns={[
                { title: t('award'), dataIndex: 'name' },
                { title: t('limit'), dataIndex: 'limit', align: 'right', render: (l: number | null) => (l === null ? t('unlimited') : formatNumber(l)) },
                { title: t('pending'), dataIndex: 'pending', align: 'right' },
                { title: t('decided'), dataIndex: 'decided', align: 'right' },
                { title: t('used'), dataIndex: 'used', align: 'right', render: (n: number, u) => <Typography.Text type={u.over ? 'danger' : undefined} strong={u.over}>{n}</Typography.Text> },
                { title: t('remaining'), dataIndex: 'remaining', align: 'right', render: (r: number | null) => (r === null ? '' : r) },
                { title: '', key: 'flag', render: (_, u) => (u.over ? <Tag color="red">{t('overQuota')}</Tag> : u.limit !== null ? <Tag color="green">{t('withinQuota')}</Tag> : null) },
              ]}
            />
            {q.breaches.length > 0 && (
              <Alert type="error" showIcon style={{ marginTop: 12 }} title={t('breaches')} description={<ul style={{ margin: 0, paddingLeft: 18 }}>{q.breaches.map((b, i) => <li key={i}>{b.message}</li>)}</ul>} />
            )}
          </>
        )}
      </QueryState>
    </Card>
  );
}

function SettingCard({ year }: { year: number }) {
  const t = useT(proposalStrings);
  const { message } = useFeedback();
  const setting = useSetting(year);
  const save = useUpdateSetting(year);
  const [days, setDays] = useState<number | null>(null);
  useEffect(() => setDays(setting.data?.appraisalWorkingDays ?? null), [setting.data]);
  return (
    <Card title={t('settingTitle', { year })} size="small">
      <QueryState query={setting}>
        {(s) => (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Space>
              <InputNumber aria-label={t('workingDays')} min={1} max={250} value={days} onChange={(v) => setDays(v)} />
              <Typography.Text>{t('workingDays')}</Typography.Text>
              {s.isDefault && <Tag>{t('settingDefault')}</Tag>}
            </Space>
            <Typography.Text type="secondary">{t('settingHint')}</Typography.Text>
            {save.isError && <Alert type="error" showIcon title={save.error.message} />}
            <Button
              type="primary"
              loading={save.isPending}
              disabled={!days || days === s.appraisalWorkingDays}
              onClick={() => save.mutate(
                { appraisalWorkingDays: days!, ...(s.version > 0 ? { version: s.version } : {}) },
                { onSuccess: () => void message.success(t('settingSaved')) },
              )}
            >
              {t('action.save')}
            </Button>
          </Space>
        )}
      </QueryState>
    </Card>
  );
}

const KIND_TEXT = { holiday: 'nghỉ', make_up: 'làm bù' } as const;

/** Lines "yyyy-mm-dd; nghỉ|làm bù; tên" → days; the number of the first line that is not, else null. */
function parseCalendar(text: string): { days: Schemas['CalendarDayInputDto'][]; bad: number | null } {
  const days: Schemas['CalendarDayInputDto'][] = [];
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  for (const [i, line] of lines.entries()) {
    const [date, kind, ...name] = line.split(';').map((x) => x.trim());
    const k = kind?.toLocaleLowerCase('vi') === KIND_TEXT.make_up ? 'make_up' : kind?.toLocaleLowerCase('vi') === KIND_TEXT.holiday ? 'holiday' : null;
    if (!date || !k) return { days, bad: i + 1 };
    days.push({ date, kind: k, name: name.join(';').trim() });
  }
  return { days, bad: null };
}

/** The board keeps each year's public holidays and make-up days (the appraisal deadline counts working days on them). */
function CalendarCard({ year }: { year: number }) {
  const t = useT(proposalStrings);
  const { message } = useFeedback();
  const calendar = useWorkCalendar(year);
  const save = useUpdateWorkCalendar(year);
  const [text, setText] = useState('');
  useEffect(() => setText((calendar.data?.days ?? []).map((d) => `${d.date}; ${KIND_TEXT[d.kind]}; ${d.name}`).join('\n')), [calendar.data]);
  const parsed = parseCalendar(text);
  return (
    <Card title={t('calendarTitle', { year })} size="small">
      <QueryState query={calendar}>
        {(c) => (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {!c.known && <Alert type="warning" showIcon title={t('calendarUnknown', { year })} />}
            <Typography.Text type="secondary">{t('calendarHint')}</Typography.Text>
            <Input.TextArea aria-label={t('calendarLabel', { year })} autoSize={{ minRows: 4, maxRows: 14 }} value={text} onChange={(e) => setText(e.target.value)} />
            {parsed.bad !== null && <Alert type="error" showIcon title={t('calendarBadLine', { n: parsed.bad })} />}
            {save.isError && <Alert type="error" showIcon title={save.error.message} />}
            <Button type="primary" loading={save.isPending} disabled={parsed.bad !== null || !parsed.days.length}
              onClick={() => save.mutate({ days: parsed.days }, { onSuccess: () => void message.success(t('calendarSaved')) })}>
              {t('action.save')}
            </Button>
          </Space>
        )}
      </QueryState>
    </Card>
  );
}

export { ProposalsPage as Component };
