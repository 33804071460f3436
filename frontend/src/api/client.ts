import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];

/**
 * The API's one error shape, thrown by `unwrap`. `details` holds the body's other keys, e.g. `current`
 * (the newer row) of a 409 `stale_version`.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** The keys of an error body besides the standard ones, or undefined when there are none. */
function detailsOf(body: Record<string, unknown>): Record<string, unknown> | undefined {
  const { statusCode: _s, code: _c, message: _m, fields: _f, ...rest } = body;
  return Object.keys(rest).length ? rest : undefined;
}

function readCookie(name: string): string | null {
  const m = document.cookie.match(new RegExp(`(?:^|; )${name}=([^;]*)`));
  return m ? decodeURIComponent(m[1]) : null;
}

/** Writes carry the CSRF token the server set in a readable cookie (double submit). */
const csrf: Middleware = {
  onRequest({ request }) {
    if (!['GET', 'HEAD', 'OPTIONS'].includes(request.method)) {
      const token = readCookie('thidua_csrf');
      if (token) request.headers.set('X-CSRF-Token', token);
    }
    return request;
  },
};

export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(csrf);

/** Listeners told when the session is gone (401), so the app can send the user to sign in. */
const unauthorizedListeners = new Set<() => void>();
export function onUnauthorized(fn: () => void): () => void {
  unauthorizedListeners.add(fn);
  return () => void unauthorizedListeners.delete(fn);
}

/** Returns data or throws ApiError with the server's Vietnamese message. */
export async function unwrap<T>(p: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await p;
  } catch {
    throw new ApiError(0, 'network_error', 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.');
  }
  const { data, error, response } = result;
  if (response.ok) return data as T;
  const raw = typeof error === 'object' && error !== null && !Array.isArray(error) ? (error as Record<string, unknown>) : {};
  const body = raw as { code?: string; message?: string; fields?: Record<string, string> };
  if (response.status === 401) unauthorizedListeners.forEach((fn) => fn());
  throw new ApiError(response.status, body.code ?? 'http_error', body.message ?? `Lỗi máy chủ (${response.status}).`, body.fields, detailsOf(raw));
}

/** Downloads a file from the API (same session), keeping the server's file name. */
export async function download(url: string, fallbackName: string): Promise<void> {
  const res = await fetch(url, { credentials: 'same-origin' });
  if (!res.ok) {
    const body = await res.json().catch(() => ({}));
    throw new ApiError(res.status, body.code ?? 'http_error', body.message ?? 'Không tải được tệp.');
  }
  const blob = await res.blob();
  const disposition = res.headers.get('content-disposition') ?? '';
  const star = disposition.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  const name = star ? decodeURIComponent(star) : (disposition.match(/filename="([^"]+)"/)?.[1] ?? fallbackName);
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

/** Uploads a multipart form (openapi-fetch's JSON body does not fit files). */
export async function upload<T>(url: string, form: FormData): Promise<T> {
  const headers: Record<string, string> = {};
  const token = readCookie('thidua_csrf');
  if (token) headers['X-CSRF-Token'] = token;
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', body: form, headers, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network_error', 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.');
  }
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new ApiError(res.status, body.code ?? 'http_error', body.message ?? `Lỗi máy chủ (${res.status}).`, body.fields, detailsOf(body));
  return body as T;
}
