/** Renders a DocumentModel to Word (.docx) in the ND30 layout with the `docx` package. */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  Packer,
  PageBreak,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun as DocxTextRun,
  VerticalAlignTable,
  WidthType,
  type ISectionOptions,
} from 'docx';
import type {
  Block,
  DocumentModel,
  Orientation,
  SignatureBlock,
  SignatureColumn,
  TableBlock,
  TableCell as ModelCell,
  TextRun,
} from './document-model';
import { centredLines, textWidth } from './fonts';
import {
  DOCX_FONT,
  MOTTO,
  ND30,
  RECIPIENTS_LABEL,
  SLOGAN,
  formatVietnameseDate,
  listLabel,
  mmToTwips,
  nfc,
  numberLine,
  pageGeometry,
  ptToTwips,
  recipientLines,
  scaleColumns,
  signatureHeadLines,
  signatureTableSize,
  signaturesPerRow,
  toRuns,
  upper,
} from './nd30';

type Child = Paragraph | Table;
type Alignment = (typeof AlignmentType)[keyof typeof AlignmentType];

const ALIGN: Record<'left' | 'center' | 'right' | 'justify', Alignment> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

const S = ND30.size;
const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;
const NO_BORDERS = {
  top: NO_BORDER,
  bottom: NO_BORDER,
  left: NO_BORDER,
  right: NO_BORDER,
  insideHorizontal: NO_BORDER,
  insideVertical: NO_BORDER,
};
const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const; // 0.5 pt
const GRID_BORDERS = { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN };

interface ParaOptions {
  align?: keyof typeof ALIGN;
  size?: number;
  bold?: boolean;
  italic?: boolean;
  indent?: boolean;
  before?: number; // pt
  after?: number; // pt
  keepNext?: boolean;
  pageBreakBefore?: boolean;
}

/** Runs with '\n' turned into line breaks. */
function docxRuns(runs: TextRun[], o: ParaOptions): DocxTextRun[] {
  const out: DocxTextRun[] = [];
  for (const r of runs) {
    nfc(r.text)
      .split('\n')
      .forEach((line, i) =>
        out.push(
          new DocxTextRun({
            text: line,
            break: i > 0 ? 1 : undefined,
            bold: r.bold ?? o.bold,
            italics: r.italic ?? o.italic,
            underline: r.underline ? {} : undefined,
            size: o.size ? o.size * 2 : undefined,
          }),
        ),
      );
  }
  return out;
}

function para(content: string | TextRun[], o: ParaOptions = {}): Paragraph {
  const runs = typeof content === 'string' ? [{ text: content }] : content;
  return new Paragraph({
    alignment: ALIGN[o.align ?? 'left'],
    indent: o.indent ? { firstLine: mmToTwips(ND30.firstLineIndentMm) } : undefined,
    spacing: { before: ptToTwips(o.before ?? 0), after: ptToTwips(o.after ?? 0) },
    keepNext: o.keepNext,
    keepLines: o.keepNext, // short lines kept with what follows stay whole too
    pageBreakBefore: o.pageBreakBefore,
    children: docxRuns(runs, o),
  });
}

/** A short horizontal rule of `width` pt, centred in a space `within` pt wide (an empty bordered paragraph). */
function rule(width: number, within: number): Paragraph {
  const side = ptToTwips(Math.max(0, (within - width) / 2));
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { left: side, right: side },
    spacing: { before: 0, after: 0, line: 20, lineRule: 'exact' },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    run: { size: 2 },
    children: [],
  });
}

function cell(children: Child[], width: number, extra: { vAlign?: 'top' | 'center' } = {}): TableCell {
  return new TableCell({
    width: { size: ptToTwips(width), type: WidthType.DXA },
    verticalAlign: extra.vAlign === 'center' ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
    margins: { top: ptToTwips(2), bottom: ptToTwips(2), left: ptToTwips(4), right: ptToTwips(4) },
    children: children.length ? (children as (Paragraph | Table)[]) : [new Paragraph({})],
  });
}

function table(rows: TableRow[], widths: number[], borders: boolean): Table {
  return new Table({
    rows,
    width: { size: ptToTwips(widths.reduce((a, b) => a + b, 0)), type: WidthType.DXA },
    columnWidths: widths.map(ptToTwips),
    layout: TableLayoutType.FIXED,
    borders: borders ? GRID_BORDERS : NO_BORDERS,
  });
}

/** Agency and national motto side by side, then "Số: …" and the place and date on one row. */
function headerTable(model: DocumentModel, textW: number): Table {
  const left = textW * ND30.headerLeftShare;
  const right = textW - left;
  const inner = (w: number) => w - 8; // cell margins
  // Break the agency lines ourselves (Tinos has Times New Roman's metrics), evenly and as the PDF does.
  const nameLines = centredLines(upper(model.agency.name), { bold: true }, S.agency, inner(left));
  const nameWidth = Math.max(...nameLines.map((l) => textWidth(l, { bold: true }, S.agency)));
  const agency: Child[] = [];
  if (model.agency.parent) {
    const parent = centredLines(upper(model.agency.parent), {}, S.parentAgency, inner(left));
    agency.push(para(parent.join('\n'), { align: 'center', size: S.parentAgency }));
  }
  agency.push(para(nameLines.join('\n'), { align: 'center', size: S.agency, bold: true }));
  agency.push(rule(nameWidth * ND30.ruleShare, inner(left)));
  const motto: Child[] = [
    para(MOTTO, { align: 'center', size: S.motto, bold: true }),
    para(SLOGAN, { align: 'center', size: S.slogan, bold: true }),
    rule(textWidth(SLOGAN, { bold: true }, S.slogan), inner(right)),
  ];
  return table(
    [
      new TableRow({ cantSplit: true, children: [cell(agency, left), cell(motto, right)] }),
      new TableRow({
        cantSplit: true,
        children: [
          cell([para(numberLine(model.number), { align: 'center', size: S.number, before: 6 })], left),
          cell([para(formatVietnameseDate(model.place, model.date), { align: 'center', size: S.date, italic: true, before: 6 })], right),
        ],
      }),
    ],
    [left, right],
    false,
  );
}

/** Type in capitals, the summary under it (both optional), and a short rule below. */
function typeAndTitle(model: DocumentModel, textW: number): Child[] {
  const out: Child[] = [];
  const type = upper(model.type).trim();
  if (type) out.push(para(type, { align: 'center', size: S.type, bold: true, before: 18, keepNext: true }));
  const lines = centredLines(nfc(model.title), { bold: true }, S.title, textW);
  if (lines.length) {
    const longest = Math.max(...lines.map((l) => textWidth(l, { bold: true }, S.title)));
    out.push(para(lines.join('\n'), { align: 'center', size: S.title, bold: true, keepNext: true, before: type ? 0 : 18 }));
    out.push(rule(longest * ND30.ruleShare, textW));
  }
  out.push(new Paragraph({ spacing: { before: 0, after: ptToTwips(6) }, children: [] }));
  return out;
}

function cellContent(c: string | number | ModelCell): ModelCell {
  return typeof c === 'object' ? c : { text: String(c) };
}

function dataTable(block: TableBlock, textW: number): Table {
  const widths = scaleColumns(block.columns, textW);
  const size = block.size ?? S.table;
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: block.columns.map((c, i) =>
      cell([para(nfc(c.header), { align: 'center', size, bold: true })], widths[i], { vAlign: 'center' }),
    ),
  });
  const rows = block.rows.map((row) => {
    if (row.length !== block.columns.length) throw new Error(`Table row has ${row.length} cells, expected ${block.columns.length}`);
    return new TableRow({
      cantSplit: true,
      children: row.map((raw, i) => {
        const c = cellContent(raw);
        const align = c.align ?? block.columns[i].align ?? 'left';
        return cell([para(c.text, { align, size, bold: c.bold, italic: c.italic })], widths[i], { vAlign: 'center' });
      }),
    });
  });
  return table([header, ...rows], widths, true);
}

function blockChildren(block: Exclude<Block, { kind: 'section' | 'pageBreak' }>, textW: number, breakBefore: boolean): Child[] {
  switch (block.kind) {
    case 'heading': {
      const level = block.level ?? 1;
      return [
        para(nfc(block.text), {
          align: block.align ?? 'left',
          indent: block.align !== 'center',
          bold: true,
          italic: level === 3,
          before: 6,
          after: ND30.paragraphAfterPt,
          keepNext: true,
          pageBreakBefore: breakBefore,
        }),
      ];
    }
    case 'paragraph': {
      const align = block.align ?? 'justify';
      return [
        para(toRuns(block.content), {
          align,
          size: block.size,
          indent: block.indent ?? (align === 'justify' || align === 'left'),
          after: ND30.paragraphAfterPt,
          pageBreakBefore: breakBefore,
        }),
      ];
    }
    case 'list':
      return block.items.map((item, i) =>
        para([{ text: `${listLabel(block.style, i, block.start)} ` }, ...toRuns(item)], {
          align: 'justify',
          indent: true,
          after: ND30.paragraphAfterPt,
          pageBreakBefore: breakBefore && i === 0,
        }),
      );
    case 'table': {
      const t = dataTable(block, textW);
      return breakBefore ? [new Paragraph({ children: [new PageBreak()] }), t] : [t];
    }
  }
}

const centred = (text: string, size: number, extra: ParaOptions = {}): Paragraph =>
  para(text, { align: 'center', size, bold: true, keepNext: true, ...extra });

/** Signature head lines ("TM. …", position) in one cell, the name in the cell below after the signing space. */
function signatureRows(sigs: SignatureBlock[], widths: number[]): TableRow[] {
  return [
    new TableRow({
      cantSplit: true,
      keepNext: true,
      children: sigs.map((sig, i) => cell(signatureHeadLines(sig).map((l) => centred(l, S.signature)), widths[i])),
    }),
    new TableRow({
      cantSplit: true,
      children: sigs.map((sig, i) => cell([centred(nfc(sig.name), S.signature, { keepNext: false, before: ND30.signatureSpacePt })], widths[i])),
    }),
  ];
}

function recipientsBlock(recipients: string[], before = 0): Paragraph[] {
  return [
    para(RECIPIENTS_LABEL, { size: S.recipientsLabel, bold: true, italic: true, keepNext: true, before }),
    ...recipientLines(recipients).map((l, i, all) => para(l, { size: S.recipients, keepNext: i < all.length - 1 })),
  ];
}

/** One table row per part (unit, position, name, signed-at) so that the parts line up across units. */
function signatureTableRows(columns: SignatureColumn[], widths: number[], size: number): TableRow[] {
  const parts: ((c: SignatureColumn) => Paragraph[])[] = [(c) => [centred(upper(c.unit), size)]];
  if (columns.some((c) => c.position)) parts.push((c) => (c.position ? [centred(upper(c.position), size)] : []));
  parts.push((c) => [centred(nfc(c.name), size, { before: ND30.signatureSpacePt })]);
  if (columns.some((c) => c.signedAt)) parts.push((c) => (c.signedAt ? [para(nfc(c.signedAt), { align: 'center', size: S.signedAt, italic: true, keepNext: true })] : []));
  return parts.map(
    (part, i) =>
      new TableRow({
        cantSplit: true,
        keepNext: i < parts.length - 1,
        children: widths.map((w, j) => cell(columns[j] ? part(columns[j]) : [], w)),
      }),
  );
}

/** Signature table, then the signature block(s) with "Nơi nhận:" on the left. */
function closing(model: DocumentModel, textW: number): Child[] {
  const out: Child[] = [];
  const spacer = () => new Paragraph({ spacing: { before: ptToTwips(6) }, keepNext: true, children: [] });
  const st = model.signatureTable;
  if (st && st.columns.length) {
    const perRow = signaturesPerRow(st);
    const size = signatureTableSize(perRow);
    out.push(st.caption ? para(upper(st.caption), { align: 'center', bold: true, before: 12, after: 6, keepNext: true }) : spacer());
    const widths = Array.from({ length: perRow }, () => textW / perRow);
    const rows: TableRow[] = [];
    for (let i = 0; i < st.columns.length; i += perRow) rows.push(...signatureTableRows(st.columns.slice(i, i + perRow), widths, size));
    out.push(table(rows, widths, false));
  }
  const sigs = model.signatures ?? [];
  const recipients = model.recipients?.length ? model.recipients : null;
  if (sigs.length === 1) {
    // "Nơi nhận:" left, signature right, as one borderless row.
    const widths = [textW * 0.45, textW * 0.55];
    const sig = sigs[0];
    const right = [
      ...signatureHeadLines(sig).map((l) => centred(l, S.signature)),
      centred(nfc(sig.name), S.signature, { keepNext: false, before: ND30.signatureSpacePt }),
    ];
    out.push(spacer());
    out.push(table([new TableRow({ cantSplit: true, children: [cell(recipients ? recipientsBlock(recipients) : [], widths[0]), cell(right, widths[1])] })], widths, false));
    return out;
  }
  if (sigs.length > 1) {
    const widths = sigs.map(() => textW / sigs.length);
    out.push(spacer());
    out.push(table(signatureRows(sigs, widths), widths, false));
  }
  if (recipients) out.push(...recipientsBlock(recipients, 12));
  return out;
}

function pageNumberHeader(): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new DocxTextRun({ children: [PageNumber.CURRENT], size: S.pageNumber * 2 })],
      }),
    ],
  });
}

function footerOf(text: string | undefined): Footer | undefined {
  if (!text) return undefined;
  return new Footer({ children: [para(nfc(text), { size: S.footer })] });
}

interface SectionDraft {
  orientation: Orientation;
  /** Numbered from 1 with no number on its first page (ND30: the document, and each annex). */
  firstUnnumbered: boolean;
  children: Child[];
}

export async function renderDocx(model: DocumentModel): Promise<Buffer> {
  const sections: SectionDraft[] = [];
  let textW = 0;
  const startSection = (orientation: Orientation, firstUnnumbered: boolean) => {
    sections.push({ orientation, firstUnnumbered, children: [] });
    textW = pageGeometry(orientation).textWidth;
  };
  const current = () => sections[sections.length - 1];
  const addBlocks = (blocks: Block[]) => {
    let breakBefore = false;
    for (const block of blocks) {
      if (block.kind === 'section') {
        startSection(block.orientation, false);
        breakBefore = false;
      } else if (block.kind === 'pageBreak') {
        breakBefore = true;
      } else {
        current().children.push(...blockChildren(block, textW, breakBefore));
        breakBefore = false;
      }
    }
  };

  startSection(model.orientation ?? 'portrait', true);
  current().children.push(headerTable(model, textW), ...typeAndTitle(model, textW));
  addBlocks(model.blocks);
  current().children.push(...closing(model, textW));
  for (const annex of model.annexes ?? []) {
    startSection(annex.orientation ?? 'portrait', true);
    addBlocks(annex.blocks);
  }

  const m = ND30.marginsMm;
  const docSections: ISectionOptions[] = sections.map((s) => ({
    properties: {
      page: {
        size: {
          width: mmToTwips(ND30.page.widthMm),
          height: mmToTwips(ND30.page.heightMm),
          orientation: s.orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
        },
        margin: {
          top: mmToTwips(m.top),
          bottom: mmToTwips(m.bottom),
          left: mmToTwips(m.left),
          right: mmToTwips(m.right),
          header: mmToTwips(ND30.headerMm),
          footer: mmToTwips(ND30.footerMm),
        },
        pageNumbers: s.firstUnnumbered ? { start: 1 } : undefined,
      },
      titlePage: s.firstUnnumbered,
    },
    headers: { default: pageNumberHeader(), first: s.firstUnnumbered ? new Header({ children: [] }) : undefined },
    footers: model.footer ? { default: footerOf(model.footer), first: s.firstUnnumbered ? footerOf(model.footer) : undefined } : undefined,
    children: s.children,
  }));

  const doc = new Document({
    creator: 'thidua',
    title: `${upper(model.type)} ${nfc(model.title).replace(/\n/g, ' ')}`.trim(),
    styles: {
      default: {
        document: {
          run: { font: DOCX_FONT, size: S.body * 2, language: { value: 'vi-VN' } },
          paragraph: { spacing: { line: 240 } },
        },
      },
    },
    sections: docSections,
  });
  return Packer.toBuffer(doc);
}
