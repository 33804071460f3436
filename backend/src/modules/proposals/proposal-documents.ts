/**
 * The dossier's own documents as document models in the Nghị định 30/2020 layout (docs/domain.md §7): the
 * submission letter (tờ trình, TTr), the nominee list (danh sách đề nghị khen thưởng) and the list attached
 * to the council's decision (danh sách kèm theo quyết định). Pure: the service gathers the data, the
 * documents library renders it.
 */
import type { Block, DocumentModel, TableCell } from '../documents';
import { signatoryName } from '../conferences/minutes-document';
import { vnDate } from '../drafts/draft-content';
import { ISSUER_PARENT, PLACE } from '../drafts/drafts.export';
import { percentText } from '../ballots/tally-record-document';

export const CITY_AGENCY = 'Ủy ban nhân dân Thành phố Hà Nội';

export interface NomineeLine {
  unitId: string;
  unitName: string;
  code: string;
  awardName: string;
  approvals: number;
  percent: number;
  rank: number | null;
  note: string;
  /** Exemplary models of the unit the dossier cites: "Chị Ngô Thu Trang (2024): hiến máu 30 lần". */
  models?: readonly string[];
}

export const NOMINEE_LIST_HEADERS = ['STT', 'Tên đơn vị', 'Hình thức khen thưởng', 'Số phiếu', 'Tỷ lệ', 'Xếp hạng', 'Ghi chú'];
export const DECISION_LIST_HEADERS = ['STT', 'Tên tập thể', 'Hình thức khen thưởng', 'Ghi chú'];

/** "100%", "66,67%". */
export { percentText };
const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/** Nominees grouped by award, in the order of first appearance. */
export function byAward<T extends { code: string; awardName: string }>(lines: readonly T[]): { code: string; awardName: string; lines: T[] }[] {
  const groups: { code: string; awardName: string; lines: T[] }[] = [];
  for (const l of lines) {
    let g = groups.find((x) => x.code === l.code);
    if (!g) groups.push((g = { code: l.code, awardName: l.awardName, lines: [] }));
    g.lines.push(l);
  }
  return groups;
}

export interface LetterDocumentInput {
  blockName: string;
  blockCode: string;
  year: number;
  number: string;
  /** yyyy-mm-dd, or null for a draft dated when signed. */
  date: string | null;
  recipient: string;
  paragraphs: readonly string[];
  closing: string;
  signerName: string;
  nominees: readonly NomineeLine[];
  /** The enclosed parts ("Hồ sơ kèm theo"), in order. */
  enclosures: readonly string[];
  draft: boolean;
  /** The ledger seal line printed last (see ledgerSealLine). */
  seal?: string;
}

/** The default subject line of the letter. */
export const letterTitle = (year: number, blockName: string) => `Về việc đề nghị khen thưởng thành tích thi đua năm ${year} cho các tập thể thuộc ${blockName}`;

/** Tờ trình (TTr): "Kính gửi", the body, the nominees by award, the closing, the enclosures, the leader's signature. */
export function letterDocument(d: LetterDocumentInput): DocumentModel {
  const blocks: Block[] = [
    { kind: 'paragraph', content: [{ text: 'Kính gửi: ', italic: true }, { text: d.recipient.trim() }], align: 'center', indent: false },
  ];
  for (const p of d.paragraphs.map((s) => s.trim()).filter(Boolean)) blocks.push({ kind: 'paragraph', content: p });
  const groups = byAward(d.nominees);
  if (groups.length) {
    groups.forEach((g, i) => {
      blocks.push({ kind: 'heading', text: `${i + 1}. ${g.awardName}: ${two(g.lines.length)} tập thể`, level: 2 });
      blocks.push({ kind: 'list', style: 'bulleted', items: g.lines.map((l) => `${l.unitName} (đạt ${l.approvals} phiếu, tỷ lệ ${percentText(l.percent)}${l.rank ? `, xếp hạng ${l.rank}` : ''});`) });
    });
  } else {
    blocks.push({ kind: 'paragraph', content: [{ text: '(Chưa có đơn vị trúng cử qua bỏ phiếu bình xét.)', italic: true }] });
  }
  if (d.closing.trim()) for (const p of d.closing.split(/\n+/).map((s) => s.trim()).filter(Boolean)) blocks.push({ kind: 'paragraph', content: p });
  if (d.enclosures.length) {
    blocks.push({ kind: 'paragraph', content: [{ text: 'Hồ sơ kèm theo gồm:', bold: true, italic: true }] });
    blocks.push({ kind: 'list', style: 'bulleted', items: d.enclosures.map((e, i) => `${e}${i === d.enclosures.length - 1 ? '.' : ';'}`) });
  }
  blocks.push({ kind: 'paragraph', content: `${d.blockName} kính trình./.` });
  if (d.seal) blocks.push({ kind: 'paragraph', size: 11, align: 'left', indent: false, content: [{ text: d.seal, italic: true }] });
  return {
    agency: { parent: ISSUER_PARENT, name: d.blockName },
    number: d.number,
    place: PLACE,
    date: d.date,
    type: 'Tờ trình',
    title: letterTitle(d.year, d.blockName) + (d.draft ? '\n(Dự thảo)' : ''),
    blocks,
    recipients: ['Như trên', 'Các đơn vị thành viên Khối', `Lưu: VT, ${d.blockCode}`],
    signatures: [{ prefix: 'TM.', authority: d.blockName, position: 'Khối trưởng', name: signatoryName(d.signerName) }],
    footer: d.draft ? `${d.number} - DỰ THẢO, chưa trình Ban Thi đua - Khen thưởng Thành phố` : undefined,
  };
}

export interface NomineeListInput {
  blockName: string;
  year: number;
  letterNumber: string;
  letterDate: string | null;
  signerName: string;
  nominees: readonly NomineeLine[];
  draft: boolean;
}

/** Danh sách đề nghị khen thưởng: STT | Tên đơn vị | Hình thức khen thưởng | Số phiếu | Tỷ lệ | Xếp hạng | Ghi chú, attached to the letter. */
export function nomineeListDocument(d: NomineeListInput): DocumentModel {
  const centred = (text: string): TableCell => ({ text, align: 'center' });
  const ref = `(Kèm theo Tờ trình số ${d.letterNumber}${d.letterDate ? ` ngày ${vnDate(d.letterDate)}` : ''} của ${d.blockName})`;
  return {
    agency: { parent: ISSUER_PARENT, name: d.blockName },
    number: d.letterNumber,
    place: PLACE,
    date: d.letterDate,
    type: 'Danh sách',
    title: `Các tập thể được đề nghị khen thưởng thành tích thi đua năm ${d.year}`,
    orientation: 'landscape',
    blocks: [
      { kind: 'paragraph', content: [{ text: ref, italic: true }], align: 'center', indent: false },
      {
        kind: 'table',
        size: 12,
        columns: NOMINEE_LIST_HEADERS.map((header, i) => ({ header, width: [0.8, 5, 3.4, 1.2, 1.2, 1.2, 2.4][i], align: i === 1 || i === 2 || i === 6 ? 'left' as const : 'center' as const })),
        rows: d.nominees.map((n, i) => [centred(String(i + 1)), n.unitName, n.awardName, centred(String(n.approvals)), centred(percentText(n.percent)), centred(n.rank ? String(n.rank) : ''), n.note]),
      },
      { kind: 'paragraph', content: `Tổng số: ${two(d.nominees.length)} lượt tập thể được đề nghị khen thưởng.` },
      ...citedModels(d.nominees),
    ],
    signatures: [{ prefix: 'TM.', authority: d.blockName, position: 'Khối trưởng', name: signatoryName(d.signerName) }],
    footer: d.draft ? 'DỰ THẢO - danh sách theo kết quả bỏ phiếu, chưa trình' : undefined,
  };
}

/** Gương điển hình tiên tiến the dossier cites, per nominee unit (once per unit). */
function citedModels(nominees: readonly NomineeLine[]): DocumentModel['blocks'] {
  const seen = new Set<string>();
  const units = nominees.filter((n) => n.models?.length && !seen.has(n.unitId) && seen.add(n.unitId));
  if (!units.length) return [];
  return [
    { kind: 'paragraph', content: [{ text: 'Gương điển hình tiên tiến của các tập thể được đề nghị:', bold: true }] },
    ...units.map((n) => ({ kind: 'list' as const, style: 'bulleted' as const, items: [[{ text: `${n.unitName}: `, bold: true }, { text: n.models!.join('; ') }]] })),
  ];
}

export interface DecisionLine {
  unitName: string;
  awardName: string;
  note: string;
}

export interface DecisionListInput {
  decisionNumber: string;
  /** yyyy-mm-dd. */
  decisionDate: string;
  /** As recorded: "Trần Sỹ Thanh" or "Trần Sỹ Thanh – Chủ tịch". */
  signer: string;
  year: number;
  blockName: string;
  lines: readonly DecisionLine[];
}

/** The signer's position from "Name – Position", else the city chair. */
export function signerPosition(signer: string): string {
  const parts = signer.split(/\s+[–-]\s+/);
  return parts.length > 1 && parts[1].trim() ? parts[1].trim() : 'Chủ tịch';
}

/** Danh sách kèm theo Quyết định: the collectives awarded by one decision of the city chair. */
export function decisionListDocument(d: DecisionListInput): DocumentModel {
  const position = signerPosition(d.signer);
  const deputy = /^phó/i.test(position);
  return {
    agency: { name: CITY_AGENCY },
    number: d.decisionNumber,
    place: PLACE,
    date: d.decisionDate,
    type: 'Danh sách',
    title: `Các tập thể thuộc ${d.blockName} được khen thưởng thành tích thi đua năm ${d.year}`,
    blocks: [
      { kind: 'paragraph', content: [{ text: `(Kèm theo Quyết định số ${d.decisionNumber} ngày ${vnDate(d.decisionDate)} của Chủ tịch Ủy ban nhân dân Thành phố Hà Nội)`, italic: true }], align: 'center', indent: false },
      ...byAward(d.lines.map((l) => ({ ...l, code: l.awardName }))).flatMap((g, gi): Block[] => [
        { kind: 'heading', text: `${gi + 1}. ${g.awardName}: ${two(g.lines.length)} tập thể`, level: 2 },
        {
          kind: 'table',
          size: 12,
          columns: DECISION_LIST_HEADERS.map((header, i) => ({ header, width: [0.8, 6, 3.6, 2.6][i], align: i === 0 ? 'center' as const : 'left' as const })),
          rows: g.lines.map((l, i) => [{ text: String(i + 1), align: 'center' }, l.unitName, l.awardName, l.note]),
        },
      ]),
      { kind: 'paragraph', content: `Tổng số: ${two(d.lines.length)} tập thể./.` },
    ],
    signatures: [deputy
      ? { prefix: 'KT.', authority: 'Chủ tịch', position, name: signatoryName(d.signer) }
      : { prefix: 'TM.', authority: 'Ủy ban nhân dân', position, name: signatoryName(d.signer) }],
  };
}

export const DEFAULT_RECIPIENT = 'Hội đồng Thi đua - Khen thưởng Thành phố Hà Nội';

export interface LetterDraftInput {
  blockName: string;
  year: number;
  legalBasis: readonly { number: string; date: string; title: string }[];
  /** yyyy-mm-dd of the year-end conference, when known. */
  conferenceDate: string | null;
}

/** The letter drafted from the data: recipient, body paragraphs and closing, all editable afterwards. */
export function draftLetter(d: LetterDraftInput): { recipient: string; paragraphs: string[]; closing: string } {
  return {
    recipient: DEFAULT_RECIPIENT,
    paragraphs: [
      ...d.legalBasis.map((i) => `Căn cứ ${i.title} số ${i.number} ngày ${vnDate(i.date)};`),
      `Căn cứ Quy chế hoạt động và bình xét thi đua năm ${d.year} của ${d.blockName};`,
      `Căn cứ kết quả chấm điểm thi đua năm ${d.year} và kết quả bình xét, bỏ phiếu suy tôn tại Hội nghị tổng kết công tác thi đua, khen thưởng năm ${d.year} của ${d.blockName}${d.conferenceDate ? ` ngày ${vnDate(d.conferenceDate)}` : ''},`,
      `${d.blockName} kính trình Hội đồng Thi đua - Khen thưởng Thành phố xem xét, trình Chủ tịch Ủy ban nhân dân Thành phố tặng thưởng các tập thể có thành tích xuất sắc trong phong trào thi đua năm ${d.year}, cụ thể như sau:`,
    ],
    closing: 'Kính đề nghị Hội đồng Thi đua - Khen thưởng Thành phố xem xét, trình Chủ tịch Ủy ban nhân dân Thành phố quyết định khen thưởng.',
  };
}
