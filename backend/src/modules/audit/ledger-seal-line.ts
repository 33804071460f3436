import type { DocumentProofDto } from './dto/audit.dto';
import { rootFingerprint } from './ledger-proof';

/** Pure: the line a printed document ends with, naming the checkpoint its ledger entry was sealed under. */
export function ledgerSealLine(p: Pick<DocumentProofDto, 'status' | 'checkpoint'>): string {
  if (p.status !== 'sealed' || !p.checkpoint) return 'Niêm phong trong sổ kiểm toán: chưa niêm phong.';
  const c = p.checkpoint;
  return `Niêm phong trong sổ kiểm toán: điểm kiểm #${c.number}, gốc ${rootFingerprint(c.rootHash)}, lúc ${vietnamDateTime(c.sealedAt)}.`;
}

const PARTS = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** dd/mm/yyyy HH:mm in Vietnam time. */
export function vietnamDateTime(iso: string): string {
  const v = Object.fromEntries(PARTS.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${v.day}/${v.month}/${v.year} ${v.hour}:${v.minute}`;
}
