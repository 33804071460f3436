/**
 * Renders a DocumentModel to PDF in the ND30 layout with pdfkit. Lines are broken and placed here
 * (not by pdfkit's wrapper) so that table rows and signature blocks can be measured before they are
 * drawn, tables can break across pages with their header repeated, and page numbers go in afterwards.
 */
import PDFDocument from 'pdfkit';
import type {
  Block,
  DocumentModel,
  Orientation,
  SignatureBlock,
  SignatureColumn,
  TableBlock,
  TableCell,
  TextRun,
} from './document-model';
import { type FontFace, centredLines, faceOf, faceWidth, registerFonts } from './fonts';
import {
  MOTTO,
  ND30,
  RECIPIENTS_LABEL,
  SLOGAN,
  formatVietnameseDate,
  listLabel,
  mmToPt,
  nfc,
  numberLine,
  pageGeometry,
  recipientLines,
  scaleColumns,
  signatureHeadLines,
  signatureTableSize,
  signaturesPerRow,
  toRuns,
  upper,
} from './nd30';

type HAlign = 'left' | 'center' | 'right' | 'justify';

/** Tinos vertical metrics (units of the font size): ascent and descent as Word places them. */
const ASCENT = 1825 / 2048;
const DESCENT = 443 / 2048;
const LH = ND30.lineHeight;
const S = ND30.size;
const CELL_PAD_X = 4;
const CELL_PAD_Y = 2.5;
const RULE_WIDTH = 0.6;

interface Style {
  face: FontFace;
  size: number;
  underline?: boolean;
}

/** A word or a run of spaces, measured. */
interface Piece extends Style {
  text: string;
  width: number;
  space: boolean;
}

interface Line {
  pieces: Piece[];
  /** Width without trailing spaces. */
  width: number;
  /** Largest font size on the line. */
  size: number;
  /** Left indent of this line (the first line of an indented paragraph). */
  indent: number;
  /** Ends a paragraph or a forced break: never stretched when justifying. */
  hard: boolean;
}

const lineHeight = (line: { size: number }): number => line.size * LH;
const linesHeight = (lines: Line[]): number => lines.reduce((h, l) => h + lineHeight(l), 0);

interface PageRecord {
  orientation: Orientation;
  /** Page number within its numbering run (the document or a separately numbered annex). */
  number: number;
}

class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  readonly pages: PageRecord[] = [];
  orientation: Orientation = 'portrait';
  x = 0;
  y = 0;
  width = 0;
  bottom = 0;
  private top = 0;

  constructor(model: DocumentModel) {
    this.doc = new PDFDocument({
      autoFirstPage: false,
      bufferPages: true,
      pdfVersion: '1.7',
      lang: 'vi-VN',
      displayTitle: true,
      info: {
        Title: `${upper(model.type)} ${nfc(model.title).replace(/\n/g, ' ')}`.trim(),
        Author: upper(model.agency.name),
        Subject: numberLine(model.number),
        Creator: 'thidua',
      },
    });
    registerFonts(this.doc);
  }

  newPage(orientation: Orientation = this.orientation, restartNumbers = false): void {
    const m = ND30.marginsMm;
    this.doc.addPage({
      size: 'A4',
      layout: orientation,
      margins: { top: mmToPt(m.top), bottom: mmToPt(m.bottom), left: mmToPt(m.left), right: mmToPt(m.right) },
    });
    const prev = this.pages[this.pages.length - 1];
    this.pages.push({ orientation, number: restartNumbers || !prev ? 1 : prev.number + 1 });
    const g = pageGeometry(orientation);
    this.orientation = orientation;
    this.x = mmToPt(m.left);
    this.top = mmToPt(m.top);
    this.y = this.top;
    this.width = g.textWidth;
    this.bottom = g.height - mmToPt(m.bottom);
  }

  /** Room left on the page. */
  get room(): number {
    return this.bottom - this.y;
  }

  get fullPage(): number {
    return this.bottom - this.top;
  }

  atTop(): boolean {
    return this.y <= this.top + 0.01;
  }

  /** Starts a new page unless `height` fits (or we are at the top already). */
  ensure(height: number): void {
    if (height > this.room && !this.atTop()) this.newPage();
  }

  measure(text: string, style: Style): number {
    return faceWidth(text, style.face, style.size);
  }

  /** Breaks styled runs into lines of at most `width` pt; the first line is indented by `indent`. */
  layout(runs: TextRun[], base: { size: number; bold?: boolean; italic?: boolean }, width: number, indent = 0): Line[] {
    type Token = { kind: 'word' | 'space' | 'newline'; text: string; style: Style };
    const tokens: Token[] = [];
    for (const run of runs) {
      const style: Style = {
        face: faceOf({ bold: run.bold ?? base.bold, italic: run.italic ?? base.italic }),
        size: base.size,
        underline: run.underline,
      };
      for (const part of nfc(run.text).split(/(\n|[ \t]+)/)) {
        if (!part) continue;
        const kind = part === '\n' ? 'newline' : /^[ \t]+$/.test(part) ? 'space' : 'word';
        tokens.push({ kind, text: kind === 'space' ? ' '.repeat(part.length) : part, style });
      }
    }

    const lines: Line[] = [];
    let pieces: Piece[] = [];
    let x = 0;
    let avail = width - indent;
    let lineIndent = indent;
    const finish = (hard: boolean) => {
      while (pieces.length && pieces[pieces.length - 1].space) x -= pieces.pop()!.width;
      const size = pieces.length ? Math.max(...pieces.map((p) => p.size)) : base.size;
      lines.push({ pieces, width: x, size, indent: lineIndent, hard });
      pieces = [];
      x = 0;
      lineIndent = 0;
      avail = width;
    };
    const piece = (text: string, style: Style, space = false): Piece => ({ ...style, text, space, width: this.measure(text, style) });

    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.kind === 'newline') {
        finish(true);
        continue;
      }
      if (t.kind === 'space') {
        if (pieces.length) {
          const p = piece(t.text, t.style, true);
          pieces.push(p);
          x += p.width;
        }
        continue;
      }
      // A word may span several runs with no space between (e.g. bold word + comma): keep them together.
      const group: Piece[] = [piece(t.text, t.style)];
      while (i + 1 < tokens.length && tokens[i + 1].kind === 'word') {
        i++;
        group.push(piece(tokens[i].text, tokens[i].style));
      }
      const groupWidth = group.reduce((w, p) => w + p.width, 0);
      if (x + groupWidth > avail && pieces.some((p) => !p.space)) finish(false);
      if (!pieces.length && groupWidth > avail) {
        // Longer than a whole line: break between characters.
        for (const g of group) {
          for (const ch of g.text) {
            const p = piece(ch, g);
            if (x + p.width > avail && pieces.length) finish(false);
            pieces.push(p);
            x += p.width;
          }
        }
        continue;
      }
      for (const p of group) pieces.push(p);
      x += groupWidth;
    }
    finish(true);
    return lines;
  }

  /** Draws one line with its top at `y`, inside [x, x + width]. */
  drawLine(line: Line, x: number, y: number, width: number, align: HAlign): void {
    const { doc } = this;
    const baseline = y + (lineHeight(line) - line.size * (ASCENT + DESCENT)) / 2 + line.size * ASCENT;
    const spaces = line.pieces.filter((p) => p.space).length;
    let extra = 0;
    let cx = x + line.indent;
    if (align === 'center') cx = x + (width - line.width) / 2;
    else if (align === 'right') cx = x + width - line.width;
    else if (align === 'justify' && !line.hard && spaces > 0) extra = (width - line.indent - line.width) / spaces;

    let frag: Piece[] = [];
    const flush = () => {
      if (!frag.length) return;
      const f = frag[0];
      const text = frag.map((p) => p.text).join('');
      const w = frag.reduce((s, p) => s + p.width, 0);
      doc.font(f.face).fontSize(f.size).text(text, cx, baseline, { lineBreak: false, baseline: 'alphabetic' });
      if (f.underline) this.hline(cx, cx + w, baseline + f.size * 0.12, f.size * 0.05);
      cx += w;
      frag = [];
    };
    for (const p of line.pieces) {
      const same = frag.length > 0 && frag[0].face === p.face && frag[0].size === p.size && !!frag[0].underline === !!p.underline;
      if (p.space && extra > 0) {
        // Stretched gap: leave it to the reader's spacing (pdf text extractors read it as one space).
        flush();
        cx += p.width + extra;
        continue;
      }
      if (!same) flush();
      frag.push(p);
    }
    flush();
  }

  /** Draws lines from the cursor, breaking pages between lines. */
  flow(lines: Line[], align: HAlign, x = this.x, width = this.width): void {
    for (const line of lines) {
      this.ensure(lineHeight(line));
      this.drawLine(line, x, this.y, width, align);
      this.y += lineHeight(line);
    }
  }

  /** Draws lines at a fixed place without page breaks; returns their height. */
  place(lines: Line[], x: number, y: number, width: number, align: HAlign): number {
    let cy = y;
    for (const line of lines) {
      this.drawLine(line, x, cy, width, align);
      cy += lineHeight(line);
    }
    return cy - y;
  }

  hline(x1: number, x2: number, y: number, thickness = RULE_WIDTH): void {
    this.doc.save().lineWidth(thickness).moveTo(x1, y).lineTo(x2, y).stroke().restore();
  }

  text(text: string, style: { size: number; bold?: boolean; italic?: boolean }, width: number, indent = 0): Line[] {
    return this.layout([{ text }], style, width, indent);
  }
}

/** Agency and national motto side by side, then "Số: …" and the place and date on one row. */
function drawHeader(w: PdfWriter, model: DocumentModel): void {
  const leftW = w.width * ND30.headerLeftShare;
  const rightW = w.width - leftW;
  const lx = w.x;
  const rx = w.x + leftW;
  const top = w.y;

  const balanced = (text: string, style: { size: number; bold?: boolean }) =>
    w.text(centredLines(text, style, style.size, leftW - 2 * CELL_PAD_X).join('\n'), style, leftW);
  let ly = top;
  if (model.agency.parent) ly += w.place(balanced(upper(model.agency.parent), { size: S.parentAgency }), lx, ly, leftW, 'center');
  const nameLines = balanced(upper(model.agency.name), { size: S.agency, bold: true });
  ly += w.place(nameLines, lx, ly, leftW, 'center');
  const nameWidth = Math.max(...nameLines.map((l) => l.width));
  const agencyRule = nameWidth * ND30.ruleShare;
  w.hline(lx + (leftW - agencyRule) / 2, lx + (leftW + agencyRule) / 2, ly + 2.5);

  let ry = top;
  ry += w.place(w.text(MOTTO, { size: S.motto, bold: true }, rightW), rx, ry, rightW, 'center');
  const sloganLines = w.text(SLOGAN, { size: S.slogan, bold: true }, rightW);
  ry += w.place(sloganLines, rx, ry, rightW, 'center');
  const sloganWidth = sloganLines[0].width;
  w.hline(rx + (rightW - sloganWidth) / 2, rx + (rightW + sloganWidth) / 2, ry + 2.5);

  // "Số" and the date share a row, like the second row of the docx header table.
  const rowTop = Math.max(ly, ry) + 9;
  const numberLines = w.text(numberLine(model.number), { size: S.number }, leftW);
  const dateLines = w.text(formatVietnameseDate(model.place, model.date), { size: S.date, italic: true }, rightW);
  // Same baseline for both: lay each out with the larger line height.
  const rowSize = Math.max(S.number, S.date);
  const hn = w.place(numberLines.map((l) => ({ ...l, size: rowSize })), lx, rowTop, leftW, 'center');
  const hd = w.place(dateLines.map((l) => ({ ...l, size: rowSize })), rx, rowTop, rightW, 'center');
  w.y = rowTop + Math.max(hn, hd);
}

/** Type in capitals, the summary under it (both optional), and a short rule below. */
function drawTypeAndTitle(w: PdfWriter, model: DocumentModel): void {
  w.y += 18;
  const type = upper(model.type).trim();
  if (type) w.flow(w.text(type, { size: S.type, bold: true }, w.width), 'center');
  const lines = centredLines(nfc(model.title), { bold: true }, S.title, w.width);
  if (lines.length) {
    const titleLines = w.text(lines.join('\n'), { size: S.title, bold: true }, w.width);
    w.flow(titleLines, 'center');
    const rule = Math.max(...titleLines.map((l) => l.width)) * ND30.ruleShare;
    w.hline(w.x + (w.width - rule) / 2, w.x + (w.width + rule) / 2, w.y + 3);
  }
  w.y += 14;
}

const cellOf = (c: string | number | TableCell): TableCell => (typeof c === 'object' ? c : { text: String(c) });

/** A table that breaks across pages between rows (or inside a row taller than a page), repeating its header. */
function drawTable(w: PdfWriter, block: TableBlock): void {
  const widths = scaleColumns(block.columns, w.width);
  const size = block.size ?? S.table;
  const innerW = widths.map((cw) => cw - 2 * CELL_PAD_X);
  const header = block.columns.map((c, i) => ({ lines: w.text(c.header, { size, bold: true }, innerW[i]), align: 'center' as HAlign }));
  const rows = block.rows.map((row) => {
    if (row.length !== block.columns.length) throw new Error(`Table row has ${row.length} cells, expected ${block.columns.length}`);
    return row.map((raw, i) => {
      const c = cellOf(raw);
      return { lines: w.text(c.text, { size, bold: c.bold, italic: c.italic }, innerW[i]), align: (c.align ?? block.columns[i].align ?? 'left') as HAlign };
    });
  });
  type Cell = (typeof header)[number];
  const minLine = size * LH;
  const cellsHeight = (cells: Cell[]) => Math.max(minLine, ...cells.map((c) => linesHeight(c.lines))) + 2 * CELL_PAD_Y;
  const headerH = cellsHeight(header);

  const drawCells = (cells: Cell[], height: number, vCenter: boolean) => {
    let cx = w.x;
    cells.forEach((c, i) => {
      w.doc.save().lineWidth(0.5).rect(cx, w.y, widths[i], height).stroke().restore();
      const contentH = linesHeight(c.lines);
      const top = vCenter ? w.y + (height - contentH) / 2 : w.y + CELL_PAD_Y;
      w.place(c.lines, cx + CELL_PAD_X, top, innerW[i], c.align);
      cx += widths[i];
    });
    w.y += height;
  };
  const drawHeaderRow = () => drawCells(header, headerH, true);

  // Keep the header with at least the first row (or a line of it).
  const firstH = rows.length ? Math.min(cellsHeight(rows[0]), minLine + 2 * CELL_PAD_Y) : 0;
  w.ensure(headerH + firstH);
  drawHeaderRow();
  for (let row of rows) {
    let h = cellsHeight(row);
    if (h > w.room && h <= w.fullPage - headerH) {
      w.newPage();
      drawHeaderRow();
    }
    // A row taller than a page: draw what fits, continue on the next page.
    let fresh = false; // just started a page, so at least one line must go on it
    while (h > w.room) {
      const avail = w.room - 2 * CELL_PAD_Y;
      const split = row.map((c) => {
        let used = 0;
        let n = 0;
        while (n < c.lines.length && (used + lineHeight(c.lines[n]) <= avail || (fresh && n === 0))) used += lineHeight(c.lines[n++]);
        return { head: { ...c, lines: c.lines.slice(0, n) }, rest: { ...c, lines: c.lines.slice(n) } };
      });
      if (split.every((s) => s.head.lines.length === 0)) {
        w.newPage();
        drawHeaderRow();
        fresh = true;
        continue;
      }
      drawCells(split.map((s) => s.head), Math.max(w.room, cellsHeight(split.map((s) => s.head))), false);
      w.newPage();
      drawHeaderRow();
      fresh = true;
      row = split.map((s) => s.rest);
      h = cellsHeight(row);
    }
    drawCells(row, h, true);
  }
  w.y += ND30.paragraphAfterPt;
}

function drawBlock(w: PdfWriter, block: Exclude<Block, { kind: 'section' | 'pageBreak' }>): void {
  const indent = mmToPt(ND30.firstLineIndentMm);
  const after = ND30.paragraphAfterPt;
  switch (block.kind) {
    case 'heading': {
      const level = block.level ?? 1;
      const centered = block.align === 'center';
      const lines = w.layout([{ text: block.text }], { size: S.body, bold: true, italic: level === 3 }, w.width, centered ? 0 : indent);
      // Keep a heading with the first lines of what follows.
      w.ensure(6 + linesHeight(lines) + 2 * S.body * LH);
      if (!w.atTop()) w.y += 6;
      w.flow(lines, centered ? 'center' : 'left');
      w.y += after;
      return;
    }
    case 'paragraph': {
      const align = block.align ?? 'justify';
      const indented = block.indent ?? (align === 'justify' || align === 'left');
      w.flow(w.layout(toRuns(block.content), { size: block.size ?? S.body }, w.width, indented ? indent : 0), align);
      w.y += after;
      return;
    }
    case 'list':
      block.items.forEach((item, i) => {
        const runs = [{ text: `${listLabel(block.style, i, block.start)} ` }, ...toRuns(item)];
        w.flow(w.layout(runs, { size: S.body }, w.width, indent), 'justify');
        w.y += after;
      });
      return;
    case 'table':
      drawTable(w, block);
      return;
  }
}

/** A column of a signature area: parts stacked top to bottom, each a few lines with a gap above. */
interface Part {
  lines: Line[];
  align: HAlign;
  gapBefore?: number;
}
type Column = Part[];

const partHeight = (p: Part | undefined): number => (p ? (p.gapBefore ?? 0) + linesHeight(p.lines) : 0);

/**
 * Columns side by side, kept on one page. With `aligned`, part i of every column starts at the same
 * height (unit names, positions, signers' names on common lines); otherwise each column flows freely.
 */
function columnsLayout(columns: (Column | null)[], aligned: boolean): { rowHeights: number[]; height: number } {
  const cols = columns.map((c) => c ?? []);
  const parts = Math.max(0, ...cols.map((c) => c.length));
  const rowHeights = Array.from({ length: parts }, (_, i) => Math.max(0, ...cols.map((c) => partHeight(c[i]))));
  const height = aligned
    ? rowHeights.reduce((a, b) => a + b, 0)
    : Math.max(0, ...cols.map((c) => c.reduce((h, p) => h + partHeight(p), 0)));
  return { rowHeights, height };
}

function drawColumns(w: PdfWriter, columns: (Column | null)[], widths: number[], gapBefore: number, aligned: boolean): void {
  const cols = columns.map((c) => c ?? []);
  const { rowHeights, height } = columnsLayout(cols, aligned);
  w.ensure(gapBefore + height);
  if (!w.atTop()) w.y += gapBefore;
  let x = w.x;
  cols.forEach((col, ci) => {
    let y = w.y;
    col.forEach((part, i) => {
      w.place(part.lines, x + CELL_PAD_X, y + (part.gapBefore ?? 0), widths[ci] - 2 * CELL_PAD_X, part.align);
      y += aligned ? rowHeights[i] : partHeight(part);
    });
    x += widths[ci];
  });
  w.y += height;
}

function signatureColumn(w: PdfWriter, sig: SignatureBlock, width: number): Column {
  const head = signatureHeadLines(sig).flatMap((l) => w.text(l, { size: S.signature, bold: true }, width));
  return [
    { lines: head, align: 'center' },
    { lines: w.text(sig.name, { size: S.signature, bold: true }, width), align: 'center', gapBefore: ND30.signatureSpacePt },
  ];
}

function recipientsColumn(w: PdfWriter, recipients: string[], width: number): Column {
  return [
    { lines: w.text(RECIPIENTS_LABEL, { size: S.recipientsLabel, bold: true, italic: true }, width), align: 'left' },
    { lines: recipientLines(recipients).flatMap((r) => w.text(r, { size: S.recipients }, width)), align: 'left' },
  ];
}

/** Unit, position, (space to sign) name, signed-at: always four parts so rows line up. */
function signatureTableColumn(w: PdfWriter, col: SignatureColumn, width: number, size: number): Column {
  return [
    { lines: w.text(upper(col.unit), { size, bold: true }, width), align: 'center' },
    { lines: col.position ? w.text(upper(col.position), { size, bold: true }, width) : [], align: 'center' },
    { lines: w.text(col.name, { size, bold: true }, width), align: 'center', gapBefore: ND30.signatureSpacePt },
    { lines: col.signedAt ? w.text(col.signedAt, { size: S.signedAt, italic: true }, width) : [], align: 'center' },
  ];
}

function drawClosing(w: PdfWriter, model: DocumentModel): void {
  const st = model.signatureTable;
  if (st && st.columns.length) {
    const perRow = signaturesPerRow(st);
    const size = signatureTableSize(perRow);
    const widths = Array.from({ length: perRow }, () => w.width / perRow);
    for (let i = 0; i < st.columns.length; i += perRow) {
      const chunk = st.columns.slice(i, i + perRow);
      const cols = widths.map((cw, j) => (chunk[j] ? signatureTableColumn(w, chunk[j], cw - 2 * CELL_PAD_X, size) : null));
      if (i === 0 && st.caption) {
        // The caption goes with the first row.
        const caption = w.text(upper(st.caption), { size: S.body, bold: true }, w.width);
        w.ensure(12 + linesHeight(caption) + 6 + columnsLayout(cols, true).height);
        if (!w.atTop()) w.y += 12;
        w.flow(caption, 'center');
        w.y += 6;
        drawColumns(w, cols, widths, 0, true);
      } else drawColumns(w, cols, widths, i === 0 ? 12 : 10, true);
    }
  }

  const sigs = model.signatures ?? [];
  const recipients = model.recipients?.length ? model.recipients : null;
  if (sigs.length === 1) {
    const widths = [w.width * 0.45, w.width * 0.55];
    const left = recipients ? recipientsColumn(w, recipients, widths[0] - 2 * CELL_PAD_X) : null;
    drawColumns(w, [left, signatureColumn(w, sigs[0], widths[1] - 2 * CELL_PAD_X)], widths, 12, false);
    return;
  }
  if (sigs.length > 1) {
    const widths = sigs.map(() => w.width / sigs.length);
    drawColumns(w, sigs.map((s, i) => signatureColumn(w, s, widths[i] - 2 * CELL_PAD_X)), widths, 12, true);
  }
  if (recipients) {
    const width = w.width * 0.6;
    drawColumns(w, [recipientsColumn(w, recipients, width - 2 * CELL_PAD_X)], [width], 12, false);
  }
}

/** Page numbers centred in the top margin from the second page of each numbering run; the footer line on every page. */
function decoratePages(w: PdfWriter, footer: string | undefined): void {
  const { doc } = w;
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    const page = w.pages[i];
    doc.switchToPage(range.start + i);
    const g = pageGeometry(page.orientation);
    if (page.number > 1) {
      const label = String(page.number);
      const lw = w.measure(label, { face: 'regular', size: S.pageNumber });
      doc.font('regular').fontSize(S.pageNumber).text(label, (g.width - lw) / 2, mmToPt(ND30.headerMm), { lineBreak: false });
    }
    if (footer) {
      const size = S.footer;
      const lines = w.text(footer, { size }, g.textWidth);
      let y = g.height - mmToPt(ND30.footerMm) - linesHeight(lines);
      for (const line of lines) {
        w.drawLine(line, mmToPt(ND30.marginsMm.left), y, g.textWidth, 'left');
        y += lineHeight(line);
      }
    }
  }
}

export async function renderPdf(model: DocumentModel): Promise<Buffer> {
  const w = new PdfWriter(model);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    w.doc.on('data', (c: Buffer) => chunks.push(c));
    w.doc.on('end', () => resolve(Buffer.concat(chunks)));
    w.doc.on('error', reject);
  });

  const drawBlocks = (blocks: Block[]) => {
    for (const block of blocks) {
      if (block.kind === 'section') w.newPage(block.orientation);
      else if (block.kind === 'pageBreak') {
        if (!w.atTop()) w.newPage();
      } else drawBlock(w, block);
    }
  };
  w.newPage(model.orientation ?? 'portrait', true);
  drawHeader(w, model);
  drawTypeAndTitle(w, model);
  drawBlocks(model.blocks);
  drawClosing(w, model);
  for (const annex of model.annexes ?? []) {
    w.newPage(annex.orientation ?? 'portrait', true);
    drawBlocks(annex.blocks);
  }
  decoratePages(w, model.footer ? nfc(model.footer) : undefined);
  w.doc.end();
  return done;
}
