import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap, upload, type Schemas } from '@/api/client';

export type Round = Schemas['RoundDto'];
export type Assessment = Schemas['AssessmentDto'];
export type AssessmentRow = Schemas['AssessmentRowDto'];
export type ScoreRow = Schemas['ScoreRowDto'];
export type SourceScore = Schemas['SourceScoreDto'];
export type Evidence = Schemas['EvidenceDto'];
export type Explanation = Schemas['ExplanationDto'];
export type ScoreInput = Schemas['ScoreInputDto'];
export type Assignments = Schemas['AssignmentsDto'];
export type Assignment = Schemas['AssignmentDto'];
export type Phase = Round['phase'];

/** Who writes a score row from these pages: a peer reviewer, the leader's appraisal, the final score. */
export type ReviewSource = 'peer' | 'leader' | 'final';

const keys = {
  all: ['reviews'] as const,
  round: (id: string) => ['reviews', 'round', id] as const,
  assessment: (roundId: string, unitId: string) => ['reviews', 'assessment', roundId, unitId] as const,
  assignments: (roundId: string) => ['reviews', 'assignments', roundId] as const,
};
export const reviewKeys = keys;

export const roundQueryOptions = (id: string) =>
  queryOptions({ queryKey: keys.round(id), queryFn: () => unwrap(api.GET('/api/rounds/{id}', { params: { path: { id } } })) });
export const assessmentQueryOptions = (roundId: string, unitId: string) =>
  queryOptions({
    queryKey: keys.assessment(roundId, unitId),
    queryFn: () => unwrap(api.GET('/api/rounds/{roundId}/units/{unitId}/assessment', { params: { path: { roundId, unitId } } })),
  });
export const assignmentsQueryOptions = (roundId: string) =>
  queryOptions({ queryKey: keys.assignments(roundId), queryFn: () => unwrap(api.GET('/api/rounds/{id}/assignments', { params: { path: { id: roundId } } })) });

export const useRound = (id: string) => useQuery(roundQueryOptions(id));
export const useAssessment = (roundId: string, unitId: string) => useQuery(assessmentQueryOptions(roundId, unitId));
export const useAssignments = (roundId: string, enabled = true) => useQuery({ ...assignmentsQueryOptions(roundId), enabled });

/**
 * The newer value a 409 `stale_version` carries in `details.current` (null when the row is gone), or
 * undefined when `e` is some other error.
 */
export function staleCurrent<T>(e: unknown): T | null | undefined {
  if (!(e instanceof ApiError) || e.status !== 409 || e.code !== 'stale_version') return undefined;
  return (e.details?.current as T | null | undefined) ?? null;
}

export interface SaveScoreVars {
  roundId: string;
  unitId: string;
  criterionId: string;
  source: ReviewSource;
  body: ScoreInput;
}

function putScore({ roundId, unitId, criterionId, source, body }: SaveScoreVars) {
  const path = { params: { path: { roundId, unitId, criterionId } }, body };
  if (source === 'peer') return api.PUT('/api/rounds/{roundId}/units/{unitId}/reviews/{criterionId}', path);
  if (source === 'leader') return api.PUT('/api/rounds/{roundId}/units/{unitId}/appraisal/{criterionId}', path);
  return api.PUT('/api/rounds/{roundId}/units/{unitId}/final/{criterionId}', path);
}

/** Saves one peer, appraisal or final score row; a 409's newer row: `staleCurrent<ScoreRow>(error)`. */
export function useSaveScore() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: SaveScoreVars) => unwrap(putScore(v)),
    onSettled: (_d, _e, v) => qc.invalidateQueries({ queryKey: keys.assessment(v.roundId, v.unitId) }),
  });
}

export interface SaveExplanationVars {
  roundId: string;
  unitId: string;
  criterionId: string;
  text: string;
  version: number;
}

/** Saves the unit's answer to a lowered score; a 409's newer text: `staleCurrent<Explanation>(error)`. */
export function useSaveExplanation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ roundId, unitId, criterionId, text, version }: SaveExplanationVars) =>
      unwrap(api.PUT('/api/rounds/{roundId}/units/{unitId}/explanations/{criterionId}', { params: { path: { roundId, unitId, criterionId } }, body: { text, version } })),
    onSettled: (_d, _e, v) => qc.invalidateQueries({ queryKey: keys.assessment(v.roundId, v.unitId) }),
  });
}

/** Uploads evidence for an explanation (purpose=explanation). */
export function useUploadExplanationEvidence() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ roundId, unitId, criterionId, file }: { roundId: string; unitId: string; criterionId: string; file: File }) => {
      const form = new FormData();
      form.append('file', file);
      const url = `/api/rounds/${encodeURIComponent(roundId)}/units/${encodeURIComponent(unitId)}/evidence/${encodeURIComponent(criterionId)}?purpose=explanation`;
      return upload<Evidence>(url, form);
    },
    onSuccess: (_d, v) => qc.invalidateQueries({ queryKey: keys.assessment(v.roundId, v.unitId) }),
  });
}

export function useDeleteEvidence() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id }: { id: string; roundId: string; unitId: string }) => unwrap(api.DELETE('/api/evidence/{id}', { params: { path: { id } } })),
    onSuccess: (_d, v) => qc.invalidateQueries({ queryKey: keys.assessment(v.roundId, v.unitId) }),
  });
}

/** The reviewer declines an assignment (conflict of interest) with a reason. */
export function useRecuse() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ assignmentId, reason }: { assignmentId: string; reason: string; roundId: string }) =>
      unwrap(api.POST('/api/review-assignments/{id}/recuse', { params: { path: { id: assignmentId } }, body: { reason } })),
    onSuccess: (data, v) => {
      qc.setQueryData(keys.assignments(v.roundId), data);
      // The round page (another feature) lists the unit's assignments too.
      return Promise.all([qc.invalidateQueries({ queryKey: keys.all }), qc.invalidateQueries({ queryKey: ['rounds'] })]);
    },
  });
}

export const evidenceUrl = (id: string) => `/api/evidence/${encodeURIComponent(id)}`;
