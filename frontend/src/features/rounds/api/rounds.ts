import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/api/client';

export type Round = Schemas['RoundDto'];
export type RoundSummary = Schemas['RoundSummaryDto'];
export type RoundKind = Round['kind'];
export type Phase = Round['phase'];
export type Progress = Schemas['ProgressDto'];
export type ProgressUnit = Schemas['ProgressUnitDto'];
export type UnitStatus = ProgressUnit['status'];
export type Target = Schemas['TargetDto'];
export type Assignments = Schemas['AssignmentsDto'];
export type Assignment = Schemas['AssignmentDto'];
export type SchemeSummary = Schemas['SchemeSummaryDto'];

export const PHASES: Phase[] = ['self_assessment', 'review', 'explanation', 'final_review', 'finalised'];
export const ROUND_KINDS: RoundKind[] = ['mid_year', 'year_end'];
export const phaseIndex = (p: Phase) => PHASES.indexOf(p);
/** The phase the leader may move to by hand (finalising has its own act on the ranking page), or null. */
export const nextManualPhase = (p: Phase): Phase | null => (phaseIndex(p) < phaseIndex('final_review') ? PHASES[phaseIndex(p) + 1] : null);

export const roundKeys = {
  all: ['rounds'] as const,
  list: (blockYearId: string) => ['rounds', 'list', blockYearId] as const,
  detail: (id: string) => ['rounds', 'detail', id] as const,
  progress: (id: string) => ['rounds', 'progress', id] as const,
  targets: (id: string) => ['rounds', 'targets', id] as const,
  assignments: (id: string) => ['rounds', 'assignments', id] as const,
  schemes: (blockYearId: string) => ['rounds', 'schemes', blockYearId] as const,
  scheme: (id: string) => ['rounds', 'scheme', id] as const,
};

export const roundListQueryOptions = (blockYearId: string) =>
  queryOptions({ queryKey: roundKeys.list(blockYearId), queryFn: () => unwrap(api.GET('/api/rounds', { params: { query: { blockYearId } } })) });
export const roundQueryOptions = (id: string) =>
  queryOptions({ queryKey: roundKeys.detail(id), queryFn: () => unwrap(api.GET('/api/rounds/{id}', { params: { path: { id } } })) });

export const useRounds = (blockYearId: string) => useQuery(roundListQueryOptions(blockYearId));
export const useRound = (id: string) => useQuery(roundQueryOptions(id));
/** Who an advance now would hit (units whose self-assessment would be locked), read fresh each time the dialog opens. */
export const useAdvancePreview = (id: string, enabled: boolean) =>
  useQuery({ queryKey: [...roundKeys.detail(id), 'advance-preview'], queryFn: () => unwrap(api.GET('/api/rounds/{id}/advance-preview', { params: { path: { id } } })), enabled, staleTime: 0, gcTime: 0 });
/** Progress of every unit: the leader seat and the board only. Refreshed every minute (time left, last saves). */
export const useProgress = (id: string, enabled: boolean) =>
  useQuery({ queryKey: roundKeys.progress(id), queryFn: () => unwrap(api.GET('/api/rounds/{id}/progress', { params: { path: { id } } })), enabled, refetchInterval: 60_000 });
export const useTargets = (id: string, enabled = true) =>
  useQuery({ queryKey: roundKeys.targets(id), queryFn: () => unwrap(api.GET('/api/rounds/{id}/targets', { params: { path: { id } } })), enabled });
export const useAssignments = (id: string) =>
  useQuery({ queryKey: roundKeys.assignments(id), queryFn: () => unwrap(api.GET('/api/rounds/{id}/assignments', { params: { path: { id } } })) });
/** The year's scheme versions, to pick the one a new round uses. */
export const useSchemes = (blockYearId: string, enabled: boolean) =>
  useQuery({ queryKey: roundKeys.schemes(blockYearId), queryFn: () => unwrap(api.GET('/api/scoring-schemes', { params: { query: { blockYearId } } })), enabled });

/** The round's (frozen) scheme, for the criteria's titles and units of measure. */
export const useScheme = (id: string, enabled: boolean) =>
  useQuery({ queryKey: roundKeys.scheme(id), queryFn: () => unwrap(api.GET('/api/scoring-schemes/{id}', { params: { path: { id } } })), enabled, staleTime: 5 * 60_000 });

/** After a write: the round as returned, then the whole feature refetched (assessments included). */
function useInvalidate() {
  const qc = useQueryClient();
  return (round?: Round) => {
    if (round) qc.setQueryData(roundKeys.detail(round.id), round);
    return Promise.all([qc.invalidateQueries({ queryKey: roundKeys.all }), qc.invalidateQueries({ queryKey: ['assessments'] })]);
  };
}

export function useCreateRound() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: Schemas['CreateRoundDto']) => unwrap(api.POST('/api/rounds', { body })),
    onSuccess: (r) => invalidate(r),
  });
}

export function useUpdateRound() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Schemas['UpdateRoundDto'] }) => unwrap(api.PATCH('/api/rounds/{id}', { params: { path: { id } }, body })),
    onSuccess: (r) => invalidate(r),
  });
}

export function useAdvancePhase() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Schemas['AdvancePhaseDto'] }) => unwrap(api.POST('/api/rounds/{id}/advance', { params: { path: { id } }, body })),
    onSuccess: (r) => invalidate(r),
  });
}

export function useExtendDeadline() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Schemas['ExtensionDto'] }) => unwrap(api.POST('/api/rounds/{id}/extensions', { params: { path: { id } }, body })),
    onSuccess: (r) => invalidate(r),
  });
}

export function useSendReminders() {
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Schemas['ReminderDto'] }) => unwrap(api.POST('/api/rounds/{id}/reminders', { params: { path: { id } }, body })),
  });
}

export function useReturnAssessment() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ roundId, unitId, reason }: { roundId: string; unitId: string; reason: string }) =>
      unwrap(api.POST('/api/rounds/{roundId}/units/{unitId}/return', { params: { path: { roundId, unitId } }, body: { reason } })),
    onSuccess: () => invalidate(),
  });
}

export function useSetTargets() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Schemas['SetTargetsDto'] }) => unwrap(api.PUT('/api/rounds/{id}/targets', { params: { path: { id } }, body })),
    onSuccess: (data, { id }) => {
      qc.setQueryData(roundKeys.targets(id), data);
      return qc.invalidateQueries({ queryKey: ['assessments'] });
    },
  });
}

function useAssignmentsWrite<V>(fn: (v: V) => Promise<Assignments>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (data) => {
      qc.setQueryData(roundKeys.assignments(data.roundId), data);
      return qc.invalidateQueries({ queryKey: roundKeys.all });
    },
  });
}

export const useGenerateAssignments = () =>
  useAssignmentsWrite(({ id, seed }: { id: string; seed?: number }) => unwrap(api.POST('/api/rounds/{id}/assignments/generate', { params: { path: { id } }, body: seed === undefined ? {} : { seed } })));
export const useRecuse = () =>
  useAssignmentsWrite(({ id, reason }: { id: string; reason: string }) => unwrap(api.POST('/api/review-assignments/{id}/recuse', { params: { path: { id } }, body: { reason } })));
export const useReassign = () =>
  useAssignmentsWrite(({ id, unitId }: { id: string; unitId?: string }) => unwrap(api.POST('/api/review-assignments/{id}/reassign', { params: { path: { id } }, body: unitId ? { unitId } : {} })));
