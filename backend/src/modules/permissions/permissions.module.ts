import { Global, Module } from '@nestjs/common';
import { PERMISSIONS_OF } from '../auth/permissions';
import { permissionsOf } from './permissions-of';
import { YearRightsController } from './year-rights.controller';
import { YearRightsService } from './year-rights.service';

/**
 * The rights the browser shows controls by, from each module's policy (a leaf: no module imports this one): gives
 * auth the city-wide rights MeDto carries, and serves what a user may start in a block year.
 */
@Global()
@Module({ controllers: [YearRightsController], providers: [{ provide: PERMISSIONS_OF, useValue: permissionsOf }, YearRightsService], exports: [PERMISSIONS_OF] })
export class PermissionsModule {}
