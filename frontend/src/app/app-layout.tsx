import { App as AntApp, Button, ConfigProvider, Drawer, Dropdown, Grid, Layout, Menu, Spin, Tag, Typography, type ThemeConfig } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { useEffect, useMemo, useState } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { ApiError, onUnauthorized } from '@/api/client';
import { useFocusableScrollBoxes } from '@/components/focusable-scroll-boxes';
import { useMe } from '@/api/me';
import { useSignOut } from '@/features/auth/api/sign-in';
import { NotificationsBell } from '@/features/notifications/notifications-bell';
import { TasksCountBadge } from '@/features/tasks/tasks-count-badge';
import { useLocale, useT, type SharedKey } from '@/i18n/i18n';
import { navItems } from './nav';
import { paths } from '@/lib/paths';
import './app-layout.css';

dayjs.locale('vi');

/**
 * Colours that read on white at WCAG AA (4.5:1): antd's grey secondary text (#8c8c8c, 3.4:1), its green
 * (#52c41a, 2.3:1) and the status colours are darkened at the root, so no page sets its own (tag text: app-layout.css).
 */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#b71c1c', borderRadius: 6, fontSize: 14,
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)', colorTextDescription: 'rgba(0, 0, 0, 0.62)', colorTextPlaceholder: 'rgba(0, 0, 0, 0.58)',
    colorSuccess: '#237804', colorSuccessText: '#237804', colorSuccessBg: '#f6ffed', colorSuccessBorder: '#b7eb8f',
    colorWarning: '#874d00', colorWarningText: '#874d00', colorWarningBg: '#fffbe6', colorWarningBorder: '#ffe58f',
    colorError: '#c41d1d', colorErrorText: '#a8071a', colorErrorBg: '#fff2f0', colorErrorBorder: '#ffccc7',
    colorInfo: '#0958d9', colorInfoText: '#0958d9', colorInfoBg: '#e6f4ff', colorInfoBorder: '#91caff',
  },
  // A table's "no data" / refusal text is drawn in the disabled grey (#bfbfbf, 1.8:1): it is a message, so it reads like one.
  components: { Table: { colorTextDisabled: 'rgba(0, 0, 0, 0.62)' } },
};

/** The signed-in shell: UI kit with Vietnamese locale, role-aware navigation, session handling. */
export function AppLayout() {
  const { locale } = useLocale();
  return (
    <ConfigProvider locale={locale === 'vi' ? viVN : enUS} theme={theme}>
      <AntApp>
        <Shell />
      </AntApp>
    </ConfigProvider>
  );
}

function Shell() {
  const t = useT();
  const { locale, setLocale } = useLocale();
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const narrow = !Grid.useBreakpoint().lg;
  const [menuOpen, setMenuOpen] = useState(false);
  useFocusableScrollBoxes();

  useEffect(() => onUnauthorized(() => navigate(paths.signIn.getHref(location.pathname), { replace: true })), [navigate, location.pathname]);

  const items = useMemo(() => (me.data ? navItems(me.data).map((i) => ({
    key: i.href,
    label: i.href === paths.home.getHref() ? <>{t(i.label as SharedKey)}<TasksCountBadge /></> : t(i.label as SharedKey),
    onClick: () => { setMenuOpen(false); navigate(i.href); },
  })) : []), [me.data, t, navigate]);

  if (me.isPending) return <div style={{ display: 'grid', placeItems: 'center', minHeight: '100vh' }}><Spin size="large" description={t('common.loading')}><div style={{ padding: 40 }} /></Spin></div>;
  if (me.error) {
    if (me.error instanceof ApiError && me.error.status === 401) return <Navigate to={paths.signIn.getHref(location.pathname)} replace />;
    return <div style={{ padding: 48 }}><Typography.Title level={3}>{t('common.error')}</Typography.Title><p>{me.error.message}</p><Button onClick={() => me.refetch()}>{t('action.retry')}</Button></div>;
  }
  const user = me.data;
  const selected = items.map((i) => i.key).filter((k) => (k === '/' ? location.pathname === '/' : location.pathname.startsWith(k))).sort((a, b) => b.length - a.length)[0];

  const nav = (
    <nav aria-label={t('nav.main')}>
      <Menu mode="inline" selectedKeys={selected ? [selected] : []} items={items} style={{ borderInlineEnd: 0 }} />
    </nav>
  );
  const brand = (
    <div style={{ display: 'flex', gap: 10, alignItems: 'center', padding: '16px 16px 8px' }}>
      <img src="/favicon.svg" alt="" width={32} height={32} />
      <strong style={{ color: '#7f0000', lineHeight: 1.2 }}>{t('appName')}</strong>
    </div>
  );

  // Below 992 px the menu moves into a drawer opened from the header, so nothing floats over the page.
  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!narrow && <Layout.Sider width={232} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>{brand}{nav}</Layout.Sider>}
      {narrow && <Drawer open={menuOpen} onClose={() => setMenuOpen(false)} placement="left" size={280} closable={false} styles={{ body: { padding: 0 } }}>{brand}{nav}</Drawer>}
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header style={{ background: '#fff', borderBottom: '1px solid #f0f0f0', display: 'flex', justifyContent: 'flex-end', alignItems: 'center', gap: narrow ? 4 : 12, paddingInline: narrow ? 8 : 24 }}>
          {narrow && <Button type="text" aria-label={t('nav.openMenu')} aria-expanded={menuOpen} onClick={() => setMenuOpen(true)} icon={<MenuIcon />} style={{ marginInlineEnd: 'auto' }} />}
          <NotificationsBell unitId={user.unitId} />
          {!narrow && <Tag color={user.permissions.cityWide ? 'volcano' : 'blue'}>{t(`role.${user.role}` as SharedKey)}</Tag>}
          {!narrow && user.unitName && <Typography.Text type="secondary" ellipsis style={{ maxWidth: 320 }}>{user.unitName}</Typography.Text>}
          <Button type="link" onClick={() => setLocale(locale === 'vi' ? 'en' : 'vi')} style={narrow ? { paddingInline: 6 } : undefined}>{t('common.language')}</Button>
          <Dropdown
            menu={{
              items: [
                { key: 'me', label: t('nav.account'), onClick: () => navigate(paths.me.getHref()) },
                { key: 'out', label: t('action.signOut'), onClick: () => signOut.mutate(undefined, { onSettled: () => navigate(paths.signIn.getHref(), { replace: true }) }) },
              ],
            }}
          >
            <Button aria-label={`${user.fullName}: ${t('nav.account')}`} style={{ minWidth: 0, maxWidth: narrow ? 128 : 280 }}>
              <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{user.fullName}</span>
            </Button>
          </Dropdown>
        </Layout.Header>
        <Layout.Content style={{ padding: narrow ? 12 : 24 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

const MenuIcon = () => (
  <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" focusable="false" style={{ display: 'block' }}>
    <path fill="currentColor" d="M3 6h18v2H3zm0 5h18v2H3zm0 5h18v2H3z" />
  </svg>
);

export { AppLayout as Component };
