import { ApiError } from '@/api/client';

/** Whether the server refused a write because someone else saved first (409 `stale_version`). */
export const isStale = (e: unknown): e is ApiError => e instanceof ApiError && e.status === 409 && e.code === 'stale_version';

/**
 * The same error with its field names moved from the API's prefix to the form's (`plan.activities.0.endDate`
 * → `activities.0.endDate`), so `applyServerErrors` puts each message under the matching field.
 */
export function withFieldPrefix(e: unknown, from: string, to: string): unknown {
  if (!(e instanceof ApiError) || !e.fields) return e;
  const fields = Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [k === from ? to : k.startsWith(`${from}.`) ? `${to ? `${to}.` : ''}${k.slice(from.length + 1)}` : k, v]));
  return new ApiError(e.status, e.code, e.message, fields);
}
