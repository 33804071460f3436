import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Client } from 'pg';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { LedgerKeys } from './ledger-keys';
import { clientQuery, Query, sealBatch, SealOptions } from './ledger-data';

/** Any stable number: the session-level advisory lock that makes one process, at most, the sealer. Writers never take it. */
export const SEALER_LOCK = 7_240_002;
const BATCH = 5000;

/**
 * Every backend process runs this; the one whose dedicated session holds SEALER_LOCK seals, the others
 * retry the lock on each tick and take over when that session ends (a crash releases it).
 */
@Injectable()
export class LedgerSealer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger('LedgerSealer');
  private client: Client | null = null;
  private holder = false;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number | null> | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig, private readonly keys: LedgerKeys) {}

  onApplicationBootstrap(): void {
    if (this.config.ledgerSealIntervalMs <= 0) return;
    this.timer = setInterval(() => {
      if (!this.running) this.sealPending().catch((e) => this.log.error(`Niêm phong sổ nhật ký thất bại: ${(e as Error).message}`));
    }, this.config.ledgerSealIntervalMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
    await this.drop();
  }

  /** Seals every entry committed below the horizon; null when another process is the sealer. Concurrent calls share one run. */
  sealPending(opts: Partial<SealOptions> = {}): Promise<number | null> {
    if (this.running) return this.running.catch(() => undefined).then(() => this.sealPending(opts));
    this.running = this.run({ max: BATCH, ...opts }).finally(() => (this.running = null));
    return this.running;
  }

  /** Whether this process holds the sealer lock. */
  get isSealer(): boolean {
    return this.holder;
  }

  private async run(opts: SealOptions): Promise<number | null> {
    const query = await this.session();
    if (!query) return null;
    let total = 0;
    try {
      for (;;) {
        const n = await sealBatch(query, this.keys, opts);
        total += n;
        if (n < opts.max) return total;
      }
    } catch (e) {
      await this.drop(); // a broken session may still hold the lock; a fresh one tries again
      throw e;
    }
  }

  private async session(): Promise<Query | null> {
    if (!this.client) {
      const c = new Client({ connectionString: this.config.databaseUrl, application_name: 'thidua-ledger-sealer' });
      c.on('error', () => void this.drop());
      await c.connect();
      this.client = c;
      this.holder = false;
    }
    const c = this.client;
    const query = clientQuery(c);
    if (!this.holder) this.holder = (await query('SELECT pg_try_advisory_lock($1) AS ok', [SEALER_LOCK]))[0].ok === true;
    return this.holder ? query : null;
  }

  private async drop(): Promise<void> {
    const c = this.client;
    this.client = null;
    this.holder = false;
    await c?.end().catch(() => undefined);
  }
}
