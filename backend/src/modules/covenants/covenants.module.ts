import { Module } from '@nestjs/common';
import { CovenantsService } from './covenants.service';

@Module({ providers: [CovenantsService], exports: [CovenantsService] })
export class CovenantsModule {}
