import { sanitizeBody } from './news-html';
import { topLevelBlocks } from './news-pages';

/** What the TipTap editor (StarterKit with headings 2–3, links) sends. */
const EDITOR_OUTPUT = '<h2>Kết quả</h2><p>Đơn vị đạt <strong>100%</strong> chỉ tiêu, <em>vượt</em> kế hoạch.<br>Dòng hai.</p>'
  + '<ul><li><p>Một</p><ul><li><p>Một a</p></li></ul></li><li><p>Hai</p></li></ul><ol><li><p>Thứ nhất</p></li></ol>'
  + '<blockquote><p>Trích dẫn</p></blockquote><h3>Mục nhỏ</h3>'
  + '<p><a target="_blank" rel="noopener noreferrer nofollow" href="https://hanoi.gov.vn/tin">liên kết</a> và <a href="mailto:vp@hanoi.gov.vn">thư</a></p>';

describe('sanitizeBody keeps what the editor produces and nothing else', () => {
  it('keeps the editor structures (target dropped, rel forced)', () => {
    expect(sanitizeBody(EDITOR_OUTPUT)).toBe(EDITOR_OUTPUT
      .replace('<br>', '<br />')
      .replace('<a target="_blank" rel', '<a rel')
      .replace('<a href="mailto:vp@hanoi.gov.vn">', '<a href="mailto:vp@hanoi.gov.vn" rel="noopener noreferrer nofollow">'));
  });

  it.each([
    ['<p><a href="javascript:alert(1)">x</a></p>', '<p><a rel="noopener noreferrer nofollow">x</a></p>'],
    ['<p><a href="data:text/html,<script>alert(1)</script>">x</a></p>', '<p><a rel="noopener noreferrer nofollow">x</a></p>'],
    ['<p><a href="//evil.example/">x</a></p>', '<p><a rel="noopener noreferrer nofollow">x</a></p>'],
    ['<p onclick="alert(1)" style="color:red" class="x">a</p>', '<p>a</p>'],
    ['<h1>Lớn</h1><h4>Nhỏ</h4><u>gạch</u><s>xóa</s><code>mã</code><hr>', 'LớnNhỏgạchxóamã'],
    ['<script>alert(1)</script><style>p{}</style><p>ok</p>', '<p>ok</p>'],
    ['<img src=x onerror=alert(1)><iframe src="https://evil.example"></iframe><p>ok</p>', '<p>ok</p>'],
  ])('%s → %s', (input, out) => expect(sanitizeBody(input)).toBe(out));
});

describe('topLevelBlocks', () => {
  it('splits at top-level blocks and keeps nested lists and quotes whole', () => {
    expect(topLevelBlocks(sanitizeBody(EDITOR_OUTPUT)).map((b) => b.slice(0, b.indexOf('>') + 1))).toEqual(['<h2>', '<p>', '<ul>', '<ol>', '<blockquote>', '<h3>', '<p>']);
    expect(topLevelBlocks('<ul><li><p>a</p><ul><li><p>b</p></li></ul></li></ul>')).toEqual(['<ul><li><p>a</p><ul><li><p>b</p></li></ul></li></ul>']);
    expect(topLevelBlocks('loose <b>text</b><p>a</p>tail')).toEqual(['loose <b>text</b>', '<p>a</p>', 'tail']);
    expect(topLevelBlocks('')).toEqual([]);
  });
});
