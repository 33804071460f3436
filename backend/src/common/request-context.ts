import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';

/** Who is calling, for code that has no request at hand (e.g. a password re-entered inside a use case). */
interface RequestContext {
  address: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Express middleware; register it after the body parsers (their callbacks would lose the context). */
export function requestContext(req: Request, _res: Response, next: NextFunction): void {
  storage.run({ address: req.ip ?? req.socket.remoteAddress ?? '' }, next);
}

/** The client address of the request being served ('' outside a request). */
export const clientAddress = (): string => storage.getStore()?.address ?? '';
