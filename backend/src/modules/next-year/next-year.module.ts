import { Module } from '@nestjs/common';
import { BlockYearsModule } from '../block-years/block-years.module';
import { DraftsModule } from '../drafts/drafts.module';
import { ScoringModule } from '../scoring/scoring.module';
import { NextYearController } from './next-year.controller';
import { NextYearService } from './next-year.service';

/** Khởi tạo năm sau: seeds next year from this one through the block-years, scoring and drafts modules' operations. */
@Module({ imports: [BlockYearsModule, ScoringModule, DraftsModule], controllers: [NextYearController], providers: [NextYearService] })
export class NextYearModule {}
