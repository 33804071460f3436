import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/api/client';

export type Account = Schemas['AccountDto'];
export type Role = Account['role'];
export type AccountQuery = { page?: number; pageSize?: number; q?: string; role?: Role; unitId?: string; includeArchived?: boolean };
export type CreateAccountBody = Omit<Schemas['CreateAccountDto'], 'unitId'> & { unitId?: string | null };

export const accountsQueryOptions = (query: AccountQuery) =>
  queryOptions({ queryKey: ['accounts', query], queryFn: () => unwrap(api.GET('/api/accounts', { params: { query } })), placeholderData: keepPreviousData });
export const accountQueryOptions = (id: string) =>
  queryOptions({ queryKey: ['accounts', id], queryFn: () => unwrap(api.GET('/api/accounts/{id}', { params: { path: { id } } })) });

export const useAccounts = (query: AccountQuery, enabled = true) => useQuery({ ...accountsQueryOptions(query), enabled });
export const useAccount = (id: string) => useQuery(accountQueryOptions(id));

export function useCreateAccount() {
  const qc = useQueryClient();
  return useMutation({
    // The generated type of `unitId` is off (nullable uuid); the API takes a uuid string or null.
    mutationFn: (body: CreateAccountBody) => unwrap(api.POST('/api/accounts', { body: body as unknown as Schemas['CreateAccountDto'] })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['accounts'] }),
  });
}

export function useUpdateAccount() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Schemas['UpdateAccountDto'] }) => unwrap(api.PATCH('/api/accounts/{id}', { params: { path: { id } }, body })),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: ['accounts'] }), qc.invalidateQueries({ queryKey: ['me'] })]),
  });
}

export function useArchiveAccount() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, archived, reason }: { id: string; archived: boolean; reason?: string }) =>
      unwrap(archived
        ? api.POST('/api/accounts/{id}/archive', { params: { path: { id } }, body: { reason } })
        : api.POST('/api/accounts/{id}/restore', { params: { path: { id } }, body: { reason } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['accounts'] }),
  });
}

/** Sets a new password; the waits after wrong passwords are cleared. */
export function useResetPassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, newPassword }: { id: string; newPassword: string }) =>
      unwrap(api.POST('/api/accounts/{id}/reset-password', { params: { path: { id } }, body: { newPassword } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['accounts'] }),
  });
}
