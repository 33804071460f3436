import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/api/client';

export type Block = Schemas['BlockDto'];
export type BlockQuery = { page?: number; pageSize?: number; q?: string; kind?: 'khoi' | 'cum'; includeArchived?: boolean };

export const blocksQueryOptions = (query: BlockQuery) =>
  queryOptions({ queryKey: ['blocks', query], queryFn: () => unwrap(api.GET('/api/blocks', { params: { query } })), placeholderData: keepPreviousData });
export const blockQueryOptions = (id: string) => queryOptions({ queryKey: ['blocks', id], queryFn: () => unwrap(api.GET('/api/blocks/{id}', { params: { path: { id } } })) });

export const useBlocks = (query: BlockQuery) => useQuery(blocksQueryOptions(query));
export const useBlock = (id: string) => useQuery(blockQueryOptions(id));

export function useSaveBlock() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: Schemas['CreateBlockDto'] & { version?: number } }) =>
      id ? unwrap(api.PATCH('/api/blocks/{id}', { params: { path: { id } }, body: { ...body, version: body.version! } })) : unwrap(api.POST('/api/blocks', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['blocks'] }),
  });
}

export function useArchiveBlock() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, archived }: { id: string; archived: boolean }) =>
      unwrap(archived ? api.POST('/api/blocks/{id}/archive', { params: { path: { id } }, body: {} }) : api.POST('/api/blocks/{id}/restore', { params: { path: { id } }, body: {} })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['blocks'] }),
  });
}
