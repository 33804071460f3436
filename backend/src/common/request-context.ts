import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

/** A caller's X-Request-Id is kept when it is short and plain (a proxy's or a client's id); otherwise one is made. */
const VALID_REQUEST_ID = /^[A-Za-z0-9._:-]{8,64}$/;

export function requestIdOf(header: string | string[] | undefined): string {
  const given = Array.isArray(header) ? header[0] : header;
  return given && VALID_REQUEST_ID.test(given) ? given : randomUUID();
}

/**
 * First middleware: every request gets its id (`req.id`), echoed in the X-Request-Id response header. The auth
 * guard copies it onto the actor, so the audit entries a request writes carry it (no AsyncLocalStorage: on
 * Node 20 it switches on promise hooks for the whole process and makes every await dearer).
 */
export function assignRequestId(req: Request, res: Response, next: NextFunction): void {
  const id = requestIdOf(req.headers['x-request-id']);
  (req as Request & { id: string }).id = id;
  res.setHeader('X-Request-Id', id);
  next();
}
