// The Ed25519 key that signs the audit ledger's checkpoints lives in a file beside the embedded data,
// outside PostgreSQL: someone who can rewrite the database still cannot sign a checkpoint.
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The path of the key file in `dir`, created (mode 0600) on first use. */
export function ensureLedgerKey(dir) {
  const file = path.join(dir, 'ledger-signing-key.pem');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    const { privateKey } = generateKeyPairSync('ed25519');
    writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
    console.log(`Đã tạo khóa ký sổ nhật ký: ${file} (hãy sao lưu tệp này riêng, không cùng cơ sở dữ liệu).`);
  }
  return file;
}
