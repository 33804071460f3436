import { Skeleton, Tabs } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { useMe } from '@/api/me';
import { useT } from '@/i18n/i18n';
import { useDefaultYear } from './api/awards';
import { CatalogueTab } from './catalogue-tab';
import { awardStrings } from './i18n';

// The other tabs load when opened (the catalogue is the one shown first).
const RecordsTab = lazy(() => import('./records-tabs').then((m) => ({ default: m.RecordsTab })));
const HistoryTab = lazy(() => import('./history-tab').then((m) => ({ default: m.HistoryTab })));
const later = (tab: ReactNode) => <Suspense fallback={<Skeleton active />}>{tab}</Suspense>;

const TABS = ['catalogue', 'titles', 'flags', 'history'] as const;
type Tab = (typeof TABS)[number];

export function Component() {
  const t = useT(awardStrings);
  const me = useMe();
  // The catalogue, titles, flags and history are written by the board only (the API's roles).
  const canEdit = !!me.data?.permissions.editAwards;
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'catalogue';
  // Only the catalogue tab is by year; it opens on the latest year with block years.
  const asked = Number(params.get('year')) || undefined;
  const fallback = useDefaultYear(!asked && tab === 'catalogue');
  const year = asked ?? fallback;
  const set = (patch: Record<string, string>) => setParams((p) => {
    const next = new URLSearchParams(p);
    Object.entries(patch).forEach(([k, v]) => next.set(k, v));
    return next;
  }, { replace: true });

  return (
    <>
      <PageHeader title={t('awardsTitle')} />
      <Tabs
        activeKey={tab}
        onChange={(k) => set({ tab: k })}
        destroyOnHidden
        items={[
          { key: 'catalogue', label: t('tab.catalogue'), children: year === undefined ? <Skeleton active /> : <CatalogueTab canEdit={canEdit} year={year} onYear={(y) => set({ year: String(y) })} /> },
          { key: 'titles', label: t('tab.titles'), children: later(<RecordsTab kind="titles" canEdit={canEdit} />) },
          { key: 'flags', label: t('tab.flags'), children: later(<RecordsTab kind="flags" canEdit={canEdit} />) },
          { key: 'history', label: t('tab.history'), children: later(<HistoryTab canEdit={canEdit} />) },
        ]}
      />
    </>
  );
}
