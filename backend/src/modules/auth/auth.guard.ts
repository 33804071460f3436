import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { timingSafeEqual } from 'node:crypto';
import type { Actor, Role } from '../../common/actor';
import { AppError, forbidden, unauthorized } from '../../common/app-error';
import { PUBLIC_KEY, ROLES_KEY } from '../../common/auth.decorators';
import { AuthService } from './auth.service';

export const SESSION_COOKIE = 'thidua_sid';
export const CSRF_COOKIE = 'thidua_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Global guard: session cookie → actor; CSRF double-submit check on writes; role gate. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector, private readonly auth: AuthService) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const req = ctx.switchToHttp().getRequest<Request & { actor?: Actor }>();
    const token = req.cookies?.[SESSION_COOKIE];
    const resolved = typeof token === 'string' && token ? await this.auth.resolve(token) : null;
    if (!resolved) throw unauthorized('unauthenticated', 'Phiên đăng nhập đã hết hạn hoặc chưa đăng nhập. Vui lòng đăng nhập lại.');
    if (!SAFE_METHODS.has(req.method)) {
      const sent = req.header(CSRF_HEADER) ?? '';
      if (sent.length !== resolved.csrfToken.length || !timingSafeEqual(Buffer.from(sent), Buffer.from(resolved.csrfToken))) {
        throw new AppError(403, 'csrf_failed', 'Yêu cầu không hợp lệ (thiếu mã chống giả mạo). Vui lòng tải lại trang.');
      }
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(resolved.actor.role)) throw forbidden();
    req.actor = resolved.actor;
    return true;
  }
}
