import { spawn } from 'node:child_process';
import JSZip from 'jszip';
import type { Client_ } from '../app';
import { expectStatus } from '../factories';

export const K4 = {
  leaderOfficer: 'canbo.dukcq@thidua.vn',
  leaderHead: 'thutruong.dukcq@thidua.vn',
  deputyOfficer: 'canbo.dukdn@thidua.vn',
  deputyHead: 'thutruong.dukdn@thidua.vn',
  lhpOfficer: 'canbo.lhp@thidua.vn',
  lhpHead: 'thutruong.lhp@thidua.vn',
  hizaOfficer: 'canbo.hiza@thidua.vn',
  hizaHead: 'thutruong.hiza@thidua.vn',
  dukdhOfficer: 'canbo.dukdh@thidua.vn',
  dukdhHead: 'thutruong.dukdh@thidua.vn',
} as const;

/** Short names of the five units of Khối thi đua số 4 (demo data). */
export const K4_UNITS = {
  dukcq: 'ĐUK các cơ quan TP',
  dukdn: 'ĐUK Doanh nghiệp',
  lhp: 'Trường ĐTCB Lê Hồng Phong',
  hiza: 'Ban QL các KCN&CX',
  dukdh: 'ĐUK các trường ĐH, CĐ',
} as const;

export const LAUNCH_TITLE = 'Hội nghị triển khai kế hoạch thi đua, khen thưởng và ký kết giao ước thi đua năm 2024';
export const PLACE = 'Hội trường Đảng ủy Khối các cơ quan Thành phố';

export function conferenceBody(blockYearId: string, over: Record<string, unknown> = {}) {
  return {
    blockYearId, kind: 'launch', title: LAUNCH_TITLE, startsAt: '2024-04-26T08:00:00+07:00', endsAt: '2024-04-26T11:00:00+07:00', place: PLACE,
    chairName: 'Trịnh Văn Khải – Phó Bí thư Thường trực', coChairName: 'Ngô Văn Bình – Phó Bí thư', secretaryName: 'Phạm Quang Huy – Chuyên viên thi đua',
    guests: [{ name: 'Nguyễn Thị Minh Ngọc', title: 'Phó Trưởng Ban Thi đua – Khen thưởng Thành phố', organization: 'Ban Thi đua – Khen thưởng Thành phố' }],
    agenda: [
      { title: 'Khối trưởng báo cáo dự thảo Kế hoạch hoạt động của Khối năm 2024', presenter: 'Đồng chí Khối trưởng' },
      { title: 'Thảo luận, đóng góp dự thảo Quy chế hoạt động và bình xét thi đua', presenter: 'Các đơn vị thành viên' },
      { title: 'Đại diện Ban Thi đua – Khen thưởng Thành phố phát biểu', presenter: 'Đồng chí Nguyễn Thị Minh Ngọc' },
      { title: 'Ký kết Giao ước thi đua năm 2024', presenter: 'Thủ trưởng các đơn vị' },
      { title: 'Khối trưởng phát biểu kết luận Hội nghị', presenter: 'Đồng chí Khối trưởng' },
    ],
    ...over,
  };
}

export async function createConference(leader: Client_, blockYearId: string, over: Record<string, unknown> = {}) {
  return expectStatus(leader.post('/api/conferences', conferenceBody(blockYearId, over)), 201);
}

/** Checks units in as present (with a delegate) until `count` are present. */
export async function checkInPresent(leader: Client_, conf: { id: string; attendance: { unitId: string }[] }, unitIds: string[]) {
  let last: any;
  for (const unitId of unitIds) last = await expectStatus(leader.post(`/api/conferences/${conf.id}/attendance/${unitId}/check-in`, { presence: 'present', delegateName: `Đại biểu ${unitId.slice(0, 4)}` }), 201);
  return last;
}

export async function download(c: Client_, url: string): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
  const res = await c.get(url).buffer(true).parse((r, cb) => {
    const chunks: Buffer[] = [];
    r.on('data', (ch: Buffer) => chunks.push(ch));
    r.on('end', () => cb(null, Buffer.concat(chunks)));
  });
  return { status: res.status, headers: res.headers as Record<string, string>, body: res.body as Buffer };
}

/** The text of a .docx, paragraph by paragraph: the body, then headers and footers. */
export async function docxText(buf: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(buf);
  const parts = ['word/document.xml', ...Object.keys(zip.files).filter((f) => /^word\/(header|footer)\d+\.xml$/.test(f)).sort()];
  const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  const texts = await Promise.all(parts.map(async (part) => {
    const xml = await zip.file(part)!.async('string');
    return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
      .map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)].map((m) => (m[1] === undefined ? '\n' : decode(m[1]))).join(''))
      .join('\n');
  }));
  return texts.join('\n');
}

/** pdf-parse in a plain Node child process (pdf.js loads its worker with a dynamic import jest does not allow). */
const PDF_PARSE_SCRIPT = `
const { PDFParse } = require('pdf-parse');
(async () => {
  const parser = new PDFParse({ data: new Uint8Array(require('node:fs').readFileSync(0)) });
  const text = await parser.getText();
  await parser.destroy();
  process.stdout.write(JSON.stringify({ text: text.text }));
})().catch((e) => { console.error(e); process.exit(1); });
`;

export function pdfText(buf: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', PDF_PARSE_SCRIPT], { cwd: __dirname });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(Buffer.concat(out).toString('utf8')).text) : reject(new Error(Buffer.concat(err).toString('utf8')))));
    child.stdin.end(buf);
  });
}

export const flat = (s: string) => s.replace(/\s+/g, ' ');
