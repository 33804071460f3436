import 'reflect-metadata';
import { createApp } from './app.factory';
import { AppConfig, ConfigError, loadConfig } from './config/config';
import { roleOf } from './database/app-role';
import { bootstrapAdmin } from './modules/accounts/bootstrap-admin';
import { migrate } from './database/migrate';
import { loadDemoOnce } from './database/demo/demo';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './database/data-source';

/** Exit code for a configuration error (sysexits EX_CONFIG). */
const EX_CONFIG = 78;

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(EX_CONFIG);
    }
    throw e;
  }
  // `--migrate-only` (docker/compose.yml's one-shot `migrate` service, before the replicas start): migrate as the
  // owner, grant the app role, load the demo or create the first admin, and exit.
  if (process.argv.includes('--migrate-only')) return migrateOnly(config);
  // With MIGRATION_DATABASE_URL the owner migrates and grants; the app then runs as the least-privileged DATABASE_URL role.
  if (config.migrationDatabaseUrl) await migrate(config.migrationDatabaseUrl, roleOf(config.databaseUrl));
  const app = await createApp(config);
  if (config.loadDemo) await loadDemoOnce(app.get(DataSource));
  if (config.adminEmail && config.adminPassword && (await bootstrapAdmin(app.get(DataSource), config.adminEmail, config.adminPassword))) {
    console.log(`Đã tạo tài khoản quản trị đầu tiên: ${config.adminEmail}`);
  }
  app.enableShutdownHooks();
  await app.listen(config.port, '0.0.0.0');
  console.log(`Thi đua đang chạy tại http://localhost:${config.port} (API: /api, tài liệu API: /api/docs)`);
}

async function migrateOnly(config: AppConfig): Promise<void> {
  await migrate(config.migrationDatabaseUrl ?? config.databaseUrl, roleOf(config.databaseUrl));
  console.log('Đã cập nhật cấu trúc cơ sở dữ liệu.');
  const ds = await new DataSource(dataSourceOptions(config.databaseUrl)).initialize();
  try {
    if (config.loadDemo && (await loadDemoOnce(ds))) console.log('Đã nạp dữ liệu minh họa.');
    if (config.adminEmail && config.adminPassword && (await bootstrapAdmin(ds, config.adminEmail, config.adminPassword))) {
      console.log(`Đã tạo tài khoản quản trị đầu tiên: ${config.adminEmail}`);
    }
  } finally {
    await ds.destroy();
  }
}

main().catch((e) => {
  console.error('Không khởi động được ứng dụng:', e);
  process.exit(1);
});
