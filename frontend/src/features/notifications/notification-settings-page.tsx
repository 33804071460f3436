import { Flex, Radio } from 'antd';
import { useFeedback } from '@/components/feedback';
import { Card } from '@/components/card';
import { PageHeader } from '@/components/page-header';
import { useT } from '@/i18n/i18n';
import { useNotificationSettings, useUpdateNotificationSettings, type EmailMode } from './api/notifications';
import { notificationStrings } from './i18n';
import { Typography } from '@/components/typography';

const MODES: EmailMode[] = ['immediate', 'daily', 'none'];

/** Each person chooses how notifications reach them by email: immediately, a daily digest, or not at all. */
export function NotificationSettingsPage() {
  const t = useT(notificationStrings);
  const settings = useNotificationSettings();
  const update = useUpdateNotificationSettings();
  const { message } = useFeedback();
  const choose = (mode: EmailMode) => update.mutate(mode, { onSuccess: () => message.success(t('saved')), onError: (e) => message.error(e.message) });
  return (
    <>
      <PageHeader title={t('settingsTitle')} />
      <Card style={{ maxWidth: 560 }} loading={!settings.data}>
        {settings.data && (
          <>
            <Typography.Paragraph>{t('settingsIntro', { email: settings.data.email })}</Typography.Paragraph>
            <Radio.Group value={settings.data.emailMode} onChange={(e) => choose(e.target.value as EmailMode)} disabled={update.isPending} aria-label={t('settingsTitle')}>
              <Flex vertical gap={8}>
                {MODES.map((m) => (
                  <Radio key={m} value={m}>
                    <div>{t(`mode.${m}`)}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>{t(`mode.${m}Help`)}</Typography.Text>
                  </Radio>
                ))}
              </Flex>
            </Radio.Group>
          </>
        )}
      </Card>
    </>
  );
}

export { NotificationSettingsPage as Component };
