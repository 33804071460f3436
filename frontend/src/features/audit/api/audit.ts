import { keepPreviousData, queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/api/client';

export type AuditEntry = Schemas['AuditEntryDto'];
export type AuditVerifyResult = Schemas['AuditVerifyDto'];
export type AuditQuery = { page?: number; pageSize?: number; entityType?: string; action?: string; actorId?: string; blockId?: string; from?: string; to?: string };

export const auditQueryOptions = (query: AuditQuery) =>
  queryOptions({ queryKey: ['audit', query], queryFn: () => unwrap(api.GET('/api/audit', { params: { query } })), placeholderData: keepPreviousData });

export const useAuditEntries = (query: AuditQuery) => useQuery(auditQueryOptions(query));

/** Walks the hash chain on the server and reports the first broken link. */
export const useVerifyAudit = () => useMutation({ mutationFn: () => unwrap(api.GET('/api/audit/verify')) });
