import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];

/** A code the server returns (`ErrorCode` in openapi.json), or one the client sets when no answer came. */
export type ApiErrorCode = Schemas['ErrorCode'] | 'network_error' | 'unknown';

/**
 * The API's one error shape, thrown by `unwrap`. `details` holds the body's other keys, e.g. `current`
 * (the newer row) of a 409 `stale_version`.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
    readonly details?: Record<string, unknown>,
    /** Seconds the server asked to wait (`Retry-After` of a 429 or 503). */
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

/** Said when the server's answer carries no message of its own (e.g. a proxy's page). */
const STATUS_MESSAGES: Record<number, string> = {
  413: 'Tệp hoặc dữ liệu gửi lên quá lớn.',
  415: 'Định dạng dữ liệu gửi lên không được hỗ trợ.',
  429: 'Bạn thao tác quá nhanh, vui lòng chờ một lát rồi thử lại.',
  502: 'Máy chủ tạm thời không phản hồi. Vui lòng thử lại sau ít phút.',
  503: 'Hệ thống tạm thời gián đoạn. Vui lòng thử lại sau ít phút.',
  504: 'Máy chủ phản hồi quá lâu. Vui lòng thử lại sau ít phút.',
};

/** "N giây" or "N phút" for a Retry-After in seconds. */
function waitText(seconds: number): string {
  return seconds < 60 ? `${seconds} giây` : `${Math.ceil(seconds / 60)} phút`;
}

/** The ApiError for a refused response: the server's Vietnamese message, else one for its status. */
function errorOf(response: Response, raw: Record<string, unknown>): ApiError {
  const body = raw as { code?: ApiErrorCode; message?: string; fields?: Record<string, string> };
  const header = Number(response.headers.get('retry-after'));
  const retryAfter = Number.isFinite(header) && header > 0 ? Math.ceil(header) : undefined;
  let message = body.message ?? STATUS_MESSAGES[response.status] ?? `Lỗi máy chủ (${response.status}).`;
  if (!body.message && retryAfter && (response.status === 429 || response.status === 503)) message += ` Có thể thử lại sau ${waitText(retryAfter)}.`;
  return new ApiError(response.status, body.code ?? 'http_error', message, body.fields, detailsOf(raw), retryAfter);
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
  if (response.status === 401) unauthorizedListeners.forEach((fn) => fn());
  throw errorOf(response, raw);
}

/** Downloads a file from the API (same session), keeping the server's file name. */
export async function download(url: string, fallbackName: string): Promise<void> {
  const res = await fetch(url, { credentials: 'same-origin' });
  if (!res.ok) {
    const body = await res.json().catch(() => ({}));
    const error = errorOf(res, body);
    throw body.message || STATUS_MESSAGES[res.status] ? error : new ApiError(res.status, error.code, 'Không tải được tệp.');
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
  if (!res.ok) throw errorOf(res, body);
  return body as T;
}
