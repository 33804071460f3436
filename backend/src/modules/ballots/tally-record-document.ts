/**
 * The tally record (biên bản kiểm phiếu) of a ballot series, built from the stored ballots, as a document
 * model in the Nghị định 30/2020 layout. Pure: no NestJS or TypeORM here.
 *
 * Glossary:
 * - Ban kiểm phiếu: tally committee (trưởng ban, thành viên) who count and sign
 * - Số phiếu phát ra / thu về / hợp lệ / không hợp lệ: ballots issued / cast / valid / invalid
 * - Trúng cử: elected
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../common/canonical-json';
import type { Block, DocumentModel, TableCell } from '../documents';
import { vietnameseDateTime } from '../conferences/minutes-document';

export interface TallyRoundData {
  round: number;
  mode: 'electronic' | 'paper';
  /** ISO date-times. */
  openedAt: string;
  closedAt: string;
  members: number;
  present: number;
  /** Số phiếu phát ra: one per present unit electronically; as counted on paper. */
  issued: number;
  ballotsCast: number;
  valid: number;
  invalid: number;
  quota: number;
  thresholdPercent: number;
  thresholdBase: 'members' | 'present';
  base: number;
  threshold: number;
  approvalsNeeded: number;
  /** Approvals descending. */
  candidates: { name: string; rank: number | null; approvals: number; percent: number; aboveThreshold: boolean; elected: boolean }[];
  /** Names of the candidates tied at the quota line and the seats left, when a re-vote follows. */
  revote: { names: string[]; seats: number } | null;
  /**
   * Electronic rounds: the receipts (SHA-256) of every paper in the box, alphabetical. Each unit finds the
   * receipt it was given when it voted. Absent for paper rounds and for ballots counted before encryption.
   */
  receipts?: string[];
}

/** Everything the record states; its SHA-256 is what the committee signs. */
export interface TallyRecordData {
  blockName: string;
  blockCode: string;
  year: number;
  awardCode: string;
  awardName: string;
  conferenceTitle: string;
  place: string;
  members: number;
  rounds: TallyRoundData[];
  /** Elected across the rounds, in order. */
  elected: { name: string; approvals: number; percent: number; round: number }[];
}

export interface TallyRecordSignature {
  number: string;
  chairName: string;
  memberNames: string[];
  /** ISO date-time. */
  signedAt: string;
  contentHash: string;
}

export interface TallyRecordMeta {
  agencyParent?: string;
  issuePlace: string;
  /** Unsigned: a draft with a blank number. */
  signature: TallyRecordSignature | null;
  /** The blank number of a draft, e.g. "     /BB-KTĐ4". */
  draftNumber: string;
  /** The ledger seal line printed last (see ledgerSealLine). */
  seal?: string;
}

export function tallyRecordHash(data: TallyRecordData): string {
  return createHash('sha256').update(canonicalJson(data)).digest('hex');
}

const BASE_LABEL = { members: 'tổng số đơn vị thành viên', present: 'số đơn vị có mặt' } as const;
/** 66.666 → "66,67%" (Vietnamese decimal comma, at most two decimals). */
export const percentText = (n: number) => `${n.toLocaleString('vi-VN', { maximumFractionDigits: 2 })}%`;
const para = (content: string): Block => ({ kind: 'paragraph', content });
const labelled = (label: string, text: string): Block => ({ kind: 'paragraph', content: [{ text: `${label}: `, bold: true }, { text }] });
const centred = (text: string): TableCell => ({ text, align: 'center' });

function roundBlocks(r: TallyRoundData, several: boolean): Block[] {
  const blocks: Block[] = [];
  if (several) blocks.push({ kind: 'heading', level: 2, text: r.round === 1 ? 'Vòng bầu thứ nhất' : `Vòng bầu lại lần ${r.round - 1}` });
  blocks.push(labelled('Hình thức', r.mode === 'electronic' ? 'bỏ phiếu kín bằng phiếu điện tử' : 'bỏ phiếu kín bằng phiếu giấy'));
  blocks.push(labelled('Thời gian', `từ ${vietnameseDateTime(r.openedAt)} đến ${vietnameseDateTime(r.closedAt)}`));
  blocks.push(labelled('Số đơn vị thành viên', `${r.members}; số đơn vị có mặt: ${r.present}`));
  blocks.push(labelled('Số phiếu phát ra', `${r.issued}; số phiếu thu về: ${r.ballotsCast}; số phiếu hợp lệ: ${r.valid}; số phiếu không hợp lệ: ${r.invalid}`));
  blocks.push(labelled('Số đơn vị được bầu tối đa', `${r.quota}`));
  blocks.push(labelled(
    'Điều kiện trúng cử',
    `số phiếu đồng ý phải trên ${percentText(r.thresholdPercent)} ${BASE_LABEL[r.thresholdBase]} (${r.base} × ${percentText(r.thresholdPercent)} = ${r.threshold.toLocaleString('vi-VN')}), tức ít nhất ${r.approvalsNeeded} phiếu`,
  ));
  blocks.push({
    kind: 'table',
    columns: [
      { header: 'STT', width: 7, align: 'center' },
      { header: 'Đơn vị', width: 45 },
      { header: 'Xếp hạng', width: 11, align: 'center' },
      { header: 'Số phiếu đồng ý', width: 13, align: 'center' },
      { header: 'Tỷ lệ', width: 11, align: 'center' },
      { header: 'Kết quả', width: 13, align: 'center' },
    ],
    rows: r.candidates.map((c, i) => [
      centred(String(i + 1)), c.name, centred(c.rank === null ? '' : String(c.rank)), centred(String(c.approvals)), centred(percentText(c.percent)),
      centred(c.elected ? 'Trúng cử' : r.revote?.names.includes(c.name) ? 'Bầu lại' : 'Không trúng cử'),
    ]),
  });
  const elected = r.candidates.filter((c) => c.elected).map((c) => c.name);
  blocks.push(para(elected.length ? `Kết quả vòng bầu: trúng cử ${elected.join('; ')}.` : 'Kết quả vòng bầu: không có đơn vị trúng cử.'));
  if (r.receipts?.length) {
    blocks.push(para(`Biên nhận của ${r.receipts.length} phiếu điện tử trong hòm phiếu (SHA-256, theo thứ tự chữ cái; mỗi đơn vị đối chiếu biên nhận nhận được khi bỏ phiếu, biên nhận không cho biết nội dung phiếu):`));
    blocks.push({ kind: 'list', style: 'numbered', items: r.receipts });
  }
  if (r.revote) {
    blocks.push(para(`Các đơn vị ${r.revote.names.join('; ')} có số phiếu bằng nhau tại ngưỡng số lượng được bầu; Hội nghị tiến hành bầu lại giữa các đơn vị này cho ${r.revote.seats} vị trí còn lại.`));
  }
  return blocks;
}

export function tallyRecordDocument(data: TallyRecordData, meta: TallyRecordMeta): DocumentModel {
  const sig = meta.signature;
  const blocks: Block[] = [];
  const first = data.rounds[0];
  const last = data.rounds[data.rounds.length - 1];
  blocks.push(para(`Hôm nay, ${vietnameseDateTime(first.openedAt)}, tại ${data.place}, trong chương trình ${data.conferenceTitle}, Ban kiểm phiếu tiến hành kiểm phiếu bầu chọn đơn vị đề nghị tặng ${data.awardName} năm ${data.year} của ${data.blockName}.`));
  blocks.push({ kind: 'heading', text: 'I. THÀNH PHẦN BAN KIỂM PHIẾU' });
  if (sig) {
    blocks.push(labelled('Trưởng ban', sig.chairName));
    blocks.push(labelled('Thành viên', sig.memberNames.join('; ')));
  } else {
    blocks.push(labelled('Trưởng ban', '…………………………'));
    blocks.push(labelled('Thành viên', '…………………………'));
  }
  blocks.push({ kind: 'heading', text: 'II. KẾT QUẢ KIỂM PHIẾU' });
  for (const r of data.rounds) blocks.push(...roundBlocks(r, data.rounds.length > 1));
  blocks.push({ kind: 'heading', text: 'III. KẾT QUẢ BẦU CHỌN' });
  if (data.elected.length) {
    blocks.push(para(`Căn cứ kết quả kiểm phiếu, các đơn vị sau trúng cử đề nghị tặng ${data.awardName} năm ${data.year}:`));
    blocks.push({
      kind: 'list', style: 'numbered',
      items: data.elected.map((e) => `${e.name}: ${e.approvals} phiếu đồng ý, đạt ${percentText(e.percent)}${data.rounds.length > 1 ? ` (${e.round === 1 ? 'vòng bầu thứ nhất' : `vòng bầu lại lần ${e.round - 1}`})` : ''};`),
    });
  } else {
    blocks.push(para(`Không có đơn vị nào đạt số phiếu đồng ý cần thiết để đề nghị tặng ${data.awardName} năm ${data.year}.`));
  }
  blocks.push(para(`Biên bản kiểm phiếu kết thúc lúc ${vietnameseDateTime(last.closedAt)}, được Ban kiểm phiếu thông qua và công bố trước Hội nghị./.`));
  if (meta.seal) blocks.push({ kind: 'paragraph', size: 11, align: 'left', indent: false, content: [{ text: meta.seal, italic: true }] });

  return {
    agency: meta.agencyParent ? { parent: meta.agencyParent, name: data.blockName } : { name: data.blockName },
    number: sig?.number ?? meta.draftNumber,
    place: meta.issuePlace,
    date: sig ? new Date(sig.signedAt) : new Date(last.closedAt),
    type: 'Biên bản',
    title: `Kiểm phiếu bầu chọn đề nghị tặng ${data.awardName} năm ${data.year}`,
    blocks,
    signatureTable: {
      caption: 'BAN KIỂM PHIẾU',
      columns: [
        ...(sig ? sig.memberNames : ['']).map((name) => ({ unit: 'Thành viên', name })),
        { unit: 'Trưởng ban', name: sig?.chairName ?? '' },
      ],
    },
    footer: sig
      ? `Biên bản đã được Ban kiểm phiếu ký xác nhận. SHA-256 nội dung: ${sig.contentHash}`
      : 'DỰ THẢO – biên bản chưa được Ban kiểm phiếu ký xác nhận',
  };
}
