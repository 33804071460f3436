import { Global, Module } from '@nestjs/common';
import { Clock } from './clock';
import { JobRunner } from './job-runner';

/** The background job runner and the clock it goes by; every module may register its jobs. */
@Global()
@Module({ providers: [Clock, JobRunner], exports: [Clock, JobRunner] })
export class JobsModule {}
