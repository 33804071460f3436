import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, download, unwrap, upload, type Schemas } from '@/api/client';

export type Covenant = Schemas['CovenantDto'];
export type CovenantSummary = Schemas['CovenantSummaryDto'];
export type CovenantStatus = Covenant['status'];
export type CovenantTarget = Schemas['CovenantTargetDto'];
export type CovenantUnitProgress = Schemas['CovenantUnitProgressDto'];
export type CovenantCertificate = Schemas['CovenantCertificateDto'];
export type VerifyResult = Schemas['VerifyResultDto'];

export const covenantKeys = {
  all: ['covenants'] as const,
  list: (blockYearId: string) => ['covenants', 'list', blockYearId] as const,
  detail: (id: string) => ['covenants', 'detail', id] as const,
  certificate: (id: string) => ['covenants', 'certificate', id] as const,
};

export const covenantListQueryOptions = (blockYearId: string) =>
  queryOptions({ queryKey: covenantKeys.list(blockYearId), queryFn: () => unwrap(api.GET('/api/covenants', { params: { query: { blockYearId } } })) });
export const covenantQueryOptions = (id: string) =>
  queryOptions({ queryKey: covenantKeys.detail(id), queryFn: () => unwrap(api.GET('/api/covenants/{id}', { params: { path: { id } } })) });
export const covenantCertificateQueryOptions = (id: string) =>
  queryOptions({ queryKey: covenantKeys.certificate(id), queryFn: () => unwrap(api.GET('/api/covenants/{id}/certificate', { params: { path: { id } } })) });

export const useCovenantList = (blockYearId: string) => useQuery(covenantListQueryOptions(blockYearId));
export const useCovenant = (id: string | undefined) => useQuery({ ...covenantQueryOptions(id ?? ''), enabled: !!id });
export const useCovenantCertificate = (id: string, enabled: boolean) => useQuery({ ...covenantCertificateQueryOptions(id), enabled });

/** After a write: the covenant as the server returned it, then everything of the feature refetched. */
function useInvalidateCovenants() {
  const qc = useQueryClient();
  return (data?: Covenant) => {
    if (data) qc.setQueryData(covenantKeys.detail(data.id), data);
    return qc.invalidateQueries({ queryKey: covenantKeys.all });
  };
}

export function useCreateCovenant() {
  const invalidate = useInvalidateCovenants();
  return useMutation({
    mutationFn: (body: Schemas['CreateCovenantDto']) => unwrap(api.POST('/api/covenants', { body })),
    onSuccess: (data) => invalidate(data),
  });
}

export function useUpdateCovenant() {
  const invalidate = useInvalidateCovenants();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Schemas['UpdateCovenantDto'] }) => unwrap(api.PATCH('/api/covenants/{id}', { params: { path: { id } }, body })),
    onSuccess: (data) => invalidate(data),
  });
}

export function useSetCovenantTargets() {
  const invalidate = useInvalidateCovenants();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Schemas['SetCovenantTargetsDto'] }) => unwrap(api.PUT('/api/covenants/{id}/targets', { params: { path: { id } }, body })),
    onSuccess: (data) => invalidate(data),
  });
}

export function useSignCovenant() {
  const invalidate = useInvalidateCovenants();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Schemas['SignCovenantDto'] }) => unwrap(api.POST('/api/covenants/{id}/sign', { params: { path: { id } }, body })),
    onSuccess: (data) => invalidate(data),
  });
}

export function useAmendCovenant() {
  const invalidate = useInvalidateCovenants();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/covenants/{id}/amend', { params: { path: { id } } })),
    onSuccess: (data) => invalidate(data),
  });
}

/** Checks an exported covenant file (multipart field `file`) or a pasted SHA-256. */
export function useVerifyCovenant() {
  return useMutation({
    mutationFn: (input: { file: File } | { sha256: string }) => {
      if ('file' in input) {
        const form = new FormData();
        form.append('file', input.file);
        return upload<VerifyResult>('/api/covenants/verify', form);
      }
      return unwrap(api.POST('/api/covenants/verify', { body: { sha256: input.sha256 } }));
    },
  });
}

/** The covenant as .docx or .pdf with its signature table (the PDF of a covenant in force is the frozen original). */
export const exportCovenant = (c: Pick<Covenant, 'id' | 'year' | 'number'>, format: 'docx' | 'pdf') =>
  download(`/api/covenants/${c.id}/export?format=${format}`, `GU-${c.year}-so${c.number}.${format}`);
