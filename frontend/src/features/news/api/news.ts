import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, upload, type Schemas } from '@/api/client';

export type NewsItem = Schemas['NewsDto'];
export type NewsSummary = Schemas['NewsSummaryDto'];
export type NewsList = Schemas['NewsListDto'];
export type NewsKind = NewsSummary['kind'];
export type NewsStatus = NewsSummary['status'];
export type NewsCounts = Schemas['NewsCountsDto'];

export const newsKeys = {
  all: ['news'] as const,
  list: (q: NewsListQuery) => ['news', 'list', q] as const,
  detail: (id: string) => ['news', 'detail', id] as const,
  links: (blockYearId: string) => ['news', 'links', blockYearId] as const,
  counts: (blockYearId: string) => ['news', 'counts', blockYearId] as const,
};

export interface NewsListQuery {
  blockYearId: string;
  q?: string;
  kind?: NewsKind;
  status?: NewsStatus;
  page?: number;
}

export const newsListQueryOptions = (q: NewsListQuery) =>
  queryOptions({ queryKey: newsKeys.list(q), queryFn: () => unwrap(api.GET('/api/news', { params: { query: { ...q, pageSize: 20 } } })), placeholderData: keepPreviousData });
export const newsQueryOptions = (id: string) =>
  queryOptions({ queryKey: newsKeys.detail(id), queryFn: () => unwrap(api.GET('/api/news/{id}', { params: { path: { id } } })) });

export const useNewsList = (q: NewsListQuery) => useQuery({ ...newsListQueryOptions(q), enabled: !!q.blockYearId });
export const useNews = (id: string) => useQuery(newsQueryOptions(id));
export const usePlanLinks = (blockYearId: string | undefined) =>
  useQuery({ queryKey: newsKeys.links(blockYearId ?? ''), queryFn: () => unwrap(api.GET('/api/news/plan-links', { params: { query: { blockYearId: blockYearId! } } })), enabled: !!blockYearId });
export const useNewsCounts = (blockYearId: string) =>
  useQuery({ queryKey: newsKeys.counts(blockYearId), queryFn: () => unwrap(api.GET('/api/news/counts', { params: { query: { blockYearId } } })), enabled: !!blockYearId });

function useSaved() {
  const qc = useQueryClient();
  return (data: NewsItem) => {
    qc.setQueryData(newsKeys.detail(data.id), data);
    return qc.invalidateQueries({ queryKey: newsKeys.all });
  };
}

export function useCreateNews() {
  const saved = useSaved();
  return useMutation({ mutationFn: (body: Schemas['CreateNewsDto']) => unwrap(api.POST('/api/news', { body })), onSuccess: saved });
}

export function useUpdateNews() {
  const saved = useSaved();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Schemas['UpdateNewsDto'] }) => unwrap(api.PATCH('/api/news/{id}', { params: { path: { id } }, body })),
    onSuccess: saved,
  });
}

export type NewsAction = 'submit' | 'approve';
export function useNewsAction() {
  const saved = useSaved();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: NewsAction }) =>
      unwrap(action === 'submit' ? api.POST('/api/news/{id}/submit', { params: { path: { id } } }) : api.POST('/api/news/{id}/approve', { params: { path: { id } } })),
    onSuccess: saved,
  });
}

export function useReturnNews() {
  const saved = useSaved();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) => unwrap(api.POST('/api/news/{id}/return', { params: { path: { id } }, body: { reason } })),
    onSuccess: saved,
  });
}

export function useFeatureNews() {
  const saved = useSaved();
  return useMutation({
    mutationFn: ({ id, featured }: { id: string; featured: boolean }) => unwrap(api.POST('/api/news/{id}/feature', { params: { path: { id } }, body: { featured } })),
    onSuccess: saved,
  });
}

export function useAddPhoto() {
  const saved = useSaved();
  return useMutation({
    mutationFn: ({ id, file, alt, caption }: { id: string; file: File; alt: string; caption: string }) => {
      const form = new FormData();
      form.append('alt', alt);
      form.append('caption', caption);
      form.append('file', file);
      return upload<NewsItem>(`/api/news/${id}/photos`, form);
    },
    onSuccess: saved,
  });
}

export function useDeletePhoto() {
  const saved = useSaved();
  return useMutation({ mutationFn: (photoId: string) => unwrap(api.DELETE('/api/news/photos/{photoId}', { params: { path: { photoId } } })), onSuccess: saved });
}

export const useNewsOverview = (year: number, enabled: boolean) =>
  useQuery({ queryKey: ['news', 'overview', year], queryFn: () => unwrap(api.GET('/api/news/overview', { params: { query: { year } } })), enabled });

// ─── Register of exemplary models (sổ gương điển hình) ────────────────────────────────────────────

export type ExemplaryModel = Schemas['ExemplaryModelDto'];
export type ModelRegister = Schemas['ModelRegisterDto'];
export type SubjectKind = ExemplaryModel['subjectKind'];

export interface RegisterQuery {
  blockYearId: string;
  unitId?: string;
  q?: string;
  page?: number;
}

export const registerKeys = { all: ['news', 'models'] as const, list: (q: RegisterQuery) => ['news', 'models', 'register', q] as const };

export const useModelRegister = (q: RegisterQuery) =>
  useQuery({
    queryKey: registerKeys.list(q),
    queryFn: () => unwrap(api.GET('/api/news/models/register', { params: { query: { ...q, pageSize: 20 } } })),
    placeholderData: keepPreviousData,
    enabled: !!q.blockYearId,
  });

/** Published exemplary-model stories of one unit in a block year: what a register entry may link. */
export const useUnitStories = (blockYearId: string, unitId: string | undefined) =>
  useQuery({
    queryKey: ['news', 'unit-stories', blockYearId, unitId],
    queryFn: () => unwrap(api.GET('/api/news', { params: { query: { blockYearId, unitId, kind: 'story', status: 'published', pageSize: 200 } } })),
    enabled: !!blockYearId && !!unitId,
  });

export function useSaveModel() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; body: Schemas['UpdateModelDto'] } | { id?: undefined; body: Schemas['CreateModelDto'] }) =>
      v.id
        ? unwrap(api.PATCH('/api/news/models/{id}', { params: { path: { id: v.id } }, body: v.body }))
        : unwrap(api.POST('/api/news/models', { body: v.body as Schemas['CreateModelDto'] })),
    onSuccess: () => qc.invalidateQueries({ queryKey: registerKeys.all }),
  });
}
