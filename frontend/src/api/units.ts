import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/api/client';

export type Unit = Schemas['UnitDto'];
export type UnitQuery = { page?: number; pageSize?: number; q?: string; blockId?: string; includeArchived?: boolean };

export const unitsQueryOptions = (query: UnitQuery) =>
  queryOptions({ queryKey: ['units', query], queryFn: () => unwrap(api.GET('/api/units', { params: { query } })), placeholderData: keepPreviousData });
export const unitQueryOptions = (id: string) => queryOptions({ queryKey: ['units', id], queryFn: () => unwrap(api.GET('/api/units/{id}', { params: { path: { id } } })) });
/** Every active unit the user may see, for pickers (the API caps a page at 200). */
export const unitOptionsQueryOptions = () =>
  queryOptions({ queryKey: ['units', 'options'], queryFn: () => unwrap(api.GET('/api/units', { params: { query: { pageSize: 200 } } })), staleTime: 60_000 });

export const useUnits = (query: UnitQuery) => useQuery(unitsQueryOptions(query));
export const useUnit = (id: string) => useQuery(unitQueryOptions(id));
export const useUnitOptions = (enabled = true) => useQuery({ ...unitOptionsQueryOptions(), enabled });

export function useSaveUnit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: Schemas['CreateUnitDto'] | Schemas['UpdateUnitDto'] }) =>
      id ? unwrap(api.PATCH('/api/units/{id}', { params: { path: { id } }, body: body as Schemas['UpdateUnitDto'] })) : unwrap(api.POST('/api/units', { body: body as Schemas['CreateUnitDto'] })),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: ['units'] }), qc.invalidateQueries({ queryKey: ['me'] })]),
  });
}

export function useArchiveUnit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, archived, reason }: { id: string; archived: boolean; reason?: string }) =>
      unwrap(archived
        ? api.POST('/api/units/{id}/archive', { params: { path: { id } }, body: { reason } })
        : api.POST('/api/units/{id}/restore', { params: { path: { id } }, body: { reason } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['units'] }),
  });
}
