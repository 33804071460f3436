import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/api/client';

export type BlockYear = Schemas['BlockYearDto'];
export type BlockYearSummary = Schemas['BlockYearSummaryDto'];

export const blockYearsQueryOptions = (query: { blockId?: string; year?: number } = {}) =>
  queryOptions({ queryKey: ['block-years', query], queryFn: () => unwrap(api.GET('/api/block-years', { params: { query } })) });
export const blockYearQueryOptions = (id: string) =>
  queryOptions({ queryKey: ['block-years', id], queryFn: () => unwrap(api.GET('/api/block-years/{id}', { params: { path: { id } } })) });
export const blockYearDefaultsQueryOptions = (year: number) =>
  queryOptions({ queryKey: ['block-years', 'defaults', year], queryFn: () => unwrap(api.GET('/api/block-years/defaults', { params: { query: { year } } })), staleTime: Infinity });

export const useBlockYears = (query: { blockId?: string; year?: number } = {}) => useQuery(blockYearsQueryOptions(query));
export type BlockYearPageQuery = { year?: number; q?: string; page?: number; pageSize?: number };
/** One year's block years a page at a time (the dashboard); the previous page stays on screen while the next loads. */
/** Fresh for 30 s: the page fetched by the dashboard route's loader is not fetched again when the page mounts. */
export const blockYearPageQueryOptions = (query: BlockYearPageQuery) =>
  queryOptions({ queryKey: ['block-years', 'page', query], queryFn: () => unwrap(api.GET('/api/block-years/page', { params: { query } })), staleTime: 30_000 });
export const useBlockYearPage = (query: BlockYearPageQuery) => useQuery({ ...blockYearPageQueryOptions(query), placeholderData: keepPreviousData });
export const useBlockYear = (id: string) => useQuery(blockYearQueryOptions(id));
export const useBlockYearDefaults = (year: number) => useQuery(blockYearDefaultsQueryOptions(year));
export type YearRights = Schemas['YearRightsDto'];
/** What the user may start in the year (convene, open a round, draft the scheme, assemble the dossier), as the server's policies say. */
export const yearRightsQueryOptions = (id: string) =>
  queryOptions({ queryKey: ['block-years', id, 'rights'], queryFn: () => unwrap(api.GET('/api/block-years/{id}/rights', { params: { path: { id } } })) });
export const useYearRights = (id: string) => useQuery({ ...yearRightsQueryOptions(id), enabled: !!id });

export function useCreateBlockYear() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['CreateBlockYearDto']) => unwrap(api.POST('/api/block-years', { body })),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: ['block-years'] }), qc.invalidateQueries({ queryKey: ['blocks'] })]),
  });
}

export function useUpdateBlockYear() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Schemas['UpdateBlockYearDto'] }) => unwrap(api.PATCH('/api/block-years/{id}', { params: { path: { id } }, body })),
    onSuccess: (data) => {
      qc.setQueryData(['block-years', data.id], data);
      return Promise.all([qc.invalidateQueries({ queryKey: ['block-years'] }), qc.invalidateQueries({ queryKey: ['blocks'] }), qc.invalidateQueries({ queryKey: ['me'] })]);
    },
  });
}

export type TimelineStep = Schemas['TimelineStepDto'];

/** The year's steps derived by the server from its state; refreshed whenever the page is revisited. */
export const blockYearTimelineQueryOptions = (id: string) =>
  queryOptions({ queryKey: ['block-years', id, 'timeline'], queryFn: () => unwrap(api.GET('/api/block-years/{id}/timeline', { params: { path: { id } } })), staleTime: 0 });
export const useBlockYearTimeline = (id: string) => useQuery(blockYearTimelineQueryOptions(id));
