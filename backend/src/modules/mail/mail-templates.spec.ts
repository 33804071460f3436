import { renderMail } from './mail-templates';

describe('renderMail', () => {
  it('addresses the person in Vietnamese and links to the page where the work is', () => {
    const m = renderMail({ template: 'notification', data: { name: 'Nguyễn Văn A', title: 'Đã mở ký giao ước thi đua năm 2025', body: 'Hạn ký: 15/01/2025', link: '/block-years/x/covenant' } }, 'https://thidua.example.vn');
    expect(m.subject).toBe('[Thi đua] Đã mở ký giao ước thi đua năm 2025');
    expect(m.text).toContain('Kính gửi Nguyễn Văn A,');
    expect(m.text).toContain('https://thidua.example.vn/block-years/x/covenant');
    expect(m.html).toContain('href="https://thidua.example.vn/block-years/x/covenant"');
  });

  it('escapes HTML from titles and bodies', () => {
    const m = renderMail({ template: 'notification', data: { name: '<b>', title: 'a & <script>', body: '"x"', link: 'javascript:alert(1)' } }, 'http://h');
    expect(m.html).not.toContain('<script>');
    expect(m.html).toContain('a &amp; &lt;script&gt;');
    expect(m.html).toContain('href="http://h/"');
  });

  it('lists every item of a daily digest with its link', () => {
    const m = renderMail({ template: 'digest', data: { name: 'B', day: '07/12/2026', items: [{ title: 'T1', body: '', link: '/rounds/1' }, { title: 'T2', body: 'x', link: '/proposals/2' }] } }, 'http://h');
    expect(m.subject).toBe('[Thi đua] Tổng hợp thông báo ngày 07/12/2026 (2)');
    expect(m.text).toContain('1. T1');
    expect(m.text).toContain('http://h/proposals/2');
  });
});
