import { keepPreviousData, queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/api/client';

export type AuditEntry = Schemas['AuditEntryDto'];
export type LedgerVerifyResult = Schemas['LedgerVerifyDto'];
export type AuditProofs = Schemas['ProofsDto'];
export type AuditQuery = { page?: number; pageSize?: number; entityType?: string; action?: string; actorId?: string; blockId?: string; from?: string; to?: string };

export const auditQueryOptions = (query: AuditQuery) =>
  queryOptions({ queryKey: ['audit', query], queryFn: () => unwrap(api.GET('/api/audit', { params: { query } })), placeholderData: keepPreviousData });

export const useAuditEntries = (query: AuditQuery) => useQuery(auditQueryOptions(query));

/** Replays the whole ledger on the server against its signed checkpoints and reports the first problem. */
export const useVerifyAudit = () => useMutation({ mutationFn: () => unwrap(api.GET('/api/audit/verify')) });

/** The latest signed checkpoint and the public key that checks it. */
export const useLatestCheckpoint = () =>
  useQuery({ queryKey: ['audit', 'checkpoints', 1], queryFn: () => unwrap(api.GET('/api/audit/checkpoints', { params: { query: { page: 1, pageSize: 1 } } })) });

/** The inclusion proof of one entry up to the latest signed checkpoint, checked on the server. */
export const useEntryProof = () =>
  useMutation({ mutationFn: (entryId: string) => unwrap(api.GET('/api/audit/proofs', { params: { query: { entryId } } })) });
