import { MutationCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { ApiError } from './api/client';
import { router } from './app/router';
import { taskKeys } from './features/tasks/api/tasks';
import { I18nProvider } from './i18n/i18n';

const queryClient: QueryClient = new QueryClient({
  // Any write may finish or create someone's task: the "Việc cần làm" list and its count follow (not awaited,
  // so the write's own follow-up is not held up by the refetch).
  mutationCache: new MutationCache({ onSuccess: () => { void queryClient.invalidateQueries({ queryKey: taskKeys.all }); } }),
  defaultOptions: {
    queries: { retry: (n, e) => !(e instanceof ApiError && e.status >= 400 && e.status < 500) && n < 2, refetchOnWindowFocus: false },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </I18nProvider>
  </StrictMode>,
);
