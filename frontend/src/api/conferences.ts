import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/api/client';

export type Conference = Schemas['ConferenceDto'];
export type ConferenceSummary = Schemas['ConferenceSummaryDto'];
export type UpcomingConference = Schemas['UpcomingConferenceDto'];
export type AgendaItem = Schemas['ConferenceAgendaItemDto'];
export type Attendance = Schemas['ConferenceAttendanceDto'];
export type Decision = Schemas['ConferenceDecisionDto'];
export type Quorum = Schemas['ConferenceQuorumDto'];
export type Minutes = Schemas['ConferenceMinutesDto'];
export type MinutesContentInput = Schemas['MinutesContentInputDto'];
export type ConferenceKind = Conference['kind'];
export type ConferenceStatus = Conference['status'];
export type MaterialKind = NonNullable<AgendaItem['materialKind']>;
export type DecisionKind = Decision['kind'];
export type Presence = NonNullable<Attendance['presence']>;

/** One piece of material an agenda item may link to: a plan or rules version, or a covenant, of the same block year. */
export interface Material {
  kind: MaterialKind;
  id: string;
  /** e.g. "01/KH-KTĐ4 · phiên bản 2". */
  label: string;
  title: string;
  status: string;
}

/** How often conference mode asks for the live quorum (another device may be checking units in). */
export const QUORUM_POLL_MS = 4000;

const keys = {
  all: ['conferences'] as const,
  list: (blockYearId: string) => ['conferences', 'list', blockYearId] as const,
  upcoming: ['conferences', 'upcoming'] as const,
  one: (id: string) => ['conferences', 'one', id] as const,
  quorum: (id: string) => ['conferences', 'one', id, 'quorum'] as const,
  minutes: (id: string) => ['conferences', 'one', id, 'minutes'] as const,
  materials: (blockYearId: string) => ['conferences', 'materials', blockYearId] as const,
};
export const conferenceKeys = keys;

export const conferencesQueryOptions = (blockYearId: string) =>
  queryOptions({ queryKey: keys.list(blockYearId), queryFn: () => unwrap(api.GET('/api/conferences', { params: { query: { blockYearId } } })) });
export const upcomingConferencesQueryOptions = () =>
  queryOptions({ queryKey: keys.upcoming, queryFn: () => unwrap(api.GET('/api/conferences/upcoming')) });
export const conferenceQueryOptions = (id: string) =>
  queryOptions({ queryKey: keys.one(id), queryFn: () => unwrap(api.GET('/api/conferences/{id}', { params: { path: { id } } })) });
export const quorumQueryOptions = (id: string) =>
  queryOptions({ queryKey: keys.quorum(id), queryFn: () => unwrap(api.GET('/api/conferences/{id}/quorum', { params: { path: { id } } })) });
export const minutesQueryOptions = (id: string) =>
  queryOptions({ queryKey: keys.minutes(id), queryFn: () => unwrap(api.GET('/api/conferences/{id}/minutes', { params: { path: { id } } })) });

const DRAFT_MATERIAL: Record<string, MaterialKind> = { plan: 'plan_version', rules: 'rules_version' };

/** The year's plan versions, rules versions and covenants, from the drafts and covenants modules. */
export const materialsQueryOptions = (blockYearId: string) =>
  queryOptions({
    queryKey: keys.materials(blockYearId),
    queryFn: async (): Promise<Material[]> => {
      const [drafts, covenants] = await Promise.all([
        unwrap(api.GET('/api/drafts', { params: { query: { blockYearId } } })),
        unwrap(api.GET('/api/covenants', { params: { query: { blockYearId } } })),
      ]);
      const out: Material[] = [];
      for (const doc of drafts.items) {
        const kind = DRAFT_MATERIAL[doc.kind];
        if (!kind) continue;
        for (const v of doc.versions) out.push({ kind, id: v.id, label: `${doc.docNumber} · v${v.number}`, title: v.title, status: v.status });
      }
      for (const c of covenants.items) out.push({ kind: 'covenant', id: c.id, label: c.docNumber, title: c.title, status: c.status });
      return out;
    },
  });

export const useConferences = (blockYearId: string) => useQuery(conferencesQueryOptions(blockYearId));
export const useUpcomingConferences = () => useQuery(upcomingConferencesQueryOptions());
/** `liveRefreshMs`: while the session runs, refresh this often (another operator may step or decide). */
export const useConference = (id: string, opts: { liveRefreshMs?: number } = {}) =>
  useQuery({
    ...conferenceQueryOptions(id),
    refetchInterval: (q) => (opts.liveRefreshMs && q.state.data?.status === 'in_session' ? opts.liveRefreshMs : false),
  });
export const useQuorum = (id: string, opts: { refetchInterval?: number | false; enabled?: boolean } = {}) => useQuery({ ...quorumQueryOptions(id), ...opts });
export const useMinutes = (id: string, enabled = true) => useQuery({ ...minutesQueryOptions(id), enabled });
export const useMaterials = (blockYearId: string | undefined, enabled = true) =>
  useQuery({ ...materialsQueryOptions(blockYearId ?? ''), enabled: enabled && !!blockYearId });

/** After a write that answers with the whole conference: show it at once (quorum included), refresh the lists. */
function conferenceChanged(qc: QueryClient, c: Conference) {
  qc.setQueryData(keys.one(c.id), c);
  qc.setQueryData(keys.quorum(c.id), c.quorum);
  return Promise.all([
    qc.invalidateQueries({ queryKey: ['conferences', 'list'] }),
    qc.invalidateQueries({ queryKey: keys.upcoming }),
  ]);
}

function useConferenceMutation<V>(fn: (v: V) => Promise<Conference>, extra?: (qc: QueryClient, c: Conference) => unknown) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (c) => Promise.all([conferenceChanged(qc, c), extra?.(qc, c)]),
  });
}

export type ConferenceInput = Schemas['CreateConferenceDto'];
export type ConferenceUpdate = Schemas['UpdateConferenceDto'];

export const useCreateConference = () =>
  useConferenceMutation((body: ConferenceInput) => unwrap(api.POST('/api/conferences', { body })));

export const useUpdateConference = () =>
  useConferenceMutation(({ id, body }: { id: string; body: ConferenceUpdate }) => unwrap(api.PATCH('/api/conferences/{id}', { params: { path: { id } }, body })));

export function useDeleteConference() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/conferences/{id}', { params: { path: { id } } })),
    onSuccess: (_, id) => {
      qc.removeQueries({ queryKey: keys.one(id) });
      return Promise.all([qc.invalidateQueries({ queryKey: ['conferences', 'list'] }), qc.invalidateQueries({ queryKey: keys.upcoming })]);
    },
  });
}

export type AgendaItemInput = Schemas['ConferenceAgendaItemInputDto'];

export const useAddAgendaItem = () =>
  useConferenceMutation(({ id, body }: { id: string; body: AgendaItemInput }) => unwrap(api.POST('/api/conferences/{id}/agenda', { params: { path: { id } }, body })));

export const useUpdateAgendaItem = () =>
  useConferenceMutation(({ id, itemId, body }: { id: string; itemId: string; body: Schemas['UpdateConferenceAgendaItemDto'] }) =>
    unwrap(api.PATCH('/api/conferences/{id}/agenda/{itemId}', { params: { path: { id, itemId } }, body })));

export const useRemoveAgendaItem = () =>
  useConferenceMutation(({ id, itemId }: { id: string; itemId: string }) => unwrap(api.DELETE('/api/conferences/{id}/agenda/{itemId}', { params: { path: { id, itemId } } })));

export const useReorderAgenda = () =>
  useConferenceMutation(({ id, itemIds }: { id: string; itemIds: string[] }) => unwrap(api.POST('/api/conferences/{id}/agenda/reorder', { params: { path: { id } }, body: { itemIds } })));

export const useReplyToInvitation = () =>
  useConferenceMutation(({ id, unitId, body }: { id: string; unitId: string; body: Schemas['ReplyConferenceInvitationDto'] }) =>
    unwrap(api.POST('/api/conferences/{id}/invitations/{unitId}/reply', { params: { path: { id, unitId } }, body })));

// ---- conference mode

export const useOpenSession = () =>
  useConferenceMutation((id: string) => unwrap(api.POST('/api/conferences/{id}/open', { params: { path: { id } } })));

export const useSetCurrentItem = () =>
  useConferenceMutation(({ id, itemId }: { id: string; itemId: string }) => unwrap(api.POST('/api/conferences/{id}/agenda/{itemId}/current', { params: { path: { id, itemId } } })));

export const useMarkItemDone = () =>
  useConferenceMutation(({ id, itemId }: { id: string; itemId: string }) => unwrap(api.POST('/api/conferences/{id}/agenda/{itemId}/done', { params: { path: { id, itemId } } })));

export const useCheckIn = () =>
  useConferenceMutation(({ id, unitId, body }: { id: string; unitId: string; body: Schemas['ConferenceCheckInDto'] }) =>
    unwrap(api.POST('/api/conferences/{id}/attendance/{unitId}/check-in', { params: { path: { id, unitId } }, body })));

/** Adopting a plan or rules version or opening a covenant's signing changes those documents (and the year's rule set). */
export const useDecide = () =>
  useConferenceMutation(
    ({ id, body }: { id: string; body: Schemas['CreateConferenceDecisionDto'] }) => unwrap(api.POST('/api/conferences/{id}/decisions', { params: { path: { id } }, body })),
    (qc, c) => Promise.all([
      qc.invalidateQueries({ queryKey: keys.materials(c.blockYearId) }),
      qc.invalidateQueries({ queryKey: ['drafts'] }),
      qc.invalidateQueries({ queryKey: ['covenants'] }),
      qc.invalidateQueries({ queryKey: ['block-years'] }),
    ]),
  );

export const useCloseSession = () =>
  useConferenceMutation(
    ({ id, conclusion }: { id: string; conclusion?: string }) => unwrap(api.POST('/api/conferences/{id}/close', { params: { path: { id } }, body: { conclusion } })),
    (qc, c) => qc.invalidateQueries({ queryKey: keys.minutes(c.id) }),
  );

// ---- minutes

function useMinutesMutation<V>(fn: (v: V) => Promise<Minutes>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (m) => {
      qc.setQueryData(keys.minutes(m.conferenceId), m);
      return Promise.all([qc.invalidateQueries({ queryKey: keys.one(m.conferenceId), exact: true }), qc.invalidateQueries({ queryKey: ['conferences', 'list'] })]);
    },
  });
}

export const useEditMinutes = () =>
  useMinutesMutation(({ id, content, version }: { id: string; content: MinutesContentInput; version: number }) =>
    unwrap(api.PATCH('/api/conferences/{id}/minutes', { params: { path: { id } }, body: { content, version } })));

export const useRedraftMinutes = () =>
  useMinutesMutation(({ id, version }: { id: string; version: number }) => unwrap(api.POST('/api/conferences/{id}/minutes/redraft', { params: { path: { id } }, body: { version } })));

export const useApproveMinutes = () =>
  useMinutesMutation(({ id, as, version }: { id: string; as: 'chair' | 'secretary'; version: number }) =>
    unwrap(api.POST('/api/conferences/{id}/minutes/approve', { params: { path: { id } }, body: { as, version } })));

export const minutesExportUrl = (id: string, format: 'docx' | 'pdf') => `/api/conferences/${encodeURIComponent(id)}/minutes/export?format=${format}`;
