import { DataSource } from 'typeorm';
import { grantAppRole, roleOf } from './app-role';
import { dataSourceOptions } from './data-source';

/**
 * Runs pending migrations against `url` (the owner role); then, given the app's role, grants it what it may
 * do (see app-role.ts). Used at boot with MIGRATION_DATABASE_URL, by the test setup and by operators.
 */
export async function migrate(url: string, appRole?: string): Promise<void> {
  const ds = await new DataSource(dataSourceOptions(url)).initialize();
  try {
    await ds.runMigrations();
    if (appRole && appRole !== roleOf(url)) await grantAppRole((sql) => ds.query(sql), appRole);
  } finally {
    await ds.destroy();
  }
}

if (require.main === module) {
  migrate(process.env.DATABASE_URL ?? '', process.env.APP_DATABASE_ROLE || undefined).then(
    () => console.log('Đã cập nhật cấu trúc cơ sở dữ liệu.'),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
