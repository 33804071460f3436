import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, download, unwrap, type Schemas } from '@/api/client';

export type Ballot = Schemas['BallotDto'];
export type BallotSummary = Schemas['BallotSummaryDto'];
export type BallotResult = Schemas['BallotResultDto'];
export type TallyRecord = Schemas['TallyRecordDto'];
export type SeatSuggestion = Schemas['SeatSuggestionDto'];
export type Eligibility = Schemas['EligibilityReportDto'];
export type AwardType = Schemas['AwardTypeDto'];
export type BallotMode = Ballot['mode'];
export type PaperTallyInput = Schemas['PaperTallyDto'];

/** While a ballot is open, everyone sees the count of ballots cast refresh this often. */
export const BALLOT_POLL_MS = 3000;

const keys = {
  all: ['ballots'] as const,
  list: (conferenceId: string) => ['ballots', 'list', conferenceId] as const,
  one: (id: string) => ['ballots', 'one', id] as const,
  seats: (blockYearId: string) => ['ballots', 'seats', blockYearId] as const,
  eligibility: (blockYearId: string, award: string) => ['ballots', 'eligibility', blockYearId, award] as const,
  catalogue: (year: number) => ['ballots', 'catalogue', year] as const,
};
export const ballotKeys = keys;

export const ballotsQueryOptions = (conferenceId: string) =>
  queryOptions({ queryKey: keys.list(conferenceId), queryFn: () => unwrap(api.GET('/api/ballots', { params: { query: { conferenceId } } })) });
export const ballotQueryOptions = (id: string) =>
  queryOptions({ queryKey: keys.one(id), queryFn: () => unwrap(api.GET('/api/ballots/{id}', { params: { path: { id } } })) });
export const seatSuggestionQueryOptions = (blockYearId: string) =>
  queryOptions({ queryKey: keys.seats(blockYearId), queryFn: () => unwrap(api.GET('/api/block-years/{id}/seat-suggestion', { params: { path: { id: blockYearId }, query: {} } })) });
export const eligibilityQueryOptions = (blockYearId: string, award: string) =>
  queryOptions({ queryKey: keys.eligibility(blockYearId, award), queryFn: () => unwrap(api.GET('/api/block-years/{id}/eligibility', { params: { path: { id: blockYearId }, query: { award } } })) });
export const catalogueQueryOptions = (year: number) =>
  queryOptions({ queryKey: keys.catalogue(year), queryFn: () => unwrap(api.GET('/api/awards/catalogue', { params: { query: { year } } })) });

export const useBallots = (conferenceId: string, live = false) =>
  useQuery({ ...ballotsQueryOptions(conferenceId), refetchInterval: live ? BALLOT_POLL_MS : false });
/** Polls while the ballot is open (votes arrive from other devices). */
export const useBallot = (id: string) =>
  useQuery({ ...ballotQueryOptions(id), refetchInterval: (q) => (q.state.data?.status === 'open' ? BALLOT_POLL_MS : false) });
export const useSeatSuggestion = (blockYearId: string | undefined) => useQuery({ ...seatSuggestionQueryOptions(blockYearId ?? ''), enabled: !!blockYearId });
/** The suggestion a trial rotation order gives (nothing is saved); the last answer stays while the next loads. */
export const useTrialSuggestion = (blockYearId: string, order: string[] | null) => useQuery({
  queryKey: [...keys.seats(blockYearId), 'trial', order?.join(',')],
  queryFn: () => unwrap(api.GET('/api/block-years/{id}/seat-suggestion', { params: { path: { id: blockYearId }, query: { rotationOrder: order!.join(',') } } })),
  enabled: !!order,
  placeholderData: (previous) => previous,
});
export const useEligibility = (blockYearId: string, award: string | undefined) =>
  useQuery({ ...eligibilityQueryOptions(blockYearId, award ?? ''), enabled: !!award });
export const useCatalogue = (year: number | undefined) => useQuery({ ...catalogueQueryOptions(year ?? 0), enabled: !!year });

/** A write that answers with a ballot: show it at once, refresh the lists. */
function useBallotMutation<V>(fn: (v: V) => Promise<Ballot>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (b) => {
      qc.setQueryData(keys.one(b.id), b);
      return qc.invalidateQueries({ queryKey: keys.all });
    },
  });
}

export const useOpenBallot = () =>
  useBallotMutation((body: Schemas['OpenBallotDto']) => unwrap(api.POST('/api/ballots', { body })));
/**
 * Casting: the paper is encrypted and proved here, in the browser, with the ballot's public key; only the
 * ciphertexts leave this device. The receipt the server answers with is kept on this device (it says
 * nothing about the content) so the unit can find it in the published list later.
 */
export const useCastVote = () =>
  useBallotMutation(async ({ ballot, approvals }: { ballot: Ballot; approvals: string[] }) => {
    if (!ballot.publicKey) throw new Error('ballot has no public key');
    // The elliptic-curve code is fetched when a member votes, not with every ballot page.
    const { encryptPaper } = await import('@ballot-crypto');
    const paper = encryptPaper(
      { ballotId: ballot.id, publicKey: ballot.publicKey, candidates: ballot.candidates.length, quota: ballot.quota },
      ballot.candidates.map((c) => approvals.includes(c.unitId)),
    );
    const answer = await unwrap(api.POST('/api/ballots/{id}/votes', { params: { path: { id: ballot.id } }, body: { paper } }));
    if (answer.receipt) saveReceipt(ballot.id, answer.receipt);
    return answer;
  });

const receiptKey = (ballotId: string) => `thidua.ballot-receipt.${ballotId}`;
function saveReceipt(ballotId: string, receipt: string): void {
  try { localStorage.setItem(receiptKey(ballotId), receipt); } catch { /* private mode: the receipt is still shown once */ }
}
/** The receipt this device received when it cast the ballot, if any. */
export function savedReceipt(ballotId: string): string | null {
  try { return localStorage.getItem(receiptKey(ballotId)); } catch { return null; }
}
export const useCloseBallot = () =>
  useBallotMutation((id: string) => unwrap(api.POST('/api/ballots/{id}/close', { params: { path: { id } } })));
export const usePaperTally = () =>
  useBallotMutation(({ id, body }: { id: string; body: PaperTallyInput }) => unwrap(api.POST('/api/ballots/{id}/paper-tally', { params: { path: { id } }, body })));
export const useRevote = () =>
  useBallotMutation(({ id, mode }: { id: string; mode?: BallotMode }) => unwrap(api.POST('/api/ballots/{id}/revote', { params: { path: { id } }, body: mode ? { mode } : {} })));

export function useSignTallyRecord() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Schemas['SignTallyRecordDto'] }) =>
      unwrap(api.POST('/api/ballots/{id}/tally-record/sign', { params: { path: { id } }, body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.all }),
  });
}

export const exportTallyRecord = (id: string, format: 'docx' | 'pdf') =>
  download(`/api/ballots/${id}/tally-record/export?format=${format}`, `bien-ban-kiem-phieu.${format}`);

export function useElectSeats() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ blockYearId, body }: { blockYearId: string; body: Schemas['ElectSeatsDto'] }) =>
      unwrap(api.POST('/api/block-years/{id}/seat-election', { params: { path: { id: blockYearId } }, body })),
    onSuccess: (s) => {
      qc.setQueryData(keys.seats(s.blockYearId), s);
    },
  });
}

export function useStartNextYear() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (blockYearId: string) => unwrap(api.POST('/api/block-years/{id}/next-year', { params: { path: { id: blockYearId } } })),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: keys.all }), qc.invalidateQueries({ queryKey: ['block-years'] })]),
  });
}
