import { Module } from '@nestjs/common';
import { CovenantsController } from './covenants.controller';
import { CovenantsService } from './covenants.service';

@Module({ controllers: [CovenantsController], providers: [CovenantsService], exports: [CovenantsService] })
export class CovenantsModule {}
