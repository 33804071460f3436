import { Module } from '@nestjs/common';
import { MetricsService } from './metrics.service';

/** Prometheus figures at /metrics (registered in app.factory.ts, outside the /api prefix). */
@Module({ providers: [MetricsService], exports: [MetricsService] })
export class MetricsModule {}
