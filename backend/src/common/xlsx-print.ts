/**
 * Worksheets officials print: A4 landscape, fitted to the page's width only (as many pages down as the rows
 * need), the header rows frozen on screen and repeated at the top of every printed page, widths that fit
 * Vietnamese names, two-decimal scores. One writer for every export that prints a table.
 */
import type ExcelJS from 'exceljs';

/** The page setup of a printed table (paperSize 9 = A4). */
export const PRINT_SETUP: Partial<ExcelJS.PageSetup> = {
  paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0,
  margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  horizontalCentered: true,
};

/** Two decimals, thousands grouped (Excel shows them with the reader's separators). */
export const SCORE_FORMAT = '#,##0.00';

export function addPrintableSheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  return wb.addWorksheet(name, { pageSetup: { ...PRINT_SETUP } });
}

export interface TableLayout {
  /** Row number (1-based) of the column headers; the rows above it are the sheet's titles. */
  headerRow: number;
  /** Column widths in characters, in column order. */
  widths: number[];
  /** Columns (1-based) holding scores, formatted with two decimals. */
  scoreColumns?: number[];
  /** Columns kept in view when scrolling sideways (e.g. STT and the unit's name); default 0. */
  frozenColumns?: number;
}

/**
 * Lays out a table already written to `ws`: widths, wrapped bold headers, thin borders, score formats, the
 * title and header rows frozen and printed on every page.
 */
export function layoutTable(ws: ExcelJS.Worksheet, t: TableLayout): void {
  t.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const header = ws.getRow(t.headerRow);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  const thin = { style: 'thin' as const };
  for (let r = t.headerRow; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    for (let c = 1; c <= t.widths.length; c++) {
      const cell = row.getCell(c);
      cell.border = { top: thin, left: thin, bottom: thin, right: thin };
      if (r > t.headerRow) {
        if (t.scoreColumns?.includes(c)) cell.numFmt = SCORE_FORMAT;
        else cell.alignment = { wrapText: true, vertical: 'top' };
      }
    }
  }
  const x = t.frozenColumns ?? 0;
  ws.views = [{ state: 'frozen', xSplit: x, ySplit: t.headerRow, topLeftCell: `${String.fromCharCode(65 + x)}${t.headerRow + 1}` }];
  ws.pageSetup.printTitlesRow = `1:${t.headerRow}`;
}
