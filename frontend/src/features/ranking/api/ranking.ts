import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, ApiError, download, unwrap, type Schemas } from '@/api/client';

export type Round = Schemas['RoundDto'];
export type Ranking = Schemas['RankingDto'];
export type RankingRow = Schemas['RankingRowDto'];
export type Snapshot = Schemas['SnapshotDto'];

const keys = {
  all: ['ranking'] as const,
  round: (id: string) => ['ranking', id, 'round'] as const,
  ranking: (id: string) => ['ranking', id, 'rows'] as const,
  snapshot: (id: string) => ['ranking', id, 'snapshot'] as const,
};
export const rankingKeys = keys;

export const roundQueryOptions = (id: string) =>
  queryOptions({ queryKey: keys.round(id), queryFn: () => unwrap(api.GET('/api/rounds/{id}', { params: { path: { id } } })) });
export const rankingQueryOptions = (id: string) =>
  queryOptions({ queryKey: keys.ranking(id), queryFn: () => unwrap(api.GET('/api/rounds/{id}/ranking', { params: { path: { id } } })) });
/** The latest signed snapshot, or null while the round has never been finalised (404). */
export const snapshotQueryOptions = (id: string) =>
  queryOptions({
    queryKey: keys.snapshot(id),
    queryFn: async (): Promise<Snapshot | null> => {
      try {
        return await unwrap(api.GET('/api/rounds/{id}/snapshot', { params: { path: { id } } }));
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }
    },
  });

export const useRound = (id: string) => useQuery(roundQueryOptions(id));
export const useRanking = (id: string) => useQuery(rankingQueryOptions(id));
export const useSnapshot = (id: string, enabled: boolean) => useQuery({ ...snapshotQueryOptions(id), enabled });

/** Finalising or reopening changes the round everywhere: its phase, the ranking, the scores' editability. */
function roundChanged(qc: QueryClient, id: string, snapshot: Snapshot) {
  qc.setQueryData(keys.snapshot(id), snapshot);
  return Promise.all([
    qc.invalidateQueries({ queryKey: keys.all }),
    qc.invalidateQueries({ queryKey: ['reviews'] }),
    qc.invalidateQueries({ queryKey: ['rounds'] }),
  ]);
}

export function useFinalise() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason?: string }) => unwrap(api.POST('/api/rounds/{id}/finalise', { params: { path: { id } }, body: reason ? { reason } : {} })),
    onSuccess: (s, v) => roundChanged(qc, v.id, s),
  });
}

export function useReopen() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) => unwrap(api.POST('/api/rounds/{id}/reopen', { params: { path: { id } }, body: { reason } })),
    onSuccess: (s, v) => roundChanged(qc, v.id, s),
  });
}

export type ExportFormat = 'xlsx' | 'pdf';

/** The score summary (.xlsx, or the A4 landscape .pdf annex), under the server's file name. */
export const exportRanking = (id: string, format: ExportFormat) =>
  download(`/api/rounds/${encodeURIComponent(id)}/ranking/export?format=${format}`, `bang-tong-hop-diem.${format}`);
