import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, download, unwrap, type Schemas } from '@/api/client';

export type DraftKind = Schemas['DraftDocumentDto']['kind'];
export type DraftStatus = Schemas['DraftVersionDto']['status'];
export type DraftDocument = Schemas['DraftDocumentDto'];
export type DraftVersion = Schemas['DraftVersionDto'];
export type DraftVersionSummary = Schemas['DraftVersionSummaryDto'];
export type DraftSection = Schemas['DraftSectionDto'];
export type DraftComment = Schemas['DraftCommentDto'];
export type DraftDiff = Schemas['DraftDiffDto'];
export type SectionDiff = Schemas['SectionDiffDto'];
export type DiffRow = Schemas['DiffRowDto'];
export type PlanData = Schemas['PlanDataDto'];
export type PlanDataInput = Schemas['PlanDataInputDto'];
export type PlanProgress = Schemas['PlanProgressDto'];
export type PlanActivity = Schemas['PlanActivityDto'];
export type ActivityStatus = PlanActivity['status'];

/** Everything of this feature sits under the `drafts` key; a write invalidates what it touched. */
export const draftKeys = {
  all: ['drafts'] as const,
  list: (blockYearId: string, kind: DraftKind) => ['drafts', 'list', blockYearId, kind] as const,
  version: (id: string) => ['drafts', 'version', id] as const,
  comments: (versionId: string) => ['drafts', 'comments', versionId] as const,
  diff: (id: string, against: string) => ['drafts', 'diff', id, against] as const,
  progress: (blockYearId: string) => ['drafts', 'progress', blockYearId] as const,
};

export const draftListQueryOptions = (blockYearId: string, kind: DraftKind) =>
  queryOptions({ queryKey: draftKeys.list(blockYearId, kind), queryFn: () => unwrap(api.GET('/api/drafts', { params: { query: { blockYearId, kind } } })) });
export const draftVersionQueryOptions = (id: string) =>
  queryOptions({ queryKey: draftKeys.version(id), queryFn: () => unwrap(api.GET('/api/drafts/versions/{id}', { params: { path: { id } } })) });
export const draftCommentsQueryOptions = (versionId: string) =>
  queryOptions({ queryKey: draftKeys.comments(versionId), queryFn: () => unwrap(api.GET('/api/drafts/versions/{id}/comments', { params: { path: { id: versionId }, query: {} } })) });
export const draftDiffQueryOptions = (id: string, against: string) =>
  queryOptions({ queryKey: draftKeys.diff(id, against), queryFn: () => unwrap(api.GET('/api/drafts/versions/{id}/diff', { params: { path: { id }, query: { against } } })) });
export const planProgressQueryOptions = (blockYearId: string) =>
  queryOptions({ queryKey: draftKeys.progress(blockYearId), queryFn: () => unwrap(api.GET('/api/drafts/plan-activities', { params: { query: { blockYearId } } })) });
/** The conference that adopted a version (its title and date are printed with the adoption). */
export const adoptingConferenceQueryOptions = (id: string) =>
  queryOptions({ queryKey: ['conferences', 'one', id] as const, queryFn: () => unwrap(api.GET('/api/conferences/{id}', { params: { path: { id } } })), staleTime: 5 * 60_000 });

export const useDraftList = (blockYearId: string, kind: DraftKind) => useQuery(draftListQueryOptions(blockYearId, kind));
export const useDraftVersion = (id: string | undefined) => useQuery({ ...draftVersionQueryOptions(id ?? ''), enabled: !!id });
export const useDraftComments = (versionId: string, enabled: boolean) => useQuery({ ...draftCommentsQueryOptions(versionId), enabled });
export const useDraftDiff = (id: string | undefined, against: string | undefined) =>
  useQuery({ ...draftDiffQueryOptions(id ?? '', against ?? ''), enabled: !!id && !!against && id !== against });
export const usePlanProgress = (blockYearId: string, enabled = true) => useQuery({ ...planProgressQueryOptions(blockYearId), enabled });
export const useAdoptingConference = (id: string | null | undefined) => useQuery({ ...adoptingConferenceQueryOptions(id ?? ''), enabled: !!id, retry: false });

/** After a write to a version: its own data, the document's version list and its comments. */
function useInvalidateDrafts() {
  const qc = useQueryClient();
  return (data?: { id: string }) => {
    if (data && 'sections' in data) qc.setQueryData(draftKeys.version(data.id), data as DraftVersion);
    return qc.invalidateQueries({ queryKey: draftKeys.all });
  };
}

export function useCreateDraft() {
  const invalidate = useInvalidateDrafts();
  return useMutation({
    mutationFn: (body: Schemas['CreateDraftDocumentDto']) => unwrap(api.POST('/api/drafts', { body })),
    onSuccess: () => invalidate(),
  });
}

export function useUpdateSection() {
  const invalidate = useInvalidateDrafts();
  return useMutation({
    mutationFn: ({ versionId, key, body }: { versionId: string; key: string; body: Schemas['UpdateSectionDto'] }) =>
      unwrap(api.PATCH('/api/drafts/versions/{id}/sections/{key}', { params: { path: { id: versionId, key } }, body })),
    onSuccess: (data) => invalidate(data),
  });
}

export function useAddSection() {
  const invalidate = useInvalidateDrafts();
  return useMutation({
    mutationFn: ({ versionId, body }: { versionId: string; body: Schemas['AddSectionDto'] }) =>
      unwrap(api.POST('/api/drafts/versions/{id}/sections', { params: { path: { id: versionId } }, body })),
    onSuccess: (data) => invalidate(data),
  });
}

export function useDeleteSection() {
  const invalidate = useInvalidateDrafts();
  return useMutation({
    mutationFn: ({ versionId, key, rev }: { versionId: string; key: string; rev: number }) =>
      unwrap(api.DELETE('/api/drafts/versions/{id}/sections/{key}', { params: { path: { id: versionId, key }, query: { rev } } })),
    onSuccess: (data) => invalidate(data),
  });
}

/** Title, plan data or rule set of the draft version (sends the record `version` it was read at). */
export function useUpdateVersion() {
  const invalidate = useInvalidateDrafts();
  return useMutation({
    mutationFn: ({ versionId, body }: { versionId: string; body: Schemas['UpdateDraftVersionDto'] }) =>
      unwrap(api.PATCH('/api/drafts/versions/{id}', { params: { path: { id: versionId } }, body })),
    onSuccess: (data) => invalidate(data),
  });
}

export function useCirculate() {
  const invalidate = useInvalidateDrafts();
  return useMutation({
    mutationFn: (versionId: string) => unwrap(api.POST('/api/drafts/versions/{id}/circulate', { params: { path: { id: versionId } } })),
    onSuccess: (data) => invalidate(data),
  });
}

export function useRevise() {
  const invalidate = useInvalidateDrafts();
  return useMutation({
    mutationFn: (versionId: string) => unwrap(api.POST('/api/drafts/versions/{id}/revise', { params: { path: { id: versionId } } })),
    onSuccess: (data) => invalidate(data),
  });
}

export function useAddComment() {
  const invalidate = useInvalidateDrafts();
  return useMutation({
    mutationFn: ({ versionId, body }: { versionId: string; body: Schemas['CreateCommentDto'] }) =>
      unwrap(api.POST('/api/drafts/versions/{id}/comments', { params: { path: { id: versionId } }, body })),
    onSuccess: () => invalidate(),
  });
}

export function useResolveComment() {
  const invalidate = useInvalidateDrafts();
  return useMutation({
    mutationFn: ({ id, resolved }: { id: string; resolved: boolean }) =>
      unwrap(resolved
        ? api.POST('/api/drafts/comments/{id}/resolve', { params: { path: { id } } })
        : api.POST('/api/drafts/comments/{id}/reopen', { params: { path: { id } } })),
    onSuccess: () => invalidate(),
  });
}

export function useUpdateActivity() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Schemas['UpdatePlanActivityDto'] }) =>
      unwrap(api.PATCH('/api/drafts/plan-activities/{id}', { params: { path: { id } }, body })),
    onSuccess: (data) => {
      qc.setQueryData(draftKeys.progress(data.blockYearId), data);
      return qc.invalidateQueries({ queryKey: draftKeys.progress(data.blockYearId) });
    },
  });
}

/** KH (plan) or QC (rules) as .docx or .pdf, in the Nghị định 30/2020 layout. */
export const exportDraftVersion = (v: Pick<DraftVersion, 'id' | 'kind' | 'year' | 'number'>, format: 'docx' | 'pdf') =>
  download(`/api/drafts/versions/${v.id}/export?format=${format}`, `${v.kind === 'plan' ? 'KH' : 'QC'}-${v.year}-v${v.number}.${format}`);
