import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap, upload, type Schemas } from '@/api/client';

export type Assessment = Schemas['AssessmentDto'];
export type AssessmentRow = Schemas['AssessmentRowDto'];
export type AssessmentStatus = Assessment['status'];
export type ScoreRow = Schemas['ScoreRowDto'];
export type ScoreInput = Schemas['ScoreInputDto'];
export type Evidence = Schemas['EvidenceDto'];
export type CriterionType = AssessmentRow['type'];

export const assessmentKeys = {
  all: ['assessments'] as const,
  detail: (roundId: string, unitId: string) => ['assessments', roundId, unitId] as const,
};

export const assessmentQueryOptions = (roundId: string, unitId: string) =>
  queryOptions({
    queryKey: assessmentKeys.detail(roundId, unitId),
    queryFn: () => unwrap(api.GET('/api/rounds/{roundId}/units/{unitId}/assessment', { params: { path: { roundId, unitId } } })),
  });

export const useAssessment = (roundId: string, unitId: string) => useQuery(assessmentQueryOptions(roundId, unitId));

/** What one autosave of a criterion came to. */
export type SaveOutcome =
  | { kind: 'saved'; row: ScoreRow }
  /** Someone saved the row first: the server's newer row (null when it no longer exists). */
  | { kind: 'stale'; current: ScoreRow | null; message: string }
  | { kind: 'error'; status: number; code: string; message: string };

/** PUT …/self/:criterionId with the row's version; a 409 `stale_version` carries the newer row in `details.current`. */
export async function saveSelfScore(roundId: string, unitId: string, criterionId: string, body: ScoreInput): Promise<SaveOutcome> {
  try {
    const data = await unwrap(api.PUT('/api/rounds/{roundId}/units/{unitId}/self/{criterionId}', { params: { path: { roundId, unitId, criterionId } }, body }));
    return { kind: 'saved', row: data.row };
  } catch (e) {
    if (!(e instanceof ApiError)) return { kind: 'error', status: 0, code: 'client_error', message: String(e) };
    if (e.status === 409 && e.code === 'stale_version') return { kind: 'stale', current: (e.details?.current as ScoreRow | null | undefined) ?? null, message: e.message };
    return { kind: 'error', status: e.status, code: e.code, message: e.message };
  }
}

export const uploadEvidence = (roundId: string, unitId: string, criterionId: string, file: File) => {
  const form = new FormData();
  form.append('file', file, file.name);
  return upload<Evidence>(`/api/rounds/${roundId}/units/${unitId}/evidence/${criterionId}`, form);
};

export const deleteEvidence = (id: string) => unwrap(api.DELETE('/api/evidence/{id}', { params: { path: { id } } }));

export const evidenceHref = (id: string) => `/api/evidence/${id}`;

/** Submit, confirm, withdraw: the server answers with the whole assessment. */
function useAssessmentAction<V>(fn: (v: V) => Promise<Assessment>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (data) => {
      qc.setQueryData(assessmentKeys.detail(data.roundId, data.unitId), data);
      return qc.invalidateQueries({ queryKey: ['rounds'] });
    },
  });
}

type Target = { roundId: string; unitId: string };
export const useSubmitAssessment = () =>
  useAssessmentAction(({ roundId, unitId }: Target) => unwrap(api.POST('/api/rounds/{roundId}/units/{unitId}/submit', { params: { path: { roundId, unitId } } })));
export const useConfirmAssessment = () =>
  useAssessmentAction(({ roundId, unitId }: Target) => unwrap(api.POST('/api/rounds/{roundId}/units/{unitId}/confirm', { params: { path: { roundId, unitId } } })));
export const useWithdrawAssessment = () =>
  useAssessmentAction(({ roundId, unitId, reason }: Target & { reason?: string }) =>
    unwrap(api.POST('/api/rounds/{roundId}/units/{unitId}/withdraw', { params: { path: { roundId, unitId } }, body: reason ? { reason } : {} })));
export const useReturnFromAssessment = () =>
  useAssessmentAction(({ roundId, unitId, reason }: Target & { reason: string }) =>
    unwrap(api.POST('/api/rounds/{roundId}/units/{unitId}/return', { params: { path: { roundId, unitId } }, body: { reason } })));
