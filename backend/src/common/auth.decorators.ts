import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Actor, Role } from './actor';

export const PUBLIC_KEY = 'thidua:public';
export const ROLES_KEY = 'thidua:roles';

/** No session needed (sign-in, health). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
/** Only these roles reach the handler; scope checks still happen in the module's policy. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => ctx.switchToHttp().getRequest().actor);
