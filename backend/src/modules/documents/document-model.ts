/**
 * A neutral model of an administrative document. Renderers turn it into .docx or .pdf in the
 * Nghị định 30/2020/NĐ-CP layout; callers never deal with fonts, units or page geometry.
 */

export type Orientation = 'portrait' | 'landscape';
export type Align = 'left' | 'center' | 'right' | 'justify';

/** A piece of text with one style. */
export interface TextRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
}

/** Plain text, or styled runs. A '\n' inside a text forces a line break. */
export type RichText = string | TextRun[];

/** Section heading; the caller writes its numbering ("I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích"). */
export interface HeadingBlock {
  kind: 'heading';
  text: string;
  /** 1: bold (write it in capitals), 2: bold, 3: bold italic. Default 1. */
  level?: 1 | 2 | 3;
  /** Default 'left' (with the body's first-line indent); 'center' for e.g. "Phụ lục". */
  align?: 'left' | 'center';
}

export interface ParagraphBlock {
  kind: 'paragraph';
  content: RichText;
  /** Default 'justify'. */
  align?: Align;
  /** First-line indent as in the body (default true for justified/left text, false otherwise). */
  indent?: boolean;
  /** Font size in pt; default the body size. */
  size?: number;
}

export interface ListBlock {
  kind: 'list';
  /** numbered: "1.", "2.", …; bulleted: "-" as Vietnamese documents write it. */
  style: 'numbered' | 'bulleted';
  items: RichText[];
  /** First number of a numbered list; default 1. */
  start?: number;
}

export interface TableColumn {
  header: string;
  /** Relative width; the columns are scaled to the text width. */
  width: number;
  /** Alignment of the body cells (the header row is centred). Default 'left'. */
  align?: 'left' | 'center' | 'right';
}

export interface TableCell {
  text: string;
  bold?: boolean;
  italic?: boolean;
  align?: 'left' | 'center' | 'right';
}

export interface TableBlock {
  kind: 'table';
  columns: TableColumn[];
  rows: (string | number | TableCell)[][];
  /** Font size in pt; default 13. */
  size?: number;
}

export interface PageBreakBlock {
  kind: 'pageBreak';
}

/** Starts a new page with its own orientation; page numbering continues. */
export interface SectionBlock {
  kind: 'section';
  orientation: Orientation;
}

export type Block = HeadingBlock | ParagraphBlock | ListBlock | TableBlock | PageBreakBlock | SectionBlock;

/** Signing authority prefixes of ND30: on behalf of a collective, deputy signing for the head, etc. */
export type SignaturePrefix = 'TM.' | 'KT.' | 'TL.' | 'TUQ.' | 'Q.';

/**
 * One signature block, e.g. { prefix: 'TM.', authority: 'KHỐI THI ĐUA SỐ 4', position: 'KHỐI TRƯỞNG', name }
 * which reads "TM. KHỐI THI ĐUA SỐ 4 / KHỐI TRƯỞNG / (space to sign) / name".
 */
export interface SignatureBlock {
  prefix?: SignaturePrefix;
  /** The collective or head on whose behalf the signer signs; printed after the prefix. */
  authority?: string;
  position: string;
  name: string;
}

/** A free signature table: one column per signer, e.g. each unit signing a covenant. */
export interface SignatureTable {
  /** Optional line above the table, e.g. "ĐẠI DIỆN CÁC ĐƠN VỊ THÀNH VIÊN". */
  caption?: string;
  columns: SignatureColumn[];
  /** Signers per row; default all columns in one row. */
  perRow?: number;
}

export interface SignatureColumn {
  /** Unit name, printed in capitals. */
  unit: string;
  /** e.g. "THỦ TRƯỞNG"; optional. */
  position?: string;
  name: string;
  /** e.g. "Đã ký lúc 09:15 ngày 26/4/2024"; printed in small italics under the name. */
  signedAt?: string;
}

export interface Annex {
  orientation?: Orientation;
  blocks: Block[];
}

export interface IssuingAgency {
  /** The agency's parent (cơ quan chủ quản), printed upper case, regular. */
  parent?: string;
  /** The issuing agency, printed upper case, bold. */
  name: string;
}

export interface DocumentModel {
  agency: IssuingAgency;
  /** Number and symbol, e.g. "01/KH-KTĐ4" (see buildDocumentNumber). Printed as "Số: …". */
  number: string;
  place: string;
  /**
   * Date of issue. A Date is read in Vietnam's time (UTC+7); a "YYYY-MM-DD" string is taken as is;
   * null leaves the day and month blank for a draft to be dated when signed.
   */
  date: Date | string | null;
  /** Document type in capitals, e.g. "KẾ HOẠCH". */
  type: string;
  /** Summary (trích yếu), printed bold under the type; may contain '\n'. */
  title: string;
  blocks: Block[];
  /** Orientation of the first page; default portrait. */
  orientation?: Orientation;
  /** "Nơi nhận:" entries; each printed as "- entry;" with the last ending in ".". */
  recipients?: string[];
  /** Signature blocks on the right; with two or more they stand side by side. */
  signatures?: SignatureBlock[];
  signatureTable?: SignatureTable;
  /**
   * Annexes (phụ lục) after the signature, each from a new page in its own orientation (e.g. a landscape
   * score summary) and, as ND30 wants, numbered on its own with no number on its first page.
   * Their blocks usually open with a centred "Phụ lục" heading and an italic "(Kèm theo …)" line.
   */
  annexes?: Annex[];
  /** Small line at the foot of every page, e.g. a content hash. */
  footer?: string;
}
