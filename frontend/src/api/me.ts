import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, ApiError, unwrap, type Schemas } from '@/api/client';

export type Me = Schemas['MeDto'];

export const meQueryOptions = () =>
  queryOptions({
    queryKey: ['me'],
    queryFn: () => unwrap(api.GET('/api/auth/me')),
    retry: (count, e) => !(e instanceof ApiError && e.status === 401) && count < 2,
    staleTime: 60_000,
  });

export const useMe = () => useQuery(meQueryOptions());
