/**
 * The minutes (BB) as a document model in the Nghị định 30/2020 layout, rendered by the documents
 * library. Pure: no NestJS or TypeORM here.
 */
import type { Block, DocumentModel, SignatureBlock, TableCell } from '../documents';
import { vietnamCalendarDate } from '../documents';
import { signatoryName, type MinutesContent, type MinutesPresence, type MinutesSeat } from './minutes';

export { signatoryName };

export interface MinutesDocumentMeta {
  /** Block name, e.g. "Khối thi đua số 4": the issuing agency. */
  blockName: string;
  /** The agency above the block, e.g. "UBND Thành phố Hà Nội". */
  agencyParent?: string;
  /** e.g. "01/BB-KTĐ4". */
  number: string;
  /** Place of issue in the date line, e.g. "Hà Nội". */
  issuePlace: string;
  status: 'draft' | 'approved';
  contentHash: string | null;
}

const PRESENCE_LABEL: Record<MinutesPresence, string> = { present: 'Có mặt', absent: 'Vắng', excused: 'Vắng có lý do' };
const SEAT_LABEL: Record<MinutesSeat, string> = { leader: 'Khối trưởng', deputy: 'Khối phó' };
const VN_OFFSET_MS = 7 * 3600 * 1000;

const pad = (n: number) => String(n).padStart(2, '0');

/** "08 giờ 00 phút, ngày 26 tháng 4 năm 2024" in Vietnam's time. */
export function vietnameseDateTime(iso: string): string {
  const d = new Date(iso);
  const local = new Date(d.getTime() + VN_OFFSET_MS);
  const { year, month, day } = vietnamCalendarDate(d);
  return `${pad(local.getUTCHours())} giờ ${pad(local.getUTCMinutes())} phút, ngày ${pad(day)} tháng ${month <= 2 ? pad(month) : month} năm ${year}`;
}

/** "08 giờ 00 phút" in Vietnam's time. */
export function vietnameseTime(iso: string): string {
  const local = new Date(new Date(iso).getTime() + VN_OFFSET_MS);
  return `${pad(local.getUTCHours())} giờ ${pad(local.getUTCMinutes())} phút`;
}

const sameVietnamDay = (a: string, b: string) => JSON.stringify(vietnamCalendarDate(new Date(a))) === JSON.stringify(vietnamCalendarDate(new Date(b)));


function personLine(p: { person: string; unit: string; seat: MinutesSeat | null }): string {
  const seat = p.seat ? ` (${SEAT_LABEL[p.seat]})` : '';
  return p.person.trim() ? `Đồng chí ${p.person.trim()}, ${p.unit}${seat}` : `${p.unit}${seat}`;
}

const para = (content: string, over: Partial<Extract<Block, { kind: 'paragraph' }>> = {}): Block => ({ kind: 'paragraph', content, ...over });
const labelled = (label: string, text: string): Block => ({ kind: 'paragraph', content: [{ text: `${label}: `, bold: true }, { text }] });

export function minutesDocument(c: MinutesContent, meta: MinutesDocumentMeta): DocumentModel {
  const blocks: Block[] = [];
  blocks.push({ kind: 'heading', text: 'I. THỜI GIAN, ĐỊA ĐIỂM' });
  blocks.push(labelled('Thời gian', `bắt đầu lúc ${vietnameseDateTime(c.startedAt)}.`));
  blocks.push(labelled('Địa điểm', `${c.place}.`));

  blocks.push({ kind: 'heading', text: 'II. THÀNH PHẦN THAM DỰ' });
  blocks.push(labelled('Chủ trì', personLine(c.chair)));
  if (c.coChair) blocks.push(labelled('Đồng chủ trì', personLine(c.coChair)));
  if (c.guests.length) {
    blocks.push(labelled('Khách mời', ''));
    blocks.push({ kind: 'list', style: 'bulleted', items: c.guests.map((g) => `${g};`) });
  }
  blocks.push(labelled('Đại diện các đơn vị thành viên', `có mặt ${c.quorum.present}/${c.quorum.members} đơn vị.`));
  const centred = (text: string): TableCell => ({ text, align: 'center' });
  blocks.push({
    kind: 'table',
    columns: [
      { header: 'STT', width: 7, align: 'center' },
      { header: 'Đơn vị', width: 45 },
      { header: 'Đại biểu dự họp', width: 30 },
      { header: 'Tình hình tham dự', width: 18, align: 'center' },
    ],
    rows: c.attendees.map((a, i) => [
      centred(String(i + 1)),
      a.seat ? `${a.unitName} (${SEAT_LABEL[a.seat]})` : a.unitName,
      a.presence === 'present' ? a.delegate : '',
      centred(a.presence ? PRESENCE_LABEL[a.presence] : 'Chưa điểm danh'),
    ]),
  });
  blocks.push(para(
    c.quorum.met
      ? `Số đơn vị có mặt ${c.quorum.present}/${c.quorum.members}, đạt tỷ lệ tối thiểu ${c.quorum.numerator}/${c.quorum.denominator} số đơn vị thành viên (cần ít nhất ${c.quorum.needed}); Hội nghị đủ điều kiện tiến hành.`
      : `Số đơn vị có mặt ${c.quorum.present}/${c.quorum.members}, chưa đạt tỷ lệ tối thiểu ${c.quorum.numerator}/${c.quorum.denominator} số đơn vị thành viên (cần ít nhất ${c.quorum.needed}).`,
  ));
  blocks.push(labelled('Thư ký', c.secretary.trim() ? `Đồng chí ${c.secretary.trim()}.` : '…………………………'));

  blocks.push({ kind: 'heading', text: 'III. NỘI DUNG HỘI NGHỊ' });
  c.agenda.forEach((item, i) => {
    blocks.push({ kind: 'heading', text: `${i + 1}. ${item.title}`, level: 2 });
    if (item.presenter.trim()) blocks.push(labelled('Trình bày', item.presenter.trim()));
    if (item.material) blocks.push(labelled('Tài liệu', item.material));
    for (const p of item.discussion.split(/\n+/).map((s) => s.trim()).filter(Boolean)) blocks.push(para(p));
    if (item.decisions.length) blocks.push({ kind: 'list', style: 'bulleted', items: item.decisions });
  });

  if (c.conclusion.trim()) {
    blocks.push({ kind: 'heading', text: 'IV. KẾT LUẬN CỦA HỘI NGHỊ' });
    for (const p of c.conclusion.split(/\n+/).map((s) => s.trim()).filter(Boolean)) blocks.push(para(p));
  }
  if (c.endedAt) {
    const when = sameVietnamDay(c.startedAt, c.endedAt) ? `${vietnameseTime(c.endedAt)} cùng ngày` : vietnameseDateTime(c.endedAt);
    blocks.push(para(`Hội nghị kết thúc lúc ${when}./.`));
  }

  const signatures: SignatureBlock[] = [
    { position: 'Thư ký', name: signatoryName(c.secretary) },
    { position: 'Chủ trì hội nghị', name: signatoryName(c.chair.person) },
  ];
  return {
    agency: meta.agencyParent ? { parent: meta.agencyParent, name: meta.blockName } : { name: meta.blockName },
    number: meta.number,
    place: meta.issuePlace,
    date: new Date(c.startedAt),
    type: 'Biên bản',
    title: c.title,
    blocks,
    signatures,
    footer: meta.status === 'approved' && meta.contentHash
      ? `Biên bản đã được chủ trì và thư ký thông qua. SHA-256 nội dung: ${meta.contentHash}`
      : 'DỰ THẢO – biên bản chưa được chủ trì và thư ký thông qua',
  };
}
