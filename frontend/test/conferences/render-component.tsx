import { StyleProvider } from '@ant-design/cssinjs';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { App as AntApp, ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { I18nProvider } from '@/i18n/i18n';

/**
 * Renders one component that is not a route of its own (e.g. a dashboard card) with the providers the
 * app has: I18n (Vietnamese), TanStack Query without retries, the UI kit in Vietnamese, and a router
 * (for its links). Stub the API with `stubApi()` first.
 */
export function renderComponent(node: ReactNode) {
  localStorage.setItem('thidua.locale', 'vi');
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false }, mutations: { retry: false } } });
  const router = createMemoryRouter([{ path: '*', element: node }], { initialEntries: ['/'] });
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
