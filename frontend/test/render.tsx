import { StyleProvider } from '@ant-design/cssinjs';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp, ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import { createMemoryRouter, RouterProvider } from 'react-router';
import type { Schemas } from '@/api/client';
import { createRoutes } from '@/app/router';
import { I18nProvider } from '@/i18n/i18n';

/**
 * Renders the app's real route table at `url` (lazy routes, the signed-in shell, the page), with
 * the providers main.tsx sets up: I18n, TanStack Query (no retries, so errors show at once), the
 * UI kit in Vietnamese. Stub the API with `stubApi()` first (the shell asks for /api/auth/me).
 */
export function renderRoute(url: string) {
  localStorage.setItem('thidua.locale', 'vi');
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false }, mutations: { retry: false } } });
  const router = createMemoryRouter(createRoutes(queryClient), { initialEntries: [url] });
  // `mock="server"`: the UI kit keeps its CSS out of the DOM, so jsdom's getComputedStyle (which
  // role queries call for every element) does not reparse hundreds of style tags each time.
  const view = render(
    <StyleProvider mock="server">
      <I18nProvider>
        <QueryClientProvider client={queryClient}>
          <ConfigProvider locale={viVN}>
            <AntApp>
              <RouterProvider router={router} />
            </AntApp>
          </ConfigProvider>
        </QueryClientProvider>
      </I18nProvider>
    </StyleProvider>,
  );
  return { ...view, router, queryClient };
}

/** Waits for the signed-in page with this heading (lazy chunks and data load first). */
export const findPage = (title: string | RegExp) => screen.findByRole('heading', { level: 1, name: title }, { timeout: 5000 });

type Me = Schemas['MeDto'];
type Permissions = Me['permissions'];
/** What the server sends a unit's officer or head: no city-wide right. */
export const unitPermissions: Permissions = {
  cityWide: false, manageUnits: false, manageBlocks: false, manageBlockYears: false, manageAccounts: false, grantAdmin: false,
  editAwards: false, appraiseDossiers: false, readMailOutbox: false,
};
/** What the server sends the board: every city-wide right but administrators' accounts and the outbox. */
export const boardPermissions: Permissions = {
  cityWide: true, manageUnits: true, manageBlocks: true, manageBlockYears: true, manageAccounts: true, grantAdmin: false,
  editAwards: true, appraiseDossiers: true, readMailOutbox: false,
};
const base = { csrfToken: 'test-csrf', seats: [] as Me['seats'], permissions: unitPermissions };

/** Signed-in users, one per role, after the demo's people (fictional). */
export const users = {
  admin: { ...base, id: 'acc-admin', fullName: 'Quản trị Hệ thống', email: 'admin@thidua.vn', role: 'admin', unitId: null, unitName: null,
    permissions: { ...boardPermissions, grantAdmin: true, readMailOutbox: true } },
  board: { ...base, id: 'acc-board', fullName: 'Lê Thu Trang', email: 'bantdkt@thidua.vn', role: 'board', unitId: null, unitName: null, permissions: boardPermissions },
  /** An officer of an ordinary member unit of Khối thi đua số 4. */
  officer: { ...base, id: 'acc-lhp', fullName: 'Đỗ Thị Hạnh', email: 'canbo.lhp@thidua.vn', role: 'officer', unitId: 'unit-lhp', unitName: 'Trường Đào tạo cán bộ Lê Hồng Phong' },
  /** An officer of the unit holding the leader seat of Khối thi đua số 4 in 2024. */
  leaderOfficer: {
    ...base, id: 'acc-dukcq', fullName: 'Phạm Quang Huy', email: 'canbo.dukcq@thidua.vn', role: 'officer', unitId: 'unit-dukcq', unitName: 'Đảng ủy Khối các cơ quan Thành phố Hà Nội',
    seats: [{ blockYearId: 'by-2024', blockId: 'block-4', blockName: 'Khối thi đua số 4', year: 2024, seat: 'leader' }],
  },
} satisfies Record<string, Me>;

export const page = <T,>(items: T[]) => ({ items, total: items.length, page: 1, pageSize: 20 });

/** The dashboard's page of block years (GET /api/block-years/page) holding these. */
export const blockYearPage = (items: Schemas['BlockYearSummaryDto'][] = [], over: Partial<Schemas['BlockYearPageDto']> = {}): Schemas['BlockYearPageDto'] => ({
  ...page(items), year: items[0]?.year ?? null, years: [...new Set(items.map((y) => y.year))], blockCount: items.length,
  memberCount: items.reduce((s, y) => s + y.memberCount, 0), ...over,
});

/**
 * Opens the UI kit's select named `label` (inside `scope`) and returns its popup: the listbox the
 * combobox controls, with the visible options (by their `title`) beside it.
 */
export async function openSelect(scope: HTMLElement, label: string | RegExp) {
  const combobox = within(scope).getByRole('combobox', { name: label });
  await userEvent.click(combobox);
  const listbox = await waitFor(() => {
    const el = document.getElementById(combobox.getAttribute('aria-controls') ?? '');
    if (!el) throw new Error(`No popup for ${String(label)}`);
    return el;
  });
  const popup = listbox.parentElement!;
  return {
    listbox,
    /** Names of the options offered (the accessible list). */
    names: () => within(listbox).queryAllByRole('option').map((o) => o.getAttribute('aria-label')),
    choose: (name: string) => userEvent.click(within(popup).getByTitle(name)),
    close: () => userEvent.keyboard('{Escape}'),
  };
}
