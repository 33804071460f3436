import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/api/client';

export type SessionInfo = Schemas['SessionDto'];

export const sessionsQueryOptions = () =>
  queryOptions({ queryKey: ['auth', 'sessions'], queryFn: () => unwrap(api.GET('/api/auth/sessions')) });

export const useSessions = () => useQuery(sessionsQueryOptions());

export function useEndSession() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/auth/sessions/{id}', { params: { path: { id } } })),
    onSettled: () => qc.invalidateQueries({ queryKey: ['auth', 'sessions'] }),
  });
}

export function useEndOtherSessions() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/auth/sessions/end-others')),
    onSettled: () => qc.invalidateQueries({ queryKey: ['auth', 'sessions'] }),
  });
}
