import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, download, unwrap, type Schemas } from '@/api/client';
import { blockYearsQueryOptions } from '@/api/block-years';

export type AwardType = Schemas['AwardTypeDto'];
export type AwardRecord = Schemas['AwardRecordDto'];
export type UnitTitle = Schemas['UnitTitleDto'];
export type DisciplineFlag = Schemas['DisciplineFlagDto'];
export type BoardOverview = Schemas['BoardOverviewDto'];
export type OverviewBlockYear = Schemas['OverviewBlockYearDto'];
export type AwardBonuses = Schemas['AwardBonusesDto'];
export type EligibilityReport = Schemas['EligibilityReportDto'];
export type Quota = Schemas['QuotaDto'];

export interface UnitYearFilter { year?: number; unitId?: string }
export interface HistoryFilter { year?: number; code?: string; unitId?: string; includeRevoked?: boolean }

export const awardKeys = {
  all: ['awards'] as const,
  catalogue: (year: number) => ['awards', 'catalogue', year] as const,
  titles: (f: UnitYearFilter) => ['awards', 'titles', f] as const,
  flags: (f: UnitYearFilter) => ['awards', 'flags', f] as const,
  history: (f: HistoryFilter) => ['awards', 'history', f] as const,
  unit: (unitId: string) => ['awards', 'unit', unitId] as const,
  bonuses: (blockYearId: string) => ['awards', 'bonuses', blockYearId] as const,
  eligibility: (blockYearId: string, award: string) => ['awards', 'eligibility', blockYearId, award] as const,
  overview: (year: number) => ['awards', 'overview', year] as const,
};

/** Drops empty filter values so the query string carries only what was chosen. */
const clean = <T extends object>(f: T): T => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined && v !== '' && v !== null)) as T;

export const catalogueQueryOptions = (year: number) =>
  queryOptions({ queryKey: awardKeys.catalogue(year), queryFn: () => unwrap(api.GET('/api/awards/catalogue', { params: { query: { year } } })) });
export const useCatalogue = (year: number) => useQuery(catalogueQueryOptions(year));

export const useUnitTitles = (f: UnitYearFilter, enabled = true) =>
  useQuery({ queryKey: awardKeys.titles(f), queryFn: () => unwrap(api.GET('/api/unit-titles', { params: { query: clean(f) } })), enabled });
export const useDisciplineFlags = (f: UnitYearFilter, enabled = true) =>
  useQuery({ queryKey: awardKeys.flags(f), queryFn: () => unwrap(api.GET('/api/discipline-flags', { params: { query: clean(f) } })), enabled });
export const useAwardHistory = (f: HistoryFilter) =>
  useQuery({ queryKey: awardKeys.history(f), queryFn: () => unwrap(api.GET('/api/award-history', { params: { query: clean(f) } })) });
export const useUnitAwards = (unitId: string) =>
  useQuery({ queryKey: awardKeys.unit(unitId), queryFn: () => unwrap(api.GET('/api/units/{id}/awards', { params: { path: { id: unitId } } })) });
export const useAwardBonuses = (blockYearId: string) =>
  useQuery({ queryKey: awardKeys.bonuses(blockYearId), queryFn: () => unwrap(api.GET('/api/block-years/{id}/award-bonuses', { params: { path: { id: blockYearId } } })) });
export const useEligibility = (blockYearId: string, award: string | undefined) =>
  useQuery({
    queryKey: awardKeys.eligibility(blockYearId, award ?? ''),
    queryFn: () => unwrap(api.GET('/api/block-years/{id}/eligibility', { params: { path: { id: blockYearId }, query: { award: award! } } })),
    enabled: !!award,
  });
export type OverviewStep = Schemas['OverviewStepCountDto']['step'];
export type OverviewSort = Schemas['BoardOverviewDto']['sort'];
export type OverviewPage = { page: number; pageSize: number; q?: string; step?: OverviewStep; late?: boolean; sort?: OverviewSort };
/** One page of the overview (the server searches, filters by step and lateness, sorts and pages); the last page stays while the next loads. */
export const useBoardOverview = (year: number | undefined, page: OverviewPage) =>
  useQuery({
    queryKey: [...awardKeys.overview(year ?? 0), page],
    queryFn: () => unwrap(api.GET('/api/board/overview', { params: { query: { year: year!, ...page } } })),
    enabled: year !== undefined, placeholderData: keepPreviousData,
  });

/** Before April the board still works on last year's dossiers and decisions. */
export const workingYear = (now = new Date()) => (now.getMonth() < 3 ? now.getFullYear() - 1 : now.getFullYear());

/**
 * The year a page opens on when the address names none: the latest year that has block years, up to
 * the working year (one request: the block years in the reader's scope); the working year when there
 * are none or the list fails. Undefined while loading; `enabled` false skips the request.
 */
export function useDefaultYear(enabled = true): number | undefined {
  const years = useQuery({ ...blockYearsQueryOptions(), enabled });
  const cap = workingYear();
  if (!enabled) return cap;
  if (years.isPending) return undefined;
  const past = (years.data ?? []).map((y) => y.year).filter((y) => y <= cap);
  return past.length ? Math.max(...past) : cap;
}

export const exportBoardOverview = (year: number) => download(`/api/board/overview/export?year=${year}`, `tong-quan-${year}.xlsx`);

function useInvalidateAwards() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: awardKeys.all });
}

function useAwardMutation<V, R>(fn: (v: V) => Promise<R>) {
  const invalidate = useInvalidateAwards();
  return useMutation({ mutationFn: fn, onSuccess: () => invalidate() });
}

export const useCreateAwardType = () => useAwardMutation((body: Schemas['CreateAwardTypeDto']) => unwrap(api.POST('/api/awards/catalogue', { body })));
export const useUpdateAwardType = () =>
  useAwardMutation(({ id, body }: { id: string; body: Schemas['UpdateAwardTypeDto'] }) => unwrap(api.PATCH('/api/awards/catalogue/{id}', { params: { path: { id } }, body })));

export const useCreateUnitTitle = () => useAwardMutation((body: Schemas['CreateUnitTitleDto']) => unwrap(api.POST('/api/unit-titles', { body })));
export const useUpdateUnitTitle = () =>
  useAwardMutation(({ id, body }: { id: string; body: Schemas['UpdateUnitTitleDto'] }) => unwrap(api.PATCH('/api/unit-titles/{id}', { params: { path: { id } }, body })));
export const useDeleteUnitTitle = () =>
  useAwardMutation(({ id, reason }: { id: string; reason: string }) => unwrap(api.DELETE('/api/unit-titles/{id}', { params: { path: { id } }, body: { reason } })));

export const useCreateDisciplineFlag = () => useAwardMutation((body: Schemas['CreateDisciplineFlagDto']) => unwrap(api.POST('/api/discipline-flags', { body })));
export const useUpdateDisciplineFlag = () =>
  useAwardMutation(({ id, body }: { id: string; body: Schemas['UpdateDisciplineFlagDto'] }) => unwrap(api.PATCH('/api/discipline-flags/{id}', { params: { path: { id } }, body })));
export const useDeleteDisciplineFlag = () =>
  useAwardMutation(({ id, reason }: { id: string; reason: string }) => unwrap(api.DELETE('/api/discipline-flags/{id}', { params: { path: { id } }, body: { reason } })));

export const useRecordAward = () => useAwardMutation((body: Schemas['RecordAwardDto']) => unwrap(api.POST('/api/award-history', { body })));
export const useRevokeAward = () =>
  useAwardMutation(({ id, body }: { id: string; body: Schemas['RevokeAwardDto'] }) => unwrap(api.POST('/api/award-history/{id}/revoke', { params: { path: { id } }, body })));
