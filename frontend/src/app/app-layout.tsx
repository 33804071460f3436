import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { ApiError, onUnauthorized } from '@/api/client';
import { useFocusableScrollBoxes } from '@/components/focusable-scroll-boxes';
import { Disclosure } from '@/components/disclosure';
import { useMe } from '@/api/me';
import { useSignOut } from '@/features/auth/api/sign-in';
import { NotificationsBell } from '@/features/notifications/notifications-bell';
import { TasksCountBadge } from '@/features/tasks/tasks-count-badge';
import { useLocale, useT, type SharedKey } from '@/i18n/i18n';
import { KitProvider } from './kit-provider';
import { navItems } from './nav';
import { paths } from '@/lib/paths';
import { useMediaQuery } from '@/lib/media-query';
import './app-layout.css';

/** The signed-in shell: role-aware navigation, session handling; the UI kit is set up for the page inside it. */
export function AppLayout() {
  const t = useT();
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  useFocusableScrollBoxes();

  useEffect(() => onUnauthorized(() => navigate(paths.signIn.getHref(location.pathname), { replace: true })), [navigate, location.pathname]);

  if (me.isPending) {
    return <div className="shell shell-state" role="status"><span className="shell-spinner" aria-hidden="true" />{t('common.loading')}</div>;
  }
  if (me.error) {
    if (me.error instanceof ApiError && me.error.status === 401) return <Navigate to={paths.signIn.getHref(location.pathname)} replace />;
    return (
      <main className="shell shell-state">
        <h1>{t('common.error')}</h1>
        <p>{me.error.message}</p>
        <button type="button" className="shell-button" onClick={() => me.refetch()}>{t('action.retry')}</button>
      </main>
    );
  }
  return <Shell user={me.data} />;
}

/** Wide enough for the side menu (992 px and up); below, the menu opens in a drawer from the header. */
const useWide = () => useMediaQuery('(min-width: 992px)');

function Shell({ user }: { user: NonNullable<ReturnType<typeof useMe>['data']> }) {
  const t = useT();
  const { locale, setLocale } = useLocale();
  const location = useLocation();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const wide = useWide();
  const [menuOpen, setMenuOpen] = useState(false);
  const [accountOpen, setAccountOpen] = useState(false);

  const items = navItems(user);
  // The longest item path the address starts with is the current page ("/" only for itself).
  const current = items.map((i) => i.href).filter((k) => (k === '/' ? location.pathname === '/' : location.pathname.startsWith(k))).sort((a, b) => b.length - a.length)[0];

  const nav = (
    <nav aria-label={t('nav.main')}>
      <ul className="shell-nav">
        {items.map((i) => (
          <li key={i.href}>
            <Link to={i.href} aria-current={i.href === current ? 'page' : undefined} onClick={() => setMenuOpen(false)}>
              {t(i.label as SharedKey)}
              {i.href === paths.home.getHref() && <TasksCountBadge />}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
  const brand = (
    <div className="shell-brand">
      <img src="/favicon.svg" alt="" width={32} height={32} />
      <strong>{t('appName')}</strong>
    </div>
  );

  return (
    <div className="shell">
      {wide ? <aside className="shell-sider">{brand}{nav}</aside> : <Drawer open={menuOpen} onClose={() => setMenuOpen(false)} label={t('nav.main')}>{brand}{nav}</Drawer>}
      <div className="shell-body">
        <header className="shell-header">
          {!wide && (
            <button type="button" className="shell-icon-button shell-menu-button" aria-label={t('nav.openMenu')} aria-expanded={menuOpen} onClick={() => setMenuOpen(true)}>
              <MenuIcon />
            </button>
          )}
          <NotificationsBell />
          {wide && <span className={`shell-tag ${user.permissions.cityWide ? 'shell-tag-city' : 'shell-tag-unit'}`}>{t(`role.${user.role}` as SharedKey)}</span>}
          {wide && user.unitName && <span className="shell-unit">{user.unitName}</span>}
          <button type="button" className="shell-link-button" onClick={() => setLocale(locale === 'vi' ? 'en' : 'vi')}>{t('common.language')}</button>
          <Disclosure
            open={accountOpen}
            onOpenChange={setAccountOpen}
            buttonProps={{ className: 'shell-button shell-account', 'aria-label': `${user.fullName}: ${t('nav.account')}` }}
            button={<span className="shell-ellipsis">{user.fullName}</span>}
          >
            <ul className="shell-menu">
              <li><Link to={paths.me.getHref()} onClick={() => setAccountOpen(false)}>{t('nav.account')}</Link></li>
              <li>
                <button type="button" onClick={() => { setAccountOpen(false); signOut.mutate(undefined, { onSettled: () => navigate(paths.signIn.getHref(), { replace: true }) }); }}>
                  {t('action.signOut')}
                </button>
              </li>
            </ul>
          </Disclosure>
        </header>
        <main className="shell-content">
          <KitProvider>
            <Outlet />
          </KitProvider>
        </main>
      </div>
    </div>
  );
}

/** The menu on a phone: a modal dialog from the left (focus kept inside, Escape or a click beside it closes it). */
function Drawer({ open, onClose, label, children }: { open: boolean; onClose: () => void; label: string; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      if (dialog.showModal) dialog.showModal();
      else dialog.setAttribute('open', '');
    } else if (!open && dialog.open) {
      if (dialog.close) dialog.close();
      else dialog.removeAttribute('open');
    }
  }, [open]);
  return (
    <dialog ref={ref} className="shell-drawer" aria-label={label} onClose={onClose} onClick={(e) => e.target === e.currentTarget && onClose()}>
      {open && children}
    </dialog>
  );
}

const MenuIcon = () => (
  <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" focusable="false" style={{ display: 'block' }}>
    <path fill="currentColor" d="M3 6h18v2H3zm0 5h18v2H3zm0 5h18v2H3z" />
  </svg>
);

export { AppLayout as Component };
