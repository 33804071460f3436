import type { IncomingMessage } from 'node:http';
import type { Options } from 'pino-http';
import type { AppConfig } from '../config/config';
import { requestIdOf } from './request-context';

/**
 * One JSON line per request and per message (pino): time, level, the request id (also in the X-Request-Id
 * response header and in the audit entries the request wrote), method, route, status and duration.
 * Secrets (cookies, CSRF and bearer tokens, passwords in bodies are never logged) are left out.
 */
export function pinoHttpOptions(config: AppConfig): Options {
  return {
    level: config.logLevel,
    genReqId: (req: IncomingMessage) => (req as IncomingMessage & { id?: string }).id ?? requestIdOf(req.headers['x-request-id']),
    customProps: (req: IncomingMessage) => ({ requestId: (req as IncomingMessage & { id?: string }).id }),
    redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'], censor: '[ẩn]' },
    serializers: {
      req: (req: { id: string; method: string; url: string; remoteAddress?: string; headers: Record<string, unknown> }) => ({
        method: req.method, url: req.url, remoteAddress: req.remoteAddress, userAgent: req.headers['user-agent'],
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    // Health checks every few seconds from the orchestrator would drown the rest.
    autoLogging: { ignore: (req: IncomingMessage) => req.url === '/api/health' || req.url === '/metrics' },
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
  };
}
