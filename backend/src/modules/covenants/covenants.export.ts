/** The covenant (giao ước thi đua) as a document model, with its signature table: one column per unit. Pure. */
import type { LegalInstrument } from '@thidua/rules';
import type { Block, DocumentModel, SignatureColumn } from '../documents';
import { ISSUER_PARENT, legalBasisLine, PLACE, RECIPIENTS } from '../drafts/drafts.export';
import { type CovenantStatus, signedAtLabel, vnNumber } from './covenant-rules';

export interface CovenantExportInput {
  docNumber: string;
  number: number;
  status: CovenantStatus;
  title: string;
  amends: boolean;
  blockName: string;
  year: number;
  legalBasis: LegalInstrument[];
  goals: string[];
  commitments: string[];
  contentHash: string | null;
  /** Date printed in the header: the signing day, or null for a draft. */
  date: Date | null;
  /** Members, the leader unit last (the order of the signature table). */
  units: { id: string; name: string; isLeader: boolean; headName: string | null; headTitle: string | null }[];
  targets: { unitId: string; indicator: string; unitOfMeasure: string; targetValue: string | number }[];
  signatures: { unitId: string; signerName: string; signerTitle: string; signedAt: Date }[];
  /** The ledger seal line printed last (see ledgerSealLine). */
  seal?: string;
}

export function covenantDocumentModel(c: CovenantExportInput): DocumentModel {
  const blocks: Block[] = [];
  for (const i of c.legalBasis) blocks.push({ kind: 'paragraph', content: legalBasisLine(i) });
  blocks.push({
    kind: 'paragraph',
    content: [{ text: 'Thực hiện Kế hoạch hoạt động năm ' + c.year + ' của ' }, { text: c.blockName, bold: true }, { text: ', các đơn vị thành viên cùng thống nhất ký kết Giao ước thi đua với các nội dung sau:' }],
  });
  if (c.goals.length) blocks.push({ kind: 'heading', text: 'I. MỤC TIÊU CHUNG' }, { kind: 'list', style: 'bulleted', items: c.goals });
  if (c.commitments.length) blocks.push({ kind: 'heading', text: 'II. NỘI DUNG GIAO ƯỚC' }, { kind: 'list', style: 'numbered', items: c.commitments });
  if (c.targets.length) {
    const order = new Map(c.units.map((u, i) => [u.id, i]));
    const name = new Map(c.units.map((u) => [u.id, u.name]));
    const rows = [...c.targets].sort((a, b) => (order.get(a.unitId) ?? 99) - (order.get(b.unitId) ?? 99));
    blocks.push(
      { kind: 'heading', text: 'III. CHỈ TIÊU ĐĂNG KÝ CỦA CÁC ĐƠN VỊ' },
      {
        kind: 'table', size: 12,
        columns: [
          { header: 'STT', width: 7, align: 'center' }, { header: 'Đơn vị', width: 29 }, { header: 'Chỉ tiêu', width: 38 },
          { header: 'Đơn vị tính', width: 12, align: 'center' }, { header: 'Chỉ tiêu đăng ký', width: 14, align: 'right' },
        ],
        rows: rows.map((t, i) => [i + 1, name.get(t.unitId) ?? '', t.indicator, t.unitOfMeasure, vnNumber(t.targetValue)]),
      },
    );
  }
  blocks.push({
    kind: 'paragraph',
    content: `Giao ước có hiệu lực khi thủ trưởng tất cả ${String(c.units.length).padStart(2, '0')} đơn vị thành viên đã ký (đơn vị Khối trưởng ký sau cùng). Các đơn vị cam kết tổ chức thực hiện nghiêm túc, hiệu quả các nội dung đã giao ước; kết quả thực hiện là căn cứ chấm điểm, bình xét thi đua năm ${c.year}./.`,
  });
  if (c.seal) blocks.push({ kind: 'paragraph', size: 11, align: 'left', indent: false, content: [{ text: c.seal, italic: true }] });
  const signed = new Map(c.signatures.map((s) => [s.unitId, s]));
  const columns: SignatureColumn[] = c.units.map((u) => {
    const s = signed.get(u.id);
    return {
      unit: u.name,
      position: s?.signerTitle || u.headTitle || 'Thủ trưởng đơn vị',
      name: s?.signerName ?? u.headName ?? '',
      ...(s ? { signedAt: signedAtLabel(s.signedAt) } : {}),
    };
  });
  const note = c.status === 'draft' ? '(Dự thảo)' : c.status === 'signing' ? '(Đang ký)' : c.status === 'superseded' ? '(Đã được thay thế bằng bản sửa đổi)' : null;
  const title = [c.title, c.amends ? `(Sửa đổi, bổ sung - bản số ${c.number})` : null, note].filter(Boolean).join('\n');
  return {
    agency: { parent: ISSUER_PARENT, name: c.blockName },
    number: c.docNumber,
    place: PLACE,
    date: c.date,
    type: 'Giao ước thi đua',
    title,
    blocks,
    signatureTable: { caption: 'Đại diện các đơn vị thành viên', columns, perRow: c.units.length <= 5 ? c.units.length : 4 },
    recipients: RECIPIENTS,
    footer: c.contentHash ? `${c.docNumber} - SHA-256 nội dung: ${c.contentHash}` : `${c.docNumber} (dự thảo, chưa mở ký)`,
  };
}
