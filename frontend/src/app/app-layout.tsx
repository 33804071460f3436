import { App as AntApp, Button, ConfigProvider, Dropdown, Layout, Menu, Spin, Tag, Typography } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { useEffect, useMemo } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { ApiError, onUnauthorized } from '@/api/client';
import { useMe } from '@/features/auth/api/me';
import { useSignOut } from '@/features/auth/api/sign-in';
import { NotificationsBell } from '@/features/notifications/notifications-bell';
import { TasksCountBadge } from '@/features/tasks/tasks-count-badge';
import { useLocale, useT, type SharedKey } from '@/i18n/i18n';
import { navItems } from './nav';
import { paths } from './paths';

dayjs.locale('vi');

/** The signed-in shell: UI kit with Vietnamese locale, role-aware navigation, session handling. */
export function AppLayout() {
  const { locale } = useLocale();
  return (
    <ConfigProvider locale={locale === 'vi' ? viVN : enUS} theme={{ token: { colorPrimary: '#b71c1c', borderRadius: 6, fontSize: 14 } }}>
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

  useEffect(() => onUnauthorized(() => navigate(paths.signIn.getHref(location.pathname), { replace: true })), [navigate, location.pathname]);

  const items = useMemo(() => (me.data ? navItems(me.data).map((i) => ({ key: i.href, label: i.href === paths.home.getHref() ? <>{t(i.label as SharedKey)}<TasksCountBadge /></> : t(i.label as SharedKey), onClick: () => navigate(i.href) })) : []), [me.data, t, navigate]);

  if (me.isPending) return <div style={{ display: 'grid', placeItems: 'center', minHeight: '100vh' }}><Spin size="large" description={t('common.loading')}><div style={{ padding: 40 }} /></Spin></div>;
  if (me.error) {
    if (me.error instanceof ApiError && me.error.status === 401) return <Navigate to={paths.signIn.getHref(location.pathname)} replace />;
    return <div style={{ padding: 48 }}><Typography.Title level={3}>{t('common.error')}</Typography.Title><p>{me.error.message}</p><Button onClick={() => me.refetch()}>{t('action.retry')}</Button></div>;
  }
  const user = me.data;
  const selected = items.map((i) => i.key).filter((k) => (k === '/' ? location.pathname === '/' : location.pathname.startsWith(k))).sort((a, b) => b.length - a.length)[0];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={0} width={232} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
        <div style={{ display: 'flex', gap: 10, alignItems: 'center', padding: '16px 16px 8px' }}>
          <img src="/favicon.svg" alt="" width={32} height={32} />
          <strong style={{ color: '#7f0000', lineHeight: 1.2 }}>{t('appName')}</strong>
        </div>
        <nav aria-label="Điều hướng chính">
          <Menu mode="inline" selectedKeys={selected ? [selected] : []} items={items} style={{ borderInlineEnd: 0 }} />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', borderBottom: '1px solid #f0f0f0', display: 'flex', justifyContent: 'flex-end', alignItems: 'center', gap: 12, paddingInline: 24 }}>
          <NotificationsBell unitId={user.unitId} />
          <Tag color={user.role === 'admin' || user.role === 'board' ? 'volcano' : 'blue'}>{t(`role.${user.role}` as SharedKey)}</Tag>
          {user.unitName && <Typography.Text type="secondary" ellipsis style={{ maxWidth: 320 }}>{user.unitName}</Typography.Text>}
          <Button type="link" onClick={() => setLocale(locale === 'vi' ? 'en' : 'vi')}>{t('common.language')}</Button>
          <Dropdown
            menu={{
              items: [
                { key: 'me', label: t('nav.account'), onClick: () => navigate(paths.me.getHref()) },
                { key: 'out', label: t('action.signOut'), onClick: () => signOut.mutate(undefined, { onSettled: () => navigate(paths.signIn.getHref(), { replace: true }) }) },
              ],
            }}
          >
            <Button aria-label={`${user.fullName}: ${t('nav.account')}`}>{user.fullName}</Button>
          </Dropdown>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

export { AppLayout as Component };
