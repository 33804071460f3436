import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

/** Who is calling and which request this is, for code that has no request at hand (a use case, the audit log). */
interface RequestContext {
  address: string;
  requestId: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** A caller's X-Request-Id is kept when it is short and plain (a proxy's or a client's id); otherwise one is made. */
const VALID_REQUEST_ID = /^[A-Za-z0-9._:-]{8,64}$/;

export function requestIdOf(header: string | string[] | undefined): string {
  const given = Array.isArray(header) ? header[0] : header;
  return given && VALID_REQUEST_ID.test(given) ? given : randomUUID();
}

/** First middleware: every request gets its id (`req.id`), echoed in the X-Request-Id response header. */
export function assignRequestId(req: Request, res: Response, next: NextFunction): void {
  const id = requestIdOf(req.headers['x-request-id']);
  (req as Request & { id: string }).id = id;
  res.setHeader('X-Request-Id', id);
  next();
}

/** Express middleware; register it after the body parsers (their callbacks would lose the context). */
export function requestContext(req: Request, _res: Response, next: NextFunction): void {
  const requestId = (req as Request & { id?: string }).id ?? requestIdOf(req.headers['x-request-id']);
  storage.run({ address: req.ip ?? req.socket.remoteAddress ?? '', requestId }, next);
}

/** The client address of the request being served ('' outside a request). */
export const clientAddress = (): string => storage.getStore()?.address ?? '';

/** The id of the request being served (null outside a request: background jobs, the demo loader). */
export const currentRequestId = (): string | null => storage.getStore()?.requestId ?? null;
