import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source';

/** Runs pending migrations against DATABASE_URL (used by the test setup and operators). */
export async function migrate(url: string): Promise<void> {
  const ds = await new DataSource(dataSourceOptions(url)).initialize();
  try {
    await ds.runMigrations();
  } finally {
    await ds.destroy();
  }
}

if (require.main === module) {
  migrate(process.env.DATABASE_URL ?? '').then(
    () => console.log('Đã cập nhật cấu trúc cơ sở dữ liệu.'),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
