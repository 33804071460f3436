// `npm run backup`: a consistent, compressed backup of the database (the embedded one of `npm start`, or
// DATABASE_URL) into BACKUP_DIR (default: `backups/` beside the embedded data, `.data/backups`), with the
// uploaded files and the ledger's public key beside it. Prints the folder; exit code 1 with a sentence on failure.
import { backupDir, backupModule, ledgerPublicKeys, ownerDatabase } from './ops-db.mjs';

async function main() {
  const { createBackup, pruneBackups } = backupModule();
  const dir = await backupDir();
  const db = await ownerDatabase();
  try {
    const { folder, manifest, bytes } = await createBackup({ url: db.url, dir, publicKeys: await ledgerPublicKeys() });
    const rows = manifest.tables.reduce((s, t) => s + t.rows, 0);
    console.log(`Đã sao lưu ${manifest.tables.length} bảng (${rows} dòng), ${manifest.files.length} tệp đính kèm, ${(bytes / 1048576).toFixed(1)} MB vào ${folder}`);
    if (!manifest.ledger.publicKeyFile) console.log('Chú ý: không tìm thấy khóa ký sổ nhật ký nên bản sao lưu không kèm khóa công khai.');
    const keep = Number(process.env.BACKUP_KEEP_DAYS || 14);
    if (Number.isInteger(keep) && keep > 0) for (const name of pruneBackups(dir, keep, new Date())) console.log(`Đã xóa bản sao lưu cũ hơn ${keep} ngày: ${name}`);
  } finally {
    await db.stop();
  }
}

main().catch((e) => {
  console.error(`Sao lưu thất bại: ${e.message}`);
  process.exit(1);
});
