/** Document rendering: a neutral model to .docx / .pdf in the Nghị định 30/2020/NĐ-CP layout. */
export type * from './document-model';
export {
  DOCUMENT_TYPE_CODES,
  type DocumentTypeCode,
  buildDocumentNumber,
  isDocumentTypeCode,
  parseDocumentNumber,
} from './document-numbering';
export { MOTTO, ND30, SLOGAN, formatVietnameseDate, pageGeometry, vietnamCalendarDate } from './nd30';
export { renderDocx } from './docx-renderer';
export { renderPdf } from './pdf-renderer';
