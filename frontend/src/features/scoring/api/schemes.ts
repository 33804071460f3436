import { queryOptions, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, download, unwrap, upload, type Schemas } from '@/api/client';

export type Scheme = Schemas['SchemeDto'];
export type SchemeSummary = Schemas['SchemeSummaryDto'];
export type Criterion = Schemas['CriterionDto'];
export type CriterionType = Criterion['type'];
export type SchemeProblem = Schemas['SchemeProblemDto'];
export type AdjustmentItem = Schemas['AdjustmentItemDto'];
export type CreateCriterionBody = Schemas['CreateCriterionDto'];
export type UpdateCriterionBody = Schemas['UpdateCriterionDto'];

export const schemeKeys = {
  all: ['scoring-schemes'] as const,
  list: (blockYearId: string) => ['scoring-schemes', 'list', blockYearId] as const,
  detail: (id: string) => ['scoring-schemes', 'detail', id] as const,
};

export const schemeListQueryOptions = (blockYearId: string) =>
  queryOptions({ queryKey: schemeKeys.list(blockYearId), queryFn: () => unwrap(api.GET('/api/scoring-schemes', { params: { query: { blockYearId } } })) });
export const schemeQueryOptions = (id: string) =>
  queryOptions({ queryKey: schemeKeys.detail(id), queryFn: () => unwrap(api.GET('/api/scoring-schemes/{id}', { params: { path: { id } } })) });

export const useSchemeList = (blockYearId: string | undefined) => useQuery({ ...schemeListQueryOptions(blockYearId ?? ''), enabled: !!blockYearId });
export const useScheme = (id: string) => useQuery(schemeQueryOptions(id));

/** The lists of several years at once (for "copy from"); a year the reader may not see just yields no data. */
export const useSchemeLists = (blockYearIds: string[]) =>
  useQueries({ queries: blockYearIds.map((id) => ({ ...schemeListQueryOptions(id), retry: false })) });

/** After a write: the scheme as the server returned it, then everything of the feature refetched. */
function useInvalidateSchemes() {
  const qc = useQueryClient();
  return (data?: Scheme) => {
    if (data) qc.setQueryData(schemeKeys.detail(data.id), data);
    return qc.invalidateQueries({ queryKey: schemeKeys.all, predicate: (q) => !data || q.queryKey[2] !== data.id });
  };
}

export function useCreateScheme() {
  const invalidate = useInvalidateSchemes();
  return useMutation({
    mutationFn: (body: Schemas['CreateSchemeDto']) => unwrap(api.POST('/api/scoring-schemes', { body })),
    onSuccess: (data) => invalidate(data),
  });
}

export function useUpdateScheme() {
  const invalidate = useInvalidateSchemes();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Schemas['UpdateSchemeDto'] }) => unwrap(api.PATCH('/api/scoring-schemes/{id}', { params: { path: { id } }, body })),
    onSuccess: (data) => invalidate(data),
  });
}

export function useDeleteScheme() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      unwrap(api.DELETE('/api/scoring-schemes/{id}', { params: { path: { id }, query: { version } } })),
    onSuccess: (_, { id }) => {
      qc.removeQueries({ queryKey: schemeKeys.detail(id) });
      return qc.invalidateQueries({ queryKey: schemeKeys.all });
    },
  });
}

export function useAddCriterion() {
  const invalidate = useInvalidateSchemes();
  return useMutation({
    mutationFn: ({ schemeId, body }: { schemeId: string; body: CreateCriterionBody }) =>
      unwrap(api.POST('/api/scoring-schemes/{id}/criteria', { params: { path: { id: schemeId } }, body })),
    onSuccess: (data) => invalidate(data),
  });
}

export function useUpdateCriterion() {
  const invalidate = useInvalidateSchemes();
  return useMutation({
    mutationFn: ({ schemeId, criterionId, body }: { schemeId: string; criterionId: string; body: UpdateCriterionBody }) =>
      unwrap(api.PATCH('/api/scoring-schemes/{id}/criteria/{criterionId}', { params: { path: { id: schemeId, criterionId } }, body })),
    onSuccess: (data) => invalidate(data),
  });
}

export function useMoveCriterion() {
  const invalidate = useInvalidateSchemes();
  return useMutation({
    mutationFn: ({ schemeId, criterionId, body }: { schemeId: string; criterionId: string; body: Schemas['MoveCriterionDto'] }) =>
      unwrap(api.POST('/api/scoring-schemes/{id}/criteria/{criterionId}/move', { params: { path: { id: schemeId, criterionId } }, body })),
    onSuccess: (data) => invalidate(data),
  });
}

export function useDeleteCriterion() {
  const invalidate = useInvalidateSchemes();
  return useMutation({
    mutationFn: ({ schemeId, criterionId, version }: { schemeId: string; criterionId: string; version: number }) =>
      unwrap(api.DELETE('/api/scoring-schemes/{id}/criteria/{criterionId}', { params: { path: { id: schemeId, criterionId }, query: { version } } })),
    onSuccess: (data) => invalidate(data),
  });
}

/** Replaces the whole tree of a draft with the workbook's rows (multipart field `file`). */
export function useImportScheme() {
  const invalidate = useInvalidateSchemes();
  return useMutation({
    mutationFn: ({ id, file }: { id: string; file: File }) => {
      const form = new FormData();
      form.append('file', file);
      return upload<Scheme>(`/api/scoring-schemes/${id}/import`, form);
    },
    onSuccess: (data) => invalidate(data),
  });
}

export const exportScheme = (s: Pick<SchemeSummary, 'id' | 'versionNo'>) =>
  download(`/api/scoring-schemes/${s.id}/export`, `bieu-cham-diem-v${s.versionNo}.xlsx`);
