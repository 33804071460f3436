import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { type DocumentModel, buildDocumentNumber, renderDocx, renderPdf } from './index';

/** Set DOCUMENTS_SAMPLE_DIR to keep the rendered files for a look. */
const SAMPLE_DIR = process.env.DOCUMENTS_SAMPLE_DIR;

const UNITS = [
  'Đảng ủy Khối các cơ quan Thành phố',
  'Trường Đào tạo cán bộ Lê Hồng Phong',
  'Liên hiệp các Hội Khoa học và Kỹ thuật Thành phố',
  'Hội Liên hiệp Phụ nữ Thành phố',
  'Ủy ban Mặt trận Tổ quốc Việt Nam Thành phố',
];
const HEADS = ['Nguyễn Văn Hùng', 'Trần Thị Thu Hương', 'Lê Đức Thắng', 'Phạm Ngọc Ánh', 'Vũ Quốc Khánh'];
const AGENCY = { parent: 'UBND Thành phố Hà Nội', name: 'Khối thi đua số 4' };
const SIGNATURE = { prefix: 'TM.' as const, authority: 'Khối thi đua số 4', position: 'Khối trưởng', name: 'Nguyễn Văn Hùng' };
const RECIPIENTS = ['Ban Thi đua - Khen thưởng Thành phố', 'Các đơn vị thành viên Khối', 'Lưu: VT'];

const ACTIVITIES: [string, string, string][] = [
  ['Tổ chức Hội nghị ký kết giao ước thi đua năm 2024', 'Đảng ủy Khối các cơ quan Thành phố', 'Tháng 3/2024'],
  ['Xây dựng và ban hành Quy chế hoạt động của Khối', 'Trường Đào tạo cán bộ Lê Hồng Phong', 'Tháng 3/2024'],
  ['Phát động phong trào thi đua "Dân vận khéo" trong các đơn vị', 'Hội Liên hiệp Phụ nữ Thành phố', 'Quý II/2024'],
  ['Kiểm tra chéo việc thực hiện giao ước thi đua giữa các đơn vị', 'Các đơn vị thành viên', 'Tháng 6/2024'],
  ['Sơ kết 6 tháng đầu năm, trao đổi kinh nghiệm, nhân rộng điển hình tiên tiến', 'Liên hiệp các Hội Khoa học và Kỹ thuật Thành phố', 'Tháng 7/2024'],
  ['Tổ chức hoạt động về nguồn, thăm và tặng quà gia đình chính sách', 'Ủy ban Mặt trận Tổ quốc Việt Nam Thành phố', 'Tháng 7/2024'],
  ['Giải thể thao, văn nghệ chào mừng ngày Quốc khánh 2/9', 'Trường Đào tạo cán bộ Lê Hồng Phong', 'Tháng 8/2024'],
  ['Hội thảo chuyên đề về chuyển đổi số trong công tác thi đua, khen thưởng', 'Liên hiệp các Hội Khoa học và Kỹ thuật Thành phố', 'Tháng 10/2024'],
  ['Các đơn vị tự chấm điểm, gửi báo cáo tổng kết và hồ sơ đề nghị khen thưởng', 'Các đơn vị thành viên', 'Trước 15/11/2024'],
  ['Thẩm định kết quả, họp bình xét, bỏ phiếu suy tôn đơn vị dẫn đầu', 'Đảng ủy Khối các cơ quan Thành phố', 'Tháng 11/2024'],
  ['Tổng kết công tác thi đua năm 2024, bàn giao Khối trưởng năm 2025', 'Đảng ủy Khối các cơ quan Thành phố', 'Tháng 12/2024'],
];

function planModel(): DocumentModel {
  return {
    agency: AGENCY,
    number: buildDocumentNumber(1, 'KH', 'KTĐ4'),
    place: 'Hà Nội',
    date: '2024-04-26',
    type: 'Kế hoạch',
    title: 'Hoạt động năm 2024 của Khối thi đua số 4',
    blocks: [
      { kind: 'paragraph', content: 'Căn cứ Luật Thi đua, khen thưởng năm 2022; Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;' },
      { kind: 'paragraph', content: [{ text: 'Khối thi đua số 4', bold: true }, { text: ' xây dựng Kế hoạch hoạt động năm 2024 như sau:' }] },
      { kind: 'heading', text: 'I. MỤC ĐÍCH, YÊU CẦU' },
      { kind: 'heading', text: '1. Mục đích', level: 2 },
      { kind: 'paragraph', content: 'Đẩy mạnh các phong trào thi đua yêu nước, gắn với việc thực hiện nhiệm vụ chính trị của từng đơn vị; tăng cường đoàn kết, hợp tác, trao đổi kinh nghiệm giữa các đơn vị thành viên trong Khối; phát hiện, bồi dưỡng, tổng kết và nhân rộng các điển hình tiên tiến.' },
      { kind: 'heading', text: '2. Yêu cầu', level: 2 },
      {
        kind: 'list',
        style: 'bulleted',
        items: [
          'Các hoạt động của Khối phải thiết thực, hiệu quả, tránh hình thức, phô trương, lãng phí.',
          [{ text: 'Đơn vị được phân công chủ trì ' }, { text: 'chịu trách nhiệm', italic: true }, { text: ' xây dựng kế hoạch chi tiết và báo cáo Khối trưởng.' }],
        ],
      },
      { kind: 'heading', text: 'II. NỘI DUNG HOẠT ĐỘNG' },
      {
        kind: 'table',
        columns: [
          { header: 'STT', width: 8, align: 'center' },
          { header: 'Nội dung hoạt động', width: 46 },
          { header: 'Đơn vị chủ trì', width: 28 },
          { header: 'Thời gian', width: 18, align: 'center' },
        ],
        rows: ACTIVITIES.map(([what, who, when], i) => [i + 1, what, who, when]),
      },
      { kind: 'heading', text: 'III. TỔ CHỨC THỰC HIỆN' },
      { kind: 'paragraph', content: 'Giao Đảng ủy Khối các cơ quan Thành phố (đơn vị Khối trưởng) chủ trì, phối hợp với Trường Đào tạo cán bộ Lê Hồng Phong (đơn vị Khối phó) theo dõi, đôn đốc các đơn vị thành viên thực hiện Kế hoạch; tổng hợp kết quả, báo cáo Ban Thi đua - Khen thưởng Thành phố theo quy định.' },
      { kind: 'paragraph', content: 'Trong quá trình thực hiện, nếu có vướng mắc, các đơn vị phản ánh về đơn vị Khối trưởng để kịp thời tổng hợp, điều chỉnh./.' },
    ],
    recipients: RECIPIENTS,
    signatures: [SIGNATURE],
    footer: 'Mã kiểm tra nội dung (SHA-256): 3f2a9c0d5e8b7a6f1c4d2e9b8a7f6e5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b0a9f',
    annexes: [
      {
        orientation: 'landscape',
        blocks: [
          { kind: 'heading', text: 'Phụ lục', align: 'center' },
          {
            kind: 'paragraph',
            align: 'center',
            content: [
              { text: 'TIẾN ĐỘ CHI TIẾT CÁC HOẠT ĐỘNG\n', bold: true },
              { text: '(Kèm theo Kế hoạch số 01/KH-KTĐ4 ngày 26/4/2024 của Khối thi đua số 4)', italic: true },
            ],
          },
          {
            kind: 'table',
            columns: [
              { header: 'STT', width: 6, align: 'center' },
              { header: 'Nội dung hoạt động', width: 44 },
              { header: 'Đơn vị chủ trì', width: 34 },
              { header: 'Thời gian', width: 16, align: 'center' },
            ],
            rows: ACTIVITIES.map(([what, who, when], i) => [i + 1, what, who, when]),
          },
        ],
      },
    ],
  };
}

function covenantModel(): DocumentModel {
  return {
    agency: AGENCY,
    number: buildDocumentNumber(2, 'GU', 'KTĐ4'),
    place: 'Hà Nội',
    date: new Date('2024-03-14T09:00:00+07:00'),
    type: 'Giao ước thi đua',
    title: 'Năm 2024',
    blocks: [
      { kind: 'paragraph', content: 'Thực hiện Kế hoạch hoạt động năm 2024, các đơn vị thành viên Khối thi đua số 4 cùng giao ước thi đua với các nội dung sau:' },
      {
        kind: 'list',
        style: 'numbered',
        items: [
          'Hoàn thành xuất sắc các chỉ tiêu, nhiệm vụ chính trị được giao năm 2024.',
          'Thực hiện tốt công tác xây dựng Đảng, xây dựng tổ chức cơ sở đảng trong sạch, vững mạnh.',
          'Đẩy mạnh cải cách hành chính, ứng dụng công nghệ thông tin và chuyển đổi số.',
          'Tham gia đầy đủ, có chất lượng các hoạt động chung của Khối.',
        ],
      },
      { kind: 'paragraph', content: 'Giao ước này được lập thành 06 bản có giá trị như nhau, mỗi đơn vị giữ 01 bản, 01 bản gửi Ban Thi đua - Khen thưởng Thành phố./.' },
    ],
    signatureTable: {
      caption: 'Đại diện các đơn vị thành viên',
      columns: UNITS.map((unit, i) => ({ unit, position: 'Thủ trưởng', name: HEADS[i], signedAt: `Đã ký ngày 14/3/2024` })),
    },
    recipients: RECIPIENTS,
  };
}

const SCORE_HEADERS = ['STT', 'Tên đơn vị', 'Tự chấm', 'Thẩm định', 'Điểm thưởng', 'Điểm trừ', 'Tổng', 'Xếp hạng', 'Đề nghị', 'Ghi chú'];

const SCORE_WIDTHS = [5, 40, 7, 7, 7, 7, 6, 6, 12, 6];
/** Vietnamese decimal comma. */
const vn = (n: number): string => n.toFixed(1).replace('.', ',');

function scoreModel(): DocumentModel {
  const scores = [
    [96.5, 95.0, 3, 0],
    [94.0, 93.5, 2, 0.5],
    [92.0, 91.0, 1, 0],
    [90.5, 90.0, 0, 1],
    [89.0, 88.5, 0, 0],
  ];
  return {
    agency: AGENCY,
    number: buildDocumentNumber(12, 'BC', 'KTĐ4'),
    place: 'Hà Nội',
    date: '2024-12-05',
    type: 'Bảng tổng hợp',
    title: 'Kết quả chấm điểm thi đua năm 2024 của Khối thi đua số 4',
    orientation: 'landscape',
    blocks: [
      {
        kind: 'table',
        size: 12,
        columns: SCORE_HEADERS.map((header, i) => ({ header, width: SCORE_WIDTHS[i], align: i === 1 || i >= 8 ? 'left' : 'center' })),
        rows: scores.map(([self, verified, bonus, penalty], i) => {
          const total = verified + bonus - penalty;
          const proposal = i === 0 ? 'Cờ thi đua của UBND Thành phố' : i < 3 ? 'Bằng khen' : '';
          return [i + 1, UNITS[i], vn(self), vn(verified), vn(bonus), vn(penalty), { text: vn(total), bold: true }, i + 1, proposal, ''];
        }),
      },
    ],
    signatures: [
      { position: 'Người lập biểu', name: 'Lê Thị Mai' },
      { prefix: 'TM.', authority: 'Khối thi đua số 4', position: 'Khối trưởng', name: 'Nguyễn Văn Hùng' },
    ],
  };
}

/** An undated draft with a page break and a landscape section in the middle. */
function minutesDraft(): DocumentModel {
  return {
    agency: { name: 'Khối thi đua số 4' },
    number: buildDocumentNumber(null, 'BB', 'KTĐ4'),
    place: 'Hà Nội',
    date: null,
    type: 'Biên bản',
    title: 'Hội nghị tổng kết công tác thi đua năm 2024',
    blocks: [
      { kind: 'paragraph', content: [{ text: 'Thời gian bắt đầu: ', bold: true }, { text: '08 giờ 30 phút' }] },
      { kind: 'pageBreak' },
      { kind: 'paragraph', content: 'Nội dung trên trang mới.' },
      { kind: 'section', orientation: 'landscape' },
      { kind: 'table', columns: [{ header: 'Tên đơn vị', width: 3 }, { header: 'Số phiếu', width: 1, align: 'right' }], rows: [[UNITS[0], 5], [UNITS[1], { text: '4', bold: true }]] },
      { kind: 'section', orientation: 'portrait' },
      { kind: 'paragraph', content: 'Hội nghị kết thúc lúc 11 giờ 00 phút cùng ngày./.' },
    ],
    signatures: [
      { position: 'Thư ký', name: 'Lê Thị Mai' },
      { position: 'Chủ trì hội nghị', name: 'Nguyễn Văn Hùng' },
    ],
    recipients: ['Các đơn vị thành viên', 'Lưu: VT'],
  };
}

/** Text of word/document.xml, one line per paragraph. */
async function docxText(buf: Buffer, part = 'word/document.xml'): Promise<{ xml: string; text: string }> {
  const zip = await JSZip.loadAsync(buf);
  const xml = await zip.file(part)!.async('string');
  const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  const text = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)].map((m) => (m[1] === undefined ? '\n' : decode(m[1]))).join(''))
    .join('\n');
  return { xml, text };
}

/**
 * Text and page sizes through pdf-parse, run in a plain Node child process: pdf.js loads its worker
 * with a dynamic import, which jest's module system does not allow.
 */
const PDF_PARSE_SCRIPT = `
const { PDFParse } = require('pdf-parse');
(async () => {
  const parser = new PDFParse({ data: new Uint8Array(require('node:fs').readFileSync(0)) });
  const info = await parser.getInfo({ parsePageInfo: true });
  const text = await parser.getText();
  await parser.destroy();
  process.stdout.write(JSON.stringify({
    text: text.text,
    pages: info.pages.map((p, i) => ({ width: p.width, height: p.height, text: text.pages[i].text })),
  }));
})().catch((e) => { console.error(e); process.exit(1); });
`;

function pdfContent(buf: Buffer): Promise<{ text: string; pages: { width: number; height: number; text: string }[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', PDF_PARSE_SCRIPT], { cwd: __dirname });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(Buffer.concat(out).toString('utf8'))) : reject(new Error(Buffer.concat(err).toString('utf8'))),
    );
    child.stdin.end(buf);
  });
}

function keep(name: string, buf: Buffer): void {
  if (!SAMPLE_DIR) return;
  mkdirSync(SAMPLE_DIR, { recursive: true });
  writeFileSync(join(SAMPLE_DIR, name), buf);
}

const flat = (s: string): string => s.replace(/\s+/g, ' ');
const A4 = { width: 595.28, height: 841.89 };
const HEADER_TEXTS = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'KHỐI THI ĐUA SỐ 4'];

describe('renderDocx', () => {
  it('renders a plan with the ND30 header, page setup and Vietnamese text intact', async () => {
    const buf = await renderDocx(planModel());
    keep('plan.docx', buf);
    const { xml, text } = await docxText(buf);
    for (const s of [...HEADER_TEXTS, 'UBND THÀNH PHỐ HÀ NỘI', 'Số: 01/KH-KTĐ4', 'Hà Nội, ngày 26 tháng 4 năm 2024', 'KẾ HOẠCH', 'Hoạt động năm 2024 của Khối thi đua số 4', 'I. MỤC ĐÍCH, YÊU CẦU', 'Trường Đào tạo cán bộ Lê Hồng Phong', 'Đảng ủy Khối các cơ quan Thành phố', 'Nơi nhận:', '- Ban Thi đua - Khen thưởng Thành phố;', '- Lưu: VT.', 'TM. KHỐI THI ĐUA SỐ 4', 'KHỐI TRƯỞNG', 'Nguyễn Văn Hùng', '- Đơn vị được phân công chủ trì chịu trách nhiệm xây dựng kế hoạch chi tiết và báo cáo Khối trưởng.']) {
      expect(text).toContain(s);
    }
    // A4 portrait, then the landscape annex; margins 20/20/30/15 mm.
    const sizes = [...xml.matchAll(/<w:pgSz ([^>]*)\/>/g)].map((m) => m[1]);
    expect(sizes).toHaveLength(2);
    expect(sizes[0]).toMatch(/w:w="11906" w:h="16838"/);
    expect(sizes[0]).not.toMatch(/landscape/);
    expect(sizes[1]).toMatch(/w:w="16838" w:h="11906" w:orient="landscape"/);
    for (const m of xml.matchAll(/<w:pgMar ([^>]*)\/>/g)) {
      expect(m[1]).toMatch(/w:top="1134"/);
      expect(m[1]).toMatch(/w:right="850"/);
      expect(m[1]).toMatch(/w:bottom="1134"/);
      expect(m[1]).toMatch(/w:left="1701"/);
    }
    // No number on the first page (titlePage), numbers at the top from page 2; the annex restarts at 1.
    expect(xml.match(/<w:titlePg\/>/g)).toHaveLength(2);
    expect(xml.match(/<w:pgNumType w:start="1"\/>/g)).toHaveLength(2);
    const zip = await JSZip.loadAsync(buf);
    const headers = await Promise.all(Object.keys(zip.files).filter((f) => /^word\/header\d+\.xml$/.test(f)).map((f) => zip.file(f)!.async('string')));
    expect(headers.some((h) => /PAGE/.test(h) && /w:jc w:val="center"/.test(h))).toBe(true);
    // Fonts: Times New Roman by default; table header row repeats.
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(styles).toMatch(/w:ascii="Times New Roman"/);
    expect(xml).toMatch(/<w:tblHeader\/>/);
    // The content-hash footer.
    const footers = await Promise.all(Object.keys(zip.files).filter((f) => /^word\/footer\d+\.xml$/.test(f)).map((f) => zip.file(f)!.async('string')));
    expect(footers.some((f) => f.includes('Mã kiểm tra nội dung (SHA-256)'))).toBe(true);
  });

  it('renders a covenant with a signature table of five units', async () => {
    const buf = await renderDocx(covenantModel());
    keep('covenant.docx', buf);
    const { text } = await docxText(buf);
    for (const s of ['Số: 02/GU-KTĐ4', 'Hà Nội, ngày 14 tháng 3 năm 2024', 'GIAO ƯỚC THI ĐUA', 'ĐẠI DIỆN CÁC ĐƠN VỊ THÀNH VIÊN', '1. Hoàn thành xuất sắc', '4. Tham gia đầy đủ', ...UNITS.map((u) => u.toLocaleUpperCase('vi-VN')), ...HEADS]) {
      expect(text).toContain(s);
    }
    expect(text.match(/Đã ký ngày 14\/3\/2024/g)).toHaveLength(5);
  });

  it('renders a landscape score table', async () => {
    const buf = await renderDocx(scoreModel());
    keep('scores.docx', buf);
    const { xml, text } = await docxText(buf);
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    for (const s of [...SCORE_HEADERS, ...UNITS, 'Số: 12/BC-KTĐ4', 'Hà Nội, ngày 05 tháng 12 năm 2024', 'NGƯỜI LẬP BIỂU', 'Lê Thị Mai', '98,0']) expect(text).toContain(s);
  });
});

describe('both formats', () => {
  it('render an undated draft with page breaks, sections and side-by-side signatures', async () => {
    const model = minutesDraft();
    const docxBuf = await renderDocx(model);
    const pdfBuf = await renderPdf(model);
    keep('minutes.docx', docxBuf);
    keep('minutes.pdf', pdfBuf);
    const docx = await docxText(docxBuf);
    const pdf = await pdfContent(pdfBuf);
    const blankDate = /Hà Nội, ngày\u00a0+tháng\u00a0+năm/;
    expect(docx.text).toMatch(blankDate);
    expect(docx.text).toContain('Số: \u00a0\u00a0\u00a0\u00a0\u00a0/BB-KTĐ4');
    expect(docx.xml).toMatch(/<w:pageBreakBefore\/>/);
    expect(docx.xml.match(/<w:pgSz /g)).toHaveLength(3);
    expect(docx.xml.match(/<w:titlePg\/>/g)).toHaveLength(1); // numbering continues through the sections
    for (const s of ['BIÊN BẢN', 'THƯ KÝ', 'CHỦ TRÌ HỘI NGHỊ', 'Lê Thị Mai', 'Nguyễn Văn Hùng', 'Thời gian bắt đầu: 08 giờ 30 phút']) {
      expect(docx.text).toContain(s);
      expect(pdf.text).toContain(s);
    }
    // Page 1, the page break, the landscape section, back to portrait: numbered 2, 3, 4.
    expect(pdf.pages.map((p) => (p.width > p.height ? 'L' : 'P'))).toEqual(['P', 'P', 'L', 'P']);
    expect(pdf.pages[1].text).toContain('Nội dung trên trang mới.');
    expect(pdf.pages[3].text.split('\n').map((l) => l.trim())).toContain('4');
  });
});

describe('renderPdf', () => {
  it('renders a plan on A4 with Vietnamese text that extracts exactly', async () => {
    const buf = await renderPdf(planModel());
    keep('plan.pdf', buf);
    const { text, pages } = await pdfContent(buf);
    for (const s of [...HEADER_TEXTS, 'Số: 01/KH-KTĐ4', 'Hà Nội, ngày 26 tháng 4 năm 2024', 'KẾ HOẠCH', 'Hoạt động năm 2024 của Khối thi đua số 4', 'I. MỤC ĐÍCH, YÊU CẦU', 'Trường Đào tạo cán bộ Lê Hồng Phong', 'Đảng ủy Khối các cơ quan Thành phố', 'Nơi nhận:', '- Ban Thi đua - Khen thưởng Thành phố;', '- Lưu: VT.', 'TM. KHỐI THI ĐUA SỐ 4', 'KHỐI TRƯỞNG', 'Nguyễn Văn Hùng', 'Mã kiểm tra nội dung (SHA-256)']) {
      expect(text).toContain(s);
    }
    // Portrait pages, then the landscape annex.
    const portrait = pages.filter((p) => p.width < p.height);
    const landscape = pages.filter((p) => p.width > p.height);
    expect(portrait.length).toBeGreaterThanOrEqual(2);
    expect(landscape.length).toBeGreaterThanOrEqual(1);
    expect(pages.findIndex((p) => p.width > p.height)).toBe(portrait.length);
    for (const p of portrait) expect([p.width, p.height]).toEqual([expect.closeTo(A4.width, 1), expect.closeTo(A4.height, 1)]);
    for (const p of landscape) expect([p.width, p.height]).toEqual([expect.closeTo(A4.height, 1), expect.closeTo(A4.width, 1)]);
    // Page numbers from page 2, none on page 1 nor on the annex's first page (numbered on its own).
    const hasNumber = (p: { text: string }, n: number) => p.text.split('\n').some((l) => l.trim() === String(n));
    expect(hasNumber(pages[0], 1)).toBe(false);
    for (let i = 1; i < portrait.length; i++) expect(hasNumber(pages[i], i + 1)).toBe(true);
    expect(hasNumber(pages[portrait.length], 1)).toBe(false);
    if (landscape.length > 1) expect(hasNumber(pages[portrait.length + 1], 2)).toBe(true);
    // The activity table continues on a later page with its header repeated.
    expect(pages.filter((p) => p.text.includes('Nội dung hoạt động')).length).toBeGreaterThanOrEqual(2);
  });

  it('renders a covenant with a five-unit signature table', async () => {
    const buf = await renderPdf(covenantModel());
    keep('covenant.pdf', buf);
    const { text, pages } = await pdfContent(buf);
    for (const s of [...HEADER_TEXTS, 'Số: 02/GU-KTĐ4', 'Hà Nội, ngày 14 tháng 3 năm 2024', 'GIAO ƯỚC THI ĐUA', 'ĐẠI DIỆN CÁC ĐƠN VỊ THÀNH VIÊN']) {
      expect(text).toContain(s);
    }
    // Narrow columns wrap names; pdf.js reads each column top to bottom.
    for (const s of [...HEADS, ...UNITS.map((u) => u.toLocaleUpperCase('vi-VN'))]) expect(flat(text)).toContain(s);
    expect(flat(text).match(/Đã ký ngày 14\/3\/2024/g)).toHaveLength(5);
    expect(pages[0].width).toBeCloseTo(A4.width, 0);
  });

  it('renders a landscape score table', async () => {
    const buf = await renderPdf(scoreModel());
    keep('scores.pdf', buf);
    const { text, pages } = await pdfContent(buf);
    expect(pages[0].width).toBeCloseTo(A4.height, 0);
    expect(pages[0].height).toBeCloseTo(A4.width, 0);
    for (const s of [...UNITS, 'Số: 12/BC-KTĐ4', 'Hà Nội, ngày 05 tháng 12 năm 2024', 'NGƯỜI LẬP BIỂU', 'Lê Thị Mai', '98,0']) {
      expect(text).toContain(s);
    }
    // Narrow header cells wrap ("Tự / chấm"); pdf.js reads each cell top to bottom.
    for (const s of ['Tự chấm', 'Thẩm định', 'Điểm thưởng', 'Xếp hạng', 'Cờ thi đua của UBND Thành phố']) expect(flat(text)).toContain(s);
  });

  it('keeps every character in the text layer across documents (shared font cache)', async () => {
    // The first document has "Ở" (drawn from "Ơ" as a component) but no "Ơ" itself.
    const base: DocumentModel = { agency: { name: 'Khối thi đua số 4' }, number: '01/KH-KTĐ4', place: 'Hà Nội', date: '2024-04-26', type: 'Kế hoạch', title: '', blocks: [] };
    const first = await pdfContent(await renderPdf({ ...base, title: 'THƯỞNG Ở ỞI' }));
    const second = await pdfContent(await renderPdf({ ...base, title: 'ĐƠN VỊ CƠ QUAN' }));
    expect(first.text).toContain('THƯỞNG Ở ỞI');
    expect(second.text).toContain('ĐƠN VỊ CƠ QUAN');
  });

  it('splits a table row taller than a page across pages', async () => {
    const long = Array.from({ length: 1500 }, (_, i) => `từ${i}`).join(' ');
    const model: DocumentModel = {
      ...minutesDraft(),
      blocks: [{ kind: 'table', columns: [{ header: 'Nội dung', width: 3 }, { header: 'Ghi chú', width: 1 }], rows: [['Dòng đầu', ''], [long, 'x'], ['Dòng cuối', '']] }],
    };
    const buf = await renderPdf(model);
    keep('long-row.pdf', buf);
    const { text, pages } = await pdfContent(buf);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const s of ['Dòng đầu', 'từ0 ', 'từ750 ', 'từ1499', 'Dòng cuối']) expect(text).toContain(s);
    expect(pages.filter((p) => p.text.includes('Ghi chú')).length).toBeGreaterThanOrEqual(2);
  });

  it('keeps decomposed (NFD) input printable', async () => {
    const model = { ...covenantModel(), title: 'Năm 2024 – Đảng ủy Khối'.normalize('NFD') };
    const { text } = await pdfContent(await renderPdf(model));
    expect(text).toContain('Năm 2024 – Đảng ủy Khối');
  });
});
