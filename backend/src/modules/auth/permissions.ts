import type { Actor } from '../../common/actor';
import type { PermissionsDto } from './dto/auth.dto';

/**
 * The signed-in person's rights for MeDto. Computed from every module's policy, which auth may not import (those
 * modules import auth): modules/permissions provides it, globally.
 */
export const PERMISSIONS_OF = Symbol('PERMISSIONS_OF');
export type PermissionsOf = (actor: Actor) => PermissionsDto;
