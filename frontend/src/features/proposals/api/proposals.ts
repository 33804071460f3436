import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, unwrap, upload, type Schemas } from '@/api/client';

export type Proposal = Schemas['ProposalDto'];
export type ProposalSummary = Schemas['ProposalSummaryDto'];
export type ProposalStatus = ProposalSummary['status'];
export type Checklist = Schemas['ChecklistDto'];
export type ChecklistItem = Schemas['ChecklistItemDto'];
export type Nominee = Schemas['NomineeDto'];
export type Report = Schemas['ReportDto'];
export type Decision = Schemas['DecisionDto'];
export type CitedModel = Schemas['CitedModelDto'];
export type Appraisal = Schemas['AppraisalDto'];
export type CityQuota = Schemas['CityQuotaDto'];
export type QuotaUse = Schemas['QuotaUseDto'];
export type Breach = Schemas['BreachDto'];
export type Setting = Schemas['SettingDto'];
export type LetterInput = Schemas['UpdateLetterDto'];
export type DecisionInput = Schemas['RecordDecisionDto'];

export interface ProposalQuery { status?: ProposalStatus; year?: number; blockYearId?: string }

const keys = {
  all: ['proposals'] as const,
  list: (q: ProposalQuery) => ['proposals', 'list', q] as const,
  one: (id: string) => ['proposals', 'one', id] as const,
  checklist: (id: string) => ['proposals', 'one', id, 'checklist'] as const,
  appraisal: (id: string) => ['proposals', 'one', id, 'appraisal'] as const,
  quota: (year: number) => ['proposals', 'quota', year] as const,
  setting: (year: number) => ['proposals', 'setting', year] as const,
};
export const proposalKeys = keys;

export const proposalsQueryOptions = (q: ProposalQuery) =>
  queryOptions({ queryKey: keys.list(q), queryFn: () => unwrap(api.GET('/api/proposals', { params: { query: q } })) });
export const proposalQueryOptions = (id: string) =>
  queryOptions({ queryKey: keys.one(id), queryFn: () => unwrap(api.GET('/api/proposals/{id}', { params: { path: { id } } })) });
export const checklistQueryOptions = (id: string) =>
  queryOptions({ queryKey: keys.checklist(id), queryFn: () => unwrap(api.GET('/api/proposals/{id}/checklist', { params: { path: { id } } })) });
export const appraisalQueryOptions = (id: string) =>
  queryOptions({ queryKey: keys.appraisal(id), queryFn: () => unwrap(api.GET('/api/proposals/{id}/appraisal', { params: { path: { id } } })) });
export const quotaQueryOptions = (year: number) =>
  queryOptions({ queryKey: keys.quota(year), queryFn: () => unwrap(api.GET('/api/proposals/quota-use', { params: { query: { year } } })) });
export const settingQueryOptions = (year: number) =>
  queryOptions({ queryKey: keys.setting(year), queryFn: () => unwrap(api.GET('/api/proposals/settings', { params: { query: { year } } })) });

export const useProposals = (q: ProposalQuery, enabled = true) => useQuery({ ...proposalsQueryOptions(q), enabled, placeholderData: keepPreviousData });
export const useProposal = (id: string) => useQuery(proposalQueryOptions(id));
export const useChecklist = (id: string) => useQuery(checklistQueryOptions(id));
export const useAppraisal = (id: string, enabled: boolean) => useQuery({ ...appraisalQueryOptions(id), enabled });
export const useCityQuota = (year: number, enabled: boolean) => useQuery({ ...quotaQueryOptions(year), enabled });
export const useSetting = (year: number) => useQuery(settingQueryOptions(year));

/** A write answering with the whole dossier: show it at once, refresh everything else of the feature. */
function proposalChanged(qc: QueryClient, p: Proposal) {
  qc.setQueryData(keys.one(p.id), p);
  return qc.invalidateQueries({ queryKey: keys.all, predicate: (q) => !(q.queryKey[1] === 'one' && q.queryKey[2] === p.id && q.queryKey.length === 3) });
}

function useProposalMutation<V>(fn: (v: V) => Promise<Proposal>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: (p) => proposalChanged(qc, p) });
}

export const useCreateProposal = () =>
  useProposalMutation((blockYearId: string) => unwrap(api.POST('/api/proposals', { body: { blockYearId } })));
export const useUpdateLetter = (id: string) =>
  useProposalMutation((body: LetterInput) => unwrap(api.PATCH('/api/proposals/{id}/letter', { params: { path: { id } }, body })));
export const useSubmitProposal = (id: string) =>
  useProposalMutation(() => unwrap(api.POST('/api/proposals/{id}/submit', { params: { path: { id } } })));
/** Hủy: the leader or deputy seat, while the dossier is being assembled or was returned; a reason is required. */
export const useCancelProposal = (id: string) =>
  useProposalMutation((reason: string) => unwrap(api.POST('/api/proposals/{id}/cancel', { params: { path: { id } }, body: { reason } })));
export const useStartAppraisal = (id: string) =>
  useProposalMutation(() => unwrap(api.POST('/api/proposals/{id}/appraisal/start', { params: { path: { id } } })));
export const useReturnProposal = (id: string) =>
  useProposalMutation((reason: string) => unwrap(api.POST('/api/proposals/{id}/return', { params: { path: { id } }, body: { reason } })));
export const useApproveProposal = (id: string) =>
  useProposalMutation((reason?: string) => unwrap(api.POST('/api/proposals/{id}/approve', { params: { path: { id } }, body: reason ? { reason } : {} })));
/** Trích dẫn gương điển hình: the register entries a nominee unit's row cites (the list replaces the previous one). */
export const useCiteModels = (id: string) =>
  useProposalMutation(({ unitId, modelIds }: { unitId: string; modelIds: string[] }) =>
    unwrap(api.PUT('/api/proposals/{id}/nominees/{unitId}/models', { params: { path: { id, unitId } }, body: { modelIds } })));
/** A unit's entries in the exemplary-model register (news module's API), for a dossier to cite. */
export const useUnitModels = (unitId: string, enabled: boolean) =>
  useQuery({ queryKey: ['news', 'models', unitId], queryFn: () => unwrap(api.GET('/api/news/models', { params: { query: { unitId } } })), enabled });
export const useRecordDecision = (id: string) =>
  useProposalMutation((body: DecisionInput) => unwrap(api.POST('/api/proposals/{id}/decisions', { params: { path: { id } }, body })));

export function useUploadReport(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ unitId, file }: { unitId: string; file: File }) => {
      const form = new FormData();
      form.append('file', file);
      return upload<Report>(`/api/proposals/${encodeURIComponent(id)}/reports/${encodeURIComponent(unitId)}`, form);
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.all }),
  });
}

export const useWorkCalendar = (year: number) =>
  useQuery({ queryKey: ['proposals', 'work-calendar', year] as const, queryFn: () => unwrap(api.GET('/api/proposals/work-calendar', { params: { query: { year } } })) });

/** The board enters a year's days off and make-up days; the dossiers' deadlines are read again. */
export function useUpdateWorkCalendar(year: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['UpdateWorkCalendarDto']) => unwrap(api.PUT('/api/proposals/work-calendar', { params: { query: { year } }, body })),
    onSuccess: (c) => {
      qc.setQueryData(['proposals', 'work-calendar', year], c);
      return qc.invalidateQueries({ queryKey: keys.all });
    },
  });
}

export function useUpdateSetting(year: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['UpdateSettingDto']) => unwrap(api.PATCH('/api/proposals/settings', { params: { query: { year } }, body })),
    onSuccess: (s) => {
      qc.setQueryData(keys.setting(year), s);
      return qc.invalidateQueries({ queryKey: ['proposals', 'list'] });
    },
  });
}

/** Download addresses (same session cookie, so plain links work). */
export const documentUrls = {
  letter: (id: string, format: 'docx' | 'pdf') => `/api/proposals/${id}/documents/letter?format=${format}`,
  nominees: (id: string, format: 'docx' | 'pdf') => `/api/proposals/${id}/documents/nominees?format=${format}`,
  minutes: (id: string, format: 'docx' | 'pdf') => `/api/proposals/${id}/documents/minutes?format=${format}`,
  scoreAnnex: (id: string, format: 'xlsx' | 'pdf') => `/api/proposals/${id}/documents/score-annex?format=${format}`,
  tally: (id: string, ballotId: string, format: 'docx' | 'pdf') => `/api/proposals/${id}/documents/tally-records/${ballotId}?format=${format}`,
  decisionList: (id: string, format: 'docx' | 'pdf', decisionNumber?: string) =>
    `/api/proposals/${id}/documents/decision-list?format=${format}${decisionNumber ? `&decisionNumber=${encodeURIComponent(decisionNumber)}` : ''}`,
  bundle: (id: string) => `/api/proposals/${id}/bundle`,
  report: (id: string, reportId: string) => `/api/proposals/${id}/reports/${reportId}/file`,
};
