// `npm run restore <backup folder>`: restores a backup made by `npm run backup` into an EMPTY database (the
// embedded one of `npm start`, created when missing, or DATABASE_URL / MIGRATION_DATABASE_URL), checks every
// table's row count and every file's SHA-256, and refuses a database that already holds tables.
import { backupModule, ownerDatabase } from './ops-db.mjs';

async function main() {
  const location = process.argv[2];
  if (!location) throw new Error('Hãy chỉ bản sao lưu cần khôi phục: npm run restore <thư mục sao lưu>.');
  const { readBackup, restoreBackup } = backupModule();
  await readBackup(location); // a missing or damaged backup is said before any database is touched
  const db = await ownerDatabase({ create: true });
  try {
    const report = await restoreBackup({ location, url: db.url, appRole: db.appRole, log: (line) => console.log(line) });
    const rows = report.tables.reduce((s, t) => s + t.rows, 0);
    console.log(`Đã khôi phục ${report.tables.length} bảng (${rows} dòng) và ${report.files} tệp đính kèm, đã kiểm tra số dòng và mã băm.`);
    console.log('Khởi động ứng dụng với khóa ký sổ nhật ký cũ (hoặc khóa mới, thêm khóa công khai trong bản sao lưu vào LEDGER_PREVIOUS_PUBLIC_KEYS) rồi kiểm tra tính toàn vẹn nhật ký.');
  } finally {
    await db.stop();
  }
}

main().catch((e) => {
  console.error(`Khôi phục thất bại: ${e.message}`);
  process.exit(1);
});
