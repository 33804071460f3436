import type { LoggerService } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import pino, { type Logger } from 'pino';
import pinoHttp, { type Options } from 'pino-http';
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

/**
 * The app's one pino logger, the request-logging middleware writing through it, and Nest's own messages on it
 * (as `{ context, msg }`). Plain middleware, no AsyncLocalStorage: a request's line carries its id, and the
 * audit entries carry it through the actor.
 */
export function httpLogging(config: AppConfig): { logger: Logger; middleware: (req: IncomingMessage, res: ServerResponse, next: () => void) => void; nest: LoggerService } {
  const options = pinoHttpOptions(config);
  const logger = pino({ level: config.logLevel, redact: options.redact });
  const at = (level: 'info' | 'error' | 'warn' | 'debug' | 'trace' | 'fatal') => (message: unknown, ...rest: unknown[]) => {
    const context = typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    if (message instanceof Error) logger[level]({ context, err: message }, message.message);
    else if (typeof message === 'object' && message !== null) logger[level]({ context, ...message });
    else logger[level]({ context, ...(rest.length && level === 'error' ? { stack: rest[0] } : {}) }, String(message));
  };
  return {
    logger,
    middleware: pinoHttp({ ...options, logger }),
    nest: { log: at('info'), error: at('error'), warn: at('warn'), debug: at('debug'), verbose: at('trace'), fatal: at('fatal') },
  };
}
