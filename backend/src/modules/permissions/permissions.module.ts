import { Global, Module } from '@nestjs/common';
import { PERMISSIONS_OF } from '../auth/permissions';
import { permissionsOf } from './permissions-of';

/** Gives auth the rights MeDto carries, from each module's policy (a leaf: no module imports this one). */
@Global()
@Module({ providers: [{ provide: PERMISSIONS_OF, useValue: permissionsOf }], exports: [PERMISSIONS_OF] })
export class PermissionsModule {}
