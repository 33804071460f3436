/**
 * The plan (KH) and the rules (QC) as a document model in the Nghị định 30/2020 layout. Pure: the service
 * gathers the data, the documents library renders it.
 */
import type { RuleSet, LegalInstrument } from '@thidua/rules';
import type { Block, DocumentModel, RichText } from '../documents';
import { dateRange, type DraftKind, type DraftSection, type DraftStatus, type PlanData, ruleSetLines, vnDate } from './draft-content';

/** Every block in the system is a block of Hà Nội, under the city's emulation council. */
export const ISSUER_PARENT = 'UBND Thành phố Hà Nội';
export const PLACE = 'Hà Nội';
export const RECIPIENTS = ['Ban Thi đua - Khen thưởng Thành phố', 'Các đơn vị thành viên Khối', 'Lưu: VT'];

export interface DraftExportInput {
  kind: DraftKind;
  docNumber: string;
  title: string;
  number: number;
  status: DraftStatus;
  adoptedAt: Date | null;
  contentHash: string | null;
  sections: Pick<DraftSection, 'key' | 'heading' | 'body'>[];
  plan: PlanData | null;
  ruleSet: RuleSet | null;
  blockName: string;
  year: number;
  legalBasis: LegalInstrument[];
  unitName: (id: string | null) => string;
  leaderHeadName: string | null;
}

/** Section keys after which the structured parts of a plan are printed. */
const ANCHORS = { theme: 'chu-de', activities: 'hoat-dong', movements: 'phong-trao', commemorations: 'ky-niem', fieldTrips: 'nghien-cuu-thuc-te', ruleSet: 'binh-xet-thi-dua' };

/** "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15/6/2022;" */
export function legalBasisLine(i: LegalInstrument): string {
  return `Căn cứ ${i.title} số ${i.number} ngày ${vnDate(i.date)};`;
}

/**
 * A section body as blocks: blank lines separate paragraphs; lines starting with "-" or "+" make a
 * bulleted list; short lines like "1. Mục đích" or "Điều 2. …" become sub-headings.
 */
export function bodyBlocks(body: string): Block[] {
  const out: Block[] = [];
  let bullets: string[] = [];
  const flush = () => {
    if (bullets.length) out.push({ kind: 'list', style: 'bulleted', items: bullets });
    bullets = [];
  };
  for (const raw of body.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    if (!line) {
      flush();
      continue;
    }
    if (/^[-+•]\s+/.test(line)) {
      bullets.push(line.replace(/^[-+•]\s+/, ''));
      continue;
    }
    flush();
    if (line.length <= 120 && /^(\d+\.|[a-zđ]\)|Điều \d+\.)\s/u.test(line) && !/[.;:]$/.test(line.replace(/^(\d+\.|Điều \d+\.)/, ''))) {
      out.push({ kind: 'heading', text: line, level: /^[a-zđ]\)/u.test(line) ? 3 : 2 });
    } else {
      out.push({ kind: 'paragraph', content: line });
    }
  }
  flush();
  return out;
}

function planParts(plan: PlanData, unitName: (id: string | null) => string): Record<keyof typeof ANCHORS, { heading: string; blocks: Block[] } | null> {
  const theme: Block[] = [];
  if (plan.theme) theme.push({ kind: 'paragraph', content: [{ text: 'Chủ đề năm: ', bold: true }, { text: plan.theme }] });
  if (plan.slogan) theme.push({ kind: 'paragraph', content: [{ text: 'Khẩu hiệu thi đua: ', bold: true }, { text: `“${plan.slogan}”`, italic: true }] });
  const activities: Block[] = plan.activities.length
    ? [{
        kind: 'table', size: 12,
        columns: [
          { header: 'STT', width: 7, align: 'center' }, { header: 'Nội dung hoạt động', width: 40 }, { header: 'Thời gian', width: 17, align: 'center' },
          { header: 'Đơn vị chủ trì', width: 21 }, { header: 'Ghi chú', width: 15 },
        ],
        rows: plan.activities.map((a, i) => [i + 1, a.title, dateRange(a.startDate, a.endDate), unitName(a.ownerUnitId), a.notes]),
      }]
    : [];
  const movements: Block[] = plan.movements.length
    ? [{
        kind: 'list', style: 'numbered',
        items: plan.movements.map((m): RichText => [
          { text: m.title, bold: true },
          { text: ` (${m.kind === 'regular' ? 'thi đua thường xuyên' : 'thi đua theo đợt, chuyên đề'})` },
          ...(m.period ? [{ text: `. Thời gian: ${m.period}` }] : []),
          ...(m.goal ? [{ text: `. Mục tiêu: ${m.goal}` }] : []),
        ]),
      }]
    : [];
  const commemorations: Block[] = plan.commemorations.length
    ? [{ kind: 'list', style: 'bulleted', items: plan.commemorations.map((c) => `Ngày ${vnDate(c.date)}: ${c.title}${c.notes ? ` (${c.notes})` : ''}`) }]
    : [];
  const fieldTrips: Block[] = plan.fieldTrips.length
    ? [{
        kind: 'table', size: 12,
        columns: [
          { header: 'STT', width: 7, align: 'center' }, { header: 'Nội dung', width: 37 }, { header: 'Địa điểm', width: 22 },
          { header: 'Thời gian', width: 14, align: 'center' }, { header: 'Đơn vị chủ trì', width: 20 },
        ],
        rows: plan.fieldTrips.map((f, i) => [i + 1, f.title, f.place, f.period, unitName(f.ownerUnitId)]),
      }]
    : [];
  const part = (heading: string, blocks: Block[]) => (blocks.length ? { heading, blocks } : null);
  return {
    theme: part('CHỦ ĐỀ, KHẨU HIỆU THI ĐUA', theme),
    activities: part('CÁC HOẠT ĐỘNG CỤ THỂ', activities),
    movements: part('CÁC PHONG TRÀO THI ĐUA', movements),
    commemorations: part('CÁC NGÀY KỶ NIỆM', commemorations),
    fieldTrips: part('HOẠT ĐỘNG NGHIÊN CỨU THỰC TẾ', fieldTrips),
    ruleSet: null,
  };
}

export function draftDocumentModel(d: DraftExportInput): DocumentModel {
  const blocks: Block[] = [];
  for (const i of d.legalBasis) blocks.push({ kind: 'paragraph', content: legalBasisLine(i) });
  blocks.push({
    kind: 'paragraph',
    content: d.kind === 'plan'
      ? [{ text: d.blockName, bold: true }, { text: ` xây dựng Kế hoạch hoạt động năm ${d.year} như sau:` }]
      : [{ text: d.blockName, bold: true }, { text: ` thống nhất ban hành Quy chế hoạt động và bình xét thi đua năm ${d.year} như sau:` }],
  });
  const parts = d.kind === 'plan' && d.plan ? planParts(d.plan, d.unitName) : null;
  const rules = d.kind === 'rules' && d.ruleSet ? { heading: 'Bộ quy tắc bình xét thi đua', blocks: [{ kind: 'list', style: 'numbered', items: ruleSetLines(d.ruleSet) } as Block] } : null;
  const printed = new Set<string>();
  for (const s of d.sections) {
    blocks.push({ kind: 'heading', text: s.heading, level: 1 });
    blocks.push(...bodyBlocks(s.body));
    if (parts) {
      for (const [name, key] of Object.entries(ANCHORS) as [keyof typeof ANCHORS, string][]) {
        const p = parts[name];
        if (p && key === s.key) {
          blocks.push(...p.blocks);
          printed.add(name);
        }
      }
    }
    if (rules && s.key === ANCHORS.ruleSet) {
      blocks.push({ kind: 'heading', text: rules.heading, level: 2 }, ...rules.blocks);
      printed.add('ruleSet');
    }
  }
  // Structured parts whose section was removed still print, under their own heading.
  if (parts) {
    for (const [name, p] of Object.entries(parts)) {
      if (p && !printed.has(name)) blocks.push({ kind: 'heading', text: p.heading, level: 1 }, ...p.blocks);
    }
  }
  if (rules && !printed.has('ruleSet')) blocks.push({ kind: 'heading', text: rules.heading.toLocaleUpperCase('vi-VN'), level: 1 }, ...rules.blocks);
  blocks.push({ kind: 'paragraph', content: 'Trên đây là ' + (d.kind === 'plan' ? `Kế hoạch hoạt động năm ${d.year}` : `Quy chế hoạt động và bình xét thi đua năm ${d.year}`) + ` của ${d.blockName}./.` });

  const note = d.status === 'adopted' ? null : d.status === 'superseded' ? `(Phiên bản ${d.number} - đã được thay thế)` : `(Dự thảo lần ${d.number})`;
  return {
    agency: { parent: ISSUER_PARENT, name: d.blockName },
    number: d.docNumber,
    place: PLACE,
    date: d.status === 'adopted' || d.status === 'superseded' ? d.adoptedAt : null,
    type: d.kind === 'plan' ? 'Kế hoạch' : 'Quy chế',
    title: note ? `${d.title}\n${note}` : d.title,
    blocks,
    recipients: RECIPIENTS,
    signatures: [{ prefix: 'TM.', authority: d.blockName, position: 'Khối trưởng', name: d.leaderHeadName ?? '' }],
    footer: d.contentHash ? `${d.docNumber} - phiên bản ${d.number} - SHA-256 nội dung: ${d.contentHash}` : `${d.docNumber} - phiên bản ${d.number} (dự thảo)`,
  };
}
