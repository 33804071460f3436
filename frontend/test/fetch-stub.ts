/**
 * Stubs the API at the network boundary: maps "METHOD /path" to a JSON reply.
 *
 *   const api = stubApi({
 *     'GET /api/auth/me': board,
 *     'GET /api/units': { items: [], total: 0, page: 1, pageSize: 20 },
 *     'PATCH /api/block-years/:id': reply(409, { code: 'stale_version', message: '...' }),
 *     'POST /api/units': (req) => reply(201, { ...req.body, id: 'u1' }),
 *   });
 *   expect(api.calls('PATCH /api/block-years/:id')[0].body).toEqual({ ... });
 *
 * A 204 (`reply(204)`) answers with no body, as the server does.
 * Paths match on the pathname (`:name` matches one segment); the query is in `req.query`. A call
 * nobody stubbed gets a 404 with a message naming it, and is listed in `api.unmatched`. The shell's
 * notifications and task count answer empty unless stubbed.
 */
export interface StubRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  params: Record<string, string>;
  /** Parsed JSON, or the FormData that was sent, or undefined. */
  body: unknown;
  headers: Headers;
}
export interface StubReply { __reply: true; status: number; body: unknown; headers?: Record<string, string> }
type Json = object | string | number | boolean | null;
type Route = Json | ((req: StubRequest) => unknown);

export const reply = (status: number, body: unknown = {}, headers?: Record<string, string>): StubReply => ({ __reply: true, status, body, headers });
const isReply = (v: unknown): v is StubReply => typeof v === 'object' && v !== null && (v as StubReply).__reply === true;

/** Parses JSON with this realm's JSON, so test data and app data share prototypes. */
class JsonResponse extends Response {
  override async json() {
    const text = await this.text();
    return JSON.parse(text);
  }
}

function matchPath(pattern: string, path: string): Record<string, string> | null {
  const a = pattern.split('/');
  const b = path.split('/');
  if (a.length !== b.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < a.length; i++) {
    if (a[i].startsWith(':')) params[a[i].slice(1)] = decodeURIComponent(b[i]);
    else if (a[i] !== b[i]) return null;
  }
  return params;
}

const NULL_BODY = new Set([204, 205, 304]);

/** Calls every signed-in page makes (the header's notification bell); a test may override them. */
const SHELL_DEFAULTS: Record<string, Route> = { 'GET /api/notifications': [], 'GET /api/tasks': { items: [], count: 0, overdueCount: 0 } };

export function stubApi(initial: Record<string, Route> = {}) {
  const routes = new Map<string, Route>(Object.entries({ ...SHELL_DEFAULTS, ...initial }));
  const log: { key: string; req: StubRequest }[] = [];
  const unmatched: string[] = [];

  globalThis.__fetchStub = async (input: RequestInfo | URL, init?: RequestInit) => {
    const isRequest = typeof input === 'object' && input !== null && 'method' in input && 'url' in input;
    const method = ((isRequest ? (input as Request).method : init?.method) ?? 'GET').toUpperCase();
    const url = new URL(isRequest ? (input as Request).url : String(input), 'http://localhost');
    const headers = new Headers(isRequest ? (input as Request).headers : (init?.headers as HeadersInit | undefined));
    let body: unknown;
    if (init?.body instanceof FormData) body = init.body;
    else {
      const text = isRequest ? await (input as Request).text() : typeof init?.body === 'string' ? init.body : '';
      body = text ? JSON.parse(text) : undefined;
    }
    for (const [key, route] of routes) {
      const [m, pattern] = key.split(' ');
      const params = m === method ? matchPath(pattern, url.pathname) : null;
      if (!params) continue;
      const req: StubRequest = { method, path: url.pathname, query: url.searchParams, params, body, headers };
      log.push({ key, req });
      const out = typeof route === 'function' ? await route(req) : route;
      const r = isReply(out) ? out : reply(200, out);
      // 204/205/304 carry no body (the Response constructor refuses one), whatever the stub gave.
      if (NULL_BODY.has(r.status)) return new JsonResponse(null, { status: r.status, headers: r.headers });
      return new JsonResponse(r.body === undefined ? '' : JSON.stringify(r.body), { status: r.status, headers: { 'content-type': 'application/json', ...r.headers } });
    }
    unmatched.push(`${method} ${url.pathname}${url.search}`);
    return new JsonResponse(JSON.stringify({ statusCode: 404, code: 'not_stubbed', message: `Chưa giả lập: ${method} ${url.pathname}` }), { status: 404, headers: { 'content-type': 'application/json' } });
  };

  return {
    /** Adds or replaces a route (e.g. what the server answers after a change). */
    on(key: string, route: Route) {
      routes.set(key, route);
    },
    /** Requests that matched the route `key`, oldest first. */
    calls(key: string): StubRequest[] {
      return log.filter((l) => l.key === key).map((l) => l.req);
    },
    unmatched,
  };
}

declare global {
  // eslint-disable-next-line no-var
  var __fetchStub: ((input: RequestInfo | URL, init?: RequestInit) => Promise<Response>) | undefined;
}
