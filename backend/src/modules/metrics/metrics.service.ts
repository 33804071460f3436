import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NextFunction, Request, Response } from 'express';
import type { Pool } from 'pg';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { metricsAccess } from './metrics-access';
import { jobCounts, lastBackupSuccess, oldestPendingMailSeconds, outboxByStatus, retryingJobs, unsealedEntries } from './metrics-data';

/**
 * Prometheus figures of this process (prom-client, one registry per app): HTTP rate and latency by route
 * pattern, the database pool, and, read from the database when scraped, the job queue, the mail outbox,
 * the ledger's sealing lag and the last backup. The database figures are the installation's (the same
 * from every replica); only the monitoring reads those tables, and only their counts.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  private readonly requests: Counter<'method' | 'route' | 'status'>;
  private readonly latency: Histogram<'method' | 'route' | 'status'>;

  constructor(@InjectDataSource() private readonly ds: DataSource, @Inject(APP_CONFIG) private readonly config: AppConfig) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.requests = new Counter({ name: 'http_requests_total', help: 'HTTP requests by method, route pattern and status', labelNames: ['method', 'route', 'status'], registers });
    this.latency = new Histogram({
      name: 'http_request_duration_seconds', help: 'HTTP request latency by method, route pattern and status', labelNames: ['method', 'route', 'status'], registers,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    });
    const pool = () => (this.ds.driver as unknown as { master?: Pool }).master;
    new Gauge({ name: 'db_pool_connections', help: 'Connections of the database pool by state', labelNames: ['state'], registers, collect() {
      const p = pool();
      this.set({ state: 'total' }, p?.totalCount ?? 0);
      this.set({ state: 'idle' }, p?.idleCount ?? 0);
      this.set({ state: 'busy' }, (p?.totalCount ?? 0) - (p?.idleCount ?? 0));
    } });
    new Gauge({ name: 'db_pool_max_connections', help: 'Size limit of the database pool', registers, collect() { this.set(pool()?.options.max ?? 0); } });
    new Gauge({ name: 'db_pool_waiting_requests', help: 'Queries waiting for a free pool connection', registers, collect() { this.set(pool()?.waitingCount ?? 0); } });
    const em = this.ds.manager;
    new Gauge({ name: 'thidua_jobs', help: 'Background jobs by state: due (waiting to run), scheduled (later), failed (gave up)', labelNames: ['state'], registers, async collect() {
      const r = await jobCounts(em);
      for (const state of ['due', 'scheduled', 'failed'] as const) this.set({ state }, r[state]);
    } });
    new Gauge({ name: 'thidua_jobs_retrying', help: 'Background jobs that failed at least once and wait for a retry', registers, async collect() {
      this.set(await retryingJobs(em));
    } });
    new Gauge({ name: 'thidua_mail_outbox', help: 'Mails in the outbox by status (pending: to send; held: no mail server; failed: gave up)', labelNames: ['status'], registers, async collect() {
      const rows = await outboxByStatus(em);
      for (const status of ['pending', 'held', 'failed']) this.set({ status }, rows.find((r) => r.status === status)?.n ?? 0);
    } });
    new Gauge({ name: 'thidua_mail_outbox_oldest_seconds', help: 'Age of the oldest mail waiting to be sent', registers, async collect() {
      this.set(await oldestPendingMailSeconds(em));
    } });
    const unsealed = () => unsealedEntries(em);
    new Gauge({ name: 'thidua_ledger_unsealed_entries', help: 'Audit entries not yet sealed into the signed ledger', registers, async collect() { this.set((await unsealed()).n); } });
    new Gauge({ name: 'thidua_ledger_seal_lag_seconds', help: 'Age of the oldest audit entry not yet sealed (0: all sealed)', registers, async collect() { this.set((await unsealed()).lag); } });
    new Gauge({ name: 'thidua_backup_last_success_timestamp_seconds', help: 'When the last scheduled backup succeeded (0: never)', registers, async collect() {
      this.set(await lastBackupSuccess(em));
    } });
  }

  /** Express middleware: times every request and counts it under its route pattern once it is answered. */
  readonly observe = (req: Request, res: Response, next: NextFunction): void => {
    const end = this.latency.startTimer();
    res.once('finish', () => {
      const labels = { method: req.method, route: routeOf(req), status: String(res.statusCode) };
      end(labels);
      this.requests.inc(labels);
    });
    next();
  };

  /** GET /metrics: the text format, to those metricsAccess lets in. */
  readonly handle = async (req: Request, res: Response): Promise<void> => {
    const access = metricsAccess({
      token: this.config.metricsToken, authorization: req.headers.authorization, remoteAddress: req.socket.remoteAddress, forwarded: !!req.headers['x-forwarded-for'],
    });
    if (access !== 'ok') {
      if (access === 'token') res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      res.status(access === 'token' ? 401 : 403).json({
        statusCode: access === 'token' ? 401 : 403, code: 'metrics_forbidden',
        message: access === 'token' ? 'Cần mã truy cập số liệu giám sát (Authorization: Bearer <METRICS_TOKEN>).' : 'Không được xem số liệu giám sát từ địa chỉ này hoặc mã truy cập sai.',
      });
      return;
    }
    res.setHeader('Content-Type', this.registry.contentType);
    res.setHeader('Cache-Control', 'no-store');
    res.send(await this.registry.metrics());
  };
}

/** The route pattern Nest matched ("/api/units/:id"), never the raw URL (which would make a series per id). */
function routeOf(req: Request): string {
  const route = (req as Request & { route?: { path?: string } }).route?.path;
  if (route) return `${req.baseUrl ?? ''}${route}`;
  if (req.path === '/metrics') return '/metrics';
  return req.path.startsWith('/api') ? 'unmatched' : 'static';
}
