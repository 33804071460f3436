import { Module } from '@nestjs/common';
import { BlockYearsController } from './block-years.controller';
import { BlockYearsService } from './block-years.service';
import { NextYearController } from './next-year.controller';
import { NextYearService } from './next-year.service';

@Module({ controllers: [BlockYearsController, NextYearController], providers: [BlockYearsService, NextYearService], exports: [BlockYearsService] })
export class BlockYearsModule {}
