import { MutationCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '@/api/client';
import { taskKeys } from '@/features/tasks/api/tasks';

/** The app's query cache: no retry on a 4xx, no refetch on window focus. */
export function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    // Any write may finish or create someone's task: the "Việc cần làm" list and its count follow (not awaited,
    // so the write's own follow-up is not held up by the refetch).
    mutationCache: new MutationCache({ onSuccess: () => { void queryClient.invalidateQueries({ queryKey: taskKeys.all }); } }),
    defaultOptions: {
      queries: { retry: (n, e) => !(e instanceof ApiError && e.status >= 400 && e.status < 500) && n < 2, refetchOnWindowFocus: false },
    },
  });
  return queryClient;
}
