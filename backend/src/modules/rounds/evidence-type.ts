/**
 * Evidence files (minh chứng): the type is decided by the file's content (magic bytes, and for Office
 * Open XML / OpenDocument the parts inside the zip), never by its name. Pure apart from reading the zip.
 */
import JSZip from 'jszip';

export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

export interface EvidenceType {
  mime: string;
  /** Extension the stored file name gets when its own does not match. */
  ext: string;
  label: string;
}

const T = {
  pdf: { mime: 'application/pdf', ext: 'pdf', label: 'PDF' },
  png: { mime: 'image/png', ext: 'png', label: 'ảnh PNG' },
  jpeg: { mime: 'image/jpeg', ext: 'jpg', label: 'ảnh JPEG' },
  gif: { mime: 'image/gif', ext: 'gif', label: 'ảnh GIF' },
  webp: { mime: 'image/webp', ext: 'webp', label: 'ảnh WebP' },
  tiff: { mime: 'image/tiff', ext: 'tif', label: 'ảnh TIFF' },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: 'docx', label: 'Word' },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: 'xlsx', label: 'Excel' },
  pptx: { mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', ext: 'pptx', label: 'PowerPoint' },
  ole: { mime: 'application/x-ole-storage', ext: 'doc', label: 'Office 97–2003' },
  odt: { mime: 'application/vnd.oasis.opendocument.text', ext: 'odt', label: 'OpenDocument văn bản' },
  ods: { mime: 'application/vnd.oasis.opendocument.spreadsheet', ext: 'ods', label: 'OpenDocument bảng tính' },
  odp: { mime: 'application/vnd.oasis.opendocument.presentation', ext: 'odp', label: 'OpenDocument trình chiếu' },
} satisfies Record<string, EvidenceType>;

export const ALLOWED_EVIDENCE_LABEL = 'PDF, ảnh (JPEG, PNG, GIF, WebP, TIFF), Word, Excel, PowerPoint, OpenDocument';

const startsWith = (b: Buffer, bytes: number[], at = 0) => b.length >= at + bytes.length && bytes.every((x, i) => b[at + i] === x);

/** The allowed type of this content, or null for anything else (executables, HTML, archives, …). */
export async function detectEvidenceType(buf: Buffer): Promise<EvidenceType | null> {
  if (startsWith(buf, [0x25, 0x50, 0x44, 0x46, 0x2d])) return T.pdf; // %PDF-
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return T.png;
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return T.jpeg;
  if (startsWith(buf, [0x47, 0x49, 0x46, 0x38]) && (buf[4] === 0x37 || buf[4] === 0x39) && buf[5] === 0x61) return T.gif;
  if (startsWith(buf, [0x52, 0x49, 0x46, 0x46]) && startsWith(buf, [0x57, 0x45, 0x42, 0x50], 8)) return T.webp;
  if (startsWith(buf, [0x49, 0x49, 0x2a, 0x00]) || startsWith(buf, [0x4d, 0x4d, 0x00, 0x2a])) return T.tiff;
  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return T.ole;
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) return zipType(buf);
  return null;
}

async function zipType(buf: Buffer): Promise<EvidenceType | null> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buf);
  } catch {
    return null;
  }
  const mimetype = zip.file('mimetype');
  if (mimetype) {
    const m = (await mimetype.async('string')).trim();
    return m === T.odt.mime ? T.odt : m === T.ods.mime ? T.ods : m === T.odp.mime ? T.odp : null;
  }
  if (!zip.file('[Content_Types].xml')) return null;
  if (zip.file('word/document.xml')) return T.docx;
  if (zip.file('xl/workbook.xml')) return T.xlsx;
  if (zip.file('ppt/presentation.xml')) return T.pptx;
  return null;
}

/** The name to store: the client's base name, cleaned, with an extension matching the detected type. */
export function storedFileName(original: string, type: EvidenceType): string {
  const base = (original.split(/[\\/]/).pop() ?? '').normalize('NFC').replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200) || 'minh-chung';
  const ext = base.includes('.') ? base.split('.').pop()!.toLowerCase() : '';
  const fits = type === T.ole ? ['doc', 'xls', 'ppt', 'msg'].includes(ext) : type === T.jpeg ? ['jpg', 'jpeg'].includes(ext) : type === T.tiff ? ['tif', 'tiff'].includes(ext) : ext === type.ext;
  return fits ? base : `${base}.${type.ext}`;
}
