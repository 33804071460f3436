import { useState } from 'react';
import { useNavigate } from 'react-router';
import { CountBadge } from '@/components/count-badge';
import { Disclosure } from '@/components/disclosure';
import { VisuallyHidden } from '@/components/visually-hidden';
import { paths } from '@/lib/paths';
import { useT } from '@/i18n/i18n';
import { formatDateTime } from '@/lib/format';
import { useMarkAllRead, useMarkRead, useNotifications, type Notification } from './api/notifications';
import { notificationStrings } from './i18n';
import './notifications-bell.css';

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
 * Drawn without the UI kit: the signed-in shell shows it on every page.
 */
export function NotificationsBell() {
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

  return (
    <Disclosure
      open={open}
      onOpenChange={setOpen}
      buttonProps={{ className: 'bell-button', 'aria-label': unread.length ? t('bellUnread', { n: unread.length }) : t('bell') }}
      button={<><BellIcon />{unread.length > 0 && <CountBadge count={unread.length} tone="alert" />}</>}
    >
      <div className="bell-panel">
        <div className="bell-head">
          <strong>{t('title')}</strong>
          {unread.length > 0 && (
            <button type="button" className="bell-link" onClick={() => readAll.mutate()} disabled={readAll.isPending} aria-busy={readAll.isPending}>{t('markAll')}</button>
          )}
        </div>
        {items.length === 0 ? (
          <p className="bell-none">{t('none')}</p>
        ) : (
          <ul aria-label={t('title')} className="bell-list">
            {items.slice(0, 50).map((n) => (
              <li key={n.id}>
                <button type="button" onClick={() => openItem(n)} className={n.readAt ? undefined : 'bell-unread'}>
                  {!n.readAt && <VisuallyHidden>{t('unread')}: </VisuallyHidden>}
                  <span className="bell-title">{n.title}</span>
                  {n.body && <span className="bell-body">{n.body}</span>}
                  <span className="bell-time">{formatDateTime(n.createdAt)}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <button type="button" className="bell-link" onClick={() => { setOpen(false); navigate(paths.notificationSettings.getHref()); }}>{t('settingsLink')}</button>
      </div>
    </Disclosure>
  );
}
