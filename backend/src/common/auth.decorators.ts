import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Actor, Role, SessionClaim } from './actor';

export const PUBLIC_KEY = 'thidua:public';
export const ROLES_KEY = 'thidua:roles';
export const SESSION_IN_USE_CASE_KEY = 'thidua:session-in-use-case';

/** No session needed (sign-in, health). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
/** Only these roles reach the handler; scope checks still happen in the module's policy. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => ctx.switchToHttp().getRequest().actor);
/**
 * The guard checks only that a session cookie is there and hands the claim (`@CurrentClaim()`) to the use case,
 * which reads the session in its own first statement and must `admit` it before doing anything else: one
 * round trip less on a hot write path (the self-assessment autosave).
 */
export const SessionInUseCase = () => SetMetadata(SESSION_IN_USE_CASE_KEY, true);
export const CurrentClaim = createParamDecorator((_: unknown, ctx: ExecutionContext): SessionClaim => ctx.switchToHttp().getRequest().sessionClaim);
