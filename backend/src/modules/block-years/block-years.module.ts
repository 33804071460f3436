import { Module } from '@nestjs/common';
import { BlockYearsController } from './block-years.controller';
import { BlockYearsService } from './block-years.service';

@Module({ controllers: [BlockYearsController], providers: [BlockYearsService], exports: [BlockYearsService] })
export class BlockYearsModule {}
