import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/api/client';

export type Task = Schemas['TaskDto'];
export type TaskList = Schemas['TaskListDto'];

export const taskKeys = { all: ['tasks'] as const };

/** Derived by the server from the year's state: refetched after every write (main.tsx) and every minute. */
export const tasksQuery = () => queryOptions({
  queryKey: taskKeys.all,
  queryFn: () => unwrap(api.GET('/api/tasks')),
  staleTime: 15_000,
  refetchInterval: 60_000,
});

export const useTasks = () => useQuery(tasksQuery());
