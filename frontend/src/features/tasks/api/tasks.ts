import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/api/client';

export type Task = Schemas['TaskDto'];
export type TaskList = Schemas['TaskListDto'];

/** Every write may change someone's tasks: the list is short-lived and refetched on focus and every minute. */
export const tasksQuery = () => queryOptions({
  queryKey: ['tasks'] as const,
  queryFn: () => unwrap(api.GET('/api/tasks')),
  staleTime: 15_000,
  refetchInterval: 60_000,
});

export const useTasks = () => useQuery(tasksQuery());
