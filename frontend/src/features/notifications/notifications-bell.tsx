import { Badge, Button, Empty, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { paths } from '@/lib/paths';
import { useT } from '@/i18n/i18n';
import { formatDateTime } from '@/lib/format';
import { useMarkAllRead, useMarkRead, useNotifications, type Notification } from './api/notifications';
import { notificationStrings } from './i18n';

const BellIcon = () => (
  <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false" style={{ display: 'block' }}>
    <path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
  </svg>
);

/** Where a notification leads: the page it names (an app path), if any. */
const target = (n: Notification): string | null => (n.link.startsWith('/') ? n.link : null);

/**
 * Thông báo addressed to the signed-in person (work given, deadlines, results): a bell with the unread
 * count in the header and a list; opening one marks it read and goes to the page where the work is.
 * `unitId` is kept for the layout's call; every person has notifications now.
 */
export function NotificationsBell(_: { unitId?: string | null }) {
  const t = useT(notificationStrings);
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const list = useNotifications();
  const read = useMarkRead();
  const readAll = useMarkAllRead();
  const items = list.data ?? [];
  const unread = items.filter((n) => !n.readAt);

  const openItem = (n: Notification) => {
    if (!n.readAt) read.mutate(n.id);
    const href = target(n);
    setOpen(false);
    if (href) navigate(href);
  };

  const content = (
    <div style={{ width: 'min(380px, calc(100vw - 40px))', maxHeight: 440, overflowY: 'auto' }}>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('none')} />
      ) : (
        <ul aria-label={t('title')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {items.slice(0, 50).map((n) => (
            <li key={n.id} style={{ borderBottom: '1px solid #f0f0f0' }}>
              <button
                type="button"
                onClick={() => openItem(n)}
                style={{ all: 'unset', boxSizing: 'border-box', display: 'block', width: '100%', padding: '8px 4px', cursor: 'pointer', background: n.readAt ? undefined : '#fff7f5' }}
                aria-label={`${n.readAt ? '' : `${t('unread')}: `}${n.title}`}
              >
                <Typography.Text strong={!n.readAt} style={{ display: 'block' }}>{n.title}</Typography.Text>
                {n.body && <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>{n.body}</Typography.Text>}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateTime(n.createdAt)}</Typography.Text>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div style={{ paddingTop: 8 }}>
        <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => { setOpen(false); navigate(paths.notificationSettings.getHref()); }}>{t('settingsLink')}</Button>
      </div>
    </div>
  );

  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      title={
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
          <span>{t('title')}</span>
          {unread.length > 0 && <Button type="link" size="small" onClick={() => readAll.mutate()} loading={readAll.isPending}>{t('markAll')}</Button>}
        </div>
      }
      content={content}
    >
      <Badge count={unread.length} size="small" overflowCount={99}>
        <Button shape="circle" icon={<BellIcon />} aria-label={unread.length ? t('bellUnread', { n: unread.length }) : t('bell')} />
      </Badge>
    </Popover>
  );
}
