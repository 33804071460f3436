import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/api/client';

export type OutboxMail = Schemas['OutboxMailDto'];
export type MailStatus = OutboxMail['status'];
export type OutboxQuery = { page: number; pageSize: number; status?: MailStatus };

export const outboxQueryOptions = (query: OutboxQuery) =>
  queryOptions({ queryKey: ['mail-outbox', query], queryFn: () => unwrap(api.GET('/api/mail/outbox', { params: { query } })), placeholderData: keepPreviousData, refetchInterval: 30_000 });

export const useOutbox = (query: OutboxQuery) => useQuery(outboxQueryOptions(query));
