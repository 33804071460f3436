import { Button, Popconfirm, Space, Spin, Tag } from 'antd';
import { useFeedback } from '@/components/feedback';
import { Card } from '@/components/card';
import { useT } from '@/i18n/i18n';
import { formatDateTime } from '@/lib/format';
import { useEndOtherSessions, useEndSession, useSessions, type SessionInfo } from './api/sessions';
import { authStrings } from './i18n';
import { Typography } from '@/components/typography';

const BROWSERS: [RegExp, string][] = [[/Edg\//, 'Edge'], [/OPR\//, 'Opera'], [/CocCoc/i, 'Cốc Cốc'], [/Firefox\//, 'Firefox'], [/Chrome\//, 'Chrome'], [/Safari\//, 'Safari']];
const SYSTEMS: [RegExp, string][] = [[/Android/, 'Android'], [/iPhone|iPad/, 'iOS'], [/Windows/, 'Windows'], [/Mac OS X/, 'macOS'], [/Linux/, 'Linux']];
const pick = (ua: string, table: [RegExp, string][]) => table.find(([re]) => re.test(ua))?.[1];

/** The account's live sessions with a way to end one, or all the others. */
export function SessionsCard() {
  const t = useT(authStrings);
  const sessions = useSessions();
  const end = useEndSession();
  const endOthers = useEndOtherSessions();
  const { message } = useFeedback();
  const device = (s: SessionInfo) => {
    const browser = pick(s.userAgent, BROWSERS);
    const os = pick(s.userAgent, SYSTEMS);
    return browser && os ? t('onOs', { browser, os }) : browser ?? os ?? t('unknownDevice');
  };
  const others = (sessions.data ?? []).filter((s) => !s.current).length;
  return (
    <Card title={t('sessions')} style={{ marginTop: 16 }}
      extra={others > 0 && (
        <Popconfirm title={t('endOthersConfirm')} onConfirm={() => endOthers.mutate(undefined, {
          onSuccess: (r) => message.success(t('endedOthers', { count: r.ended })),
          onError: (e) => message.error(e.message),
        })}>
          <Button danger loading={endOthers.isPending}>{t('endOthers')}</Button>
        </Popconfirm>
      )}>
      <Typography.Paragraph type="secondary">{t('sessionsHint')}</Typography.Paragraph>
      {sessions.isLoading && <Spin />}
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {(sessions.data ?? []).map((s) => (
          <li key={s.id} style={{ display: 'flex', flexWrap: 'wrap', gap: 8, justifyContent: 'space-between', alignItems: 'center', padding: '12px 0', borderTop: '1px solid rgba(5, 5, 5, 0.06)' }}>
            <Space orientation="vertical" size={0}>
              <Space wrap><Typography.Text strong>{device(s)}</Typography.Text>{s.current && <Tag color="green">{t('thisSession')}</Tag>}</Space>
              <Typography.Text type="secondary">{t('address')}: {s.ip || '—'}</Typography.Text>
              <Typography.Text type="secondary">{t('signedInAt')}: {formatDateTime(s.createdAt)}</Typography.Text>
              <Typography.Text type="secondary">{t('lastSeen')}: {formatDateTime(s.lastSeenAt)}</Typography.Text>
            </Space>
            {!s.current && (
              <Button size="small" aria-label={t('endSessionOf', { device: device(s) })} loading={end.isPending && end.variables === s.id}
                onClick={() => end.mutate(s.id, { onSuccess: () => message.success(t('ended')), onError: (e) => message.error(e.message) })}>
                {t('endSession')}
              </Button>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}
