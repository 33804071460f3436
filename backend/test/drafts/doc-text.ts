/** Text of exported documents, for assertions: word/document.xml of a .docx, pdf-parse for a .pdf. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import JSZip from 'jszip';

export async function docxText(buf: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(buf);
  const xml = await zip.file('word/document.xml')!.async('string');
  const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)].map((m) => (m[1] === undefined ? '\n' : decode(m[1]))).join(''))
    .join('\n');
}

/** pdf-parse runs in a plain Node child: pdf.js loads its worker with a dynamic import jest does not allow. */
const SCRIPT = `
const { PDFParse } = require('pdf-parse');
(async () => {
  const parser = new PDFParse({ data: new Uint8Array(require('node:fs').readFileSync(0)) });
  const text = await parser.getText();
  await parser.destroy();
  process.stdout.write(text.text);
})().catch((e) => { console.error(e); process.exit(1); });
`;

export function pdfText(buf: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', SCRIPT], { cwd: path.resolve(__dirname, '../..') });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(Buffer.concat(out).toString('utf8')) : reject(new Error(Buffer.concat(err).toString('utf8')))));
    child.stdin.end(buf);
  });
}

/** Collapses whitespace (PDF text breaks lines where the layout does). */
export const flat = (s: string): string => s.replace(/\s+/g, ' ');

/** Supertest parser that keeps a binary body as a Buffer. */
export function binary(res: any, cb: (err: Error | null, body: any) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(Buffer.from(c)));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}
