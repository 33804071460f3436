import JSZip from 'jszip';
import { detectEvidenceType, storedFileName } from './evidence-type';

const zip = async (files: Record<string, string>) => {
  const z = new JSZip();
  for (const [k, v] of Object.entries(files)) z.file(k, v);
  return z.generateAsync({ type: 'nodebuffer' });
};

describe('evidence type by content', () => {
  it('recognises PDF, images and Office documents by their bytes', async () => {
    expect((await detectEvidenceType(Buffer.from('%PDF-1.7\n...')))?.mime).toBe('application/pdf');
    expect((await detectEvidenceType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])))?.mime).toBe('image/png');
    expect((await detectEvidenceType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0])))?.mime).toBe('image/jpeg');
    expect((await detectEvidenceType(Buffer.from('GIF89a....')))?.mime).toBe('image/gif');
    expect((await detectEvidenceType(Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')])))?.mime).toBe('image/webp');
    expect((await detectEvidenceType(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0])))?.ext).toBe('doc');
    expect((await detectEvidenceType(await zip({ '[Content_Types].xml': '<x/>', 'word/document.xml': '<w/>' })))?.ext).toBe('docx');
    expect((await detectEvidenceType(await zip({ '[Content_Types].xml': '<x/>', 'xl/workbook.xml': '<w/>' })))?.ext).toBe('xlsx');
    expect((await detectEvidenceType(await zip({ '[Content_Types].xml': '<x/>', 'ppt/presentation.xml': '<w/>' })))?.ext).toBe('pptx');
    expect((await detectEvidenceType(await zip({ mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '<x/>' })))?.ext).toBe('odt');
  });

  it('refuses anything else, whatever its name', async () => {
    expect(await detectEvidenceType(Buffer.from('MZ\x90\x00 this is an exe'))).toBeNull();
    expect(await detectEvidenceType(Buffer.from('<html><script>alert(1)</script></html>'))).toBeNull();
    expect(await detectEvidenceType(await zip({ 'evil.exe': 'MZ' }))).toBeNull();
    expect(await detectEvidenceType(Buffer.from('PK\x03\x04 not really a zip'))).toBeNull();
    expect(await detectEvidenceType(Buffer.alloc(0))).toBeNull();
  });

  it('gives the stored name the extension of the detected type', async () => {
    const pdf = (await detectEvidenceType(Buffer.from('%PDF-1.4')))!;
    expect(storedFileName('Báo cáo.pdf', pdf)).toBe('Báo cáo.pdf');
    expect(storedFileName('C:\\tmp\\anh.txt', pdf)).toBe('anh.txt.pdf');
    expect(storedFileName('', pdf)).toBe('minh-chung.pdf');
    const jpg = (await detectEvidenceType(Buffer.from([0xff, 0xd8, 0xff, 0xe0])))!;
    expect(storedFileName('IMG.JPEG', jpg)).toBe('IMG.JPEG');
  });
});
