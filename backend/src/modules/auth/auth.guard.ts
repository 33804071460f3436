import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { Actor, Role, SessionClaim } from '../../common/actor';
import { unauthorized } from '../../common/app-error';
import { PUBLIC_KEY, ROLES_KEY, SESSION_IN_USE_CASE_KEY } from '../../common/auth.decorators';
import { AuthService } from './auth.service';
import { admit, tokenHash } from './session-claim';

export const SESSION_COOKIE = 'thidua_sid';
export const CSRF_COOKIE = 'thidua_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Global guard: session cookie → actor; CSRF double-submit check on writes; role gate (`admit`). A route marked
 * `@SessionInUseCase()` gets the claim instead (`@CurrentClaim()`): its use case reads the session in its own
 * first statement and admits it there, before anything else it does.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector, private readonly auth: AuthService) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const req = ctx.switchToHttp().getRequest<Request & { actor?: Actor; sessionClaim?: SessionClaim; id?: string }>();
    const token = req.cookies?.[SESSION_COOKIE];
    if (typeof token !== 'string' || !token) throw unauthorized('unauthenticated', 'Phiên đăng nhập đã hết hạn hoặc chưa đăng nhập. Vui lòng đăng nhập lại.');
    const claim: SessionClaim = {
      tokenHash: tokenHash(token),
      csrfSent: SAFE_METHODS.has(req.method) ? null : (req.header(CSRF_HEADER) ?? ''),
      roles: this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets),
      address: req.ip ?? req.socket.remoteAddress ?? '',
      requestId: req.id,
    };
    if (this.reflector.getAllAndOverride<boolean>(SESSION_IN_USE_CASE_KEY, targets)) {
      req.sessionClaim = claim;
      return true;
    }
    req.actor = admit(await this.auth.session(claim.tokenHash), claim);
    return true;
  }
}
