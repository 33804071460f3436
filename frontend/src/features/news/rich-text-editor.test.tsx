import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nProvider } from '@/i18n/i18n';
import RichTextEditor from './rich-text-editor';

// ProseMirror measures the selection; jsdom implements no layout. Stubs for this file only.
const rect = { x: 0, y: 0, top: 0, left: 0, bottom: 0, right: 0, width: 0, height: 0, toJSON: () => ({}) } as DOMRect;
beforeAll(() => {
  Range.prototype.getClientRects = () => ({ length: 0, item: () => null, [Symbol.iterator]: [][Symbol.iterator] }) as unknown as DOMRectList;
  Range.prototype.getBoundingClientRect = () => rect;
  document.elementFromPoint = () => null;
});

function setup(value: string) {
  localStorage.setItem('thidua.locale', 'vi');
  const onChange = jest.fn();
  render(<I18nProvider><RichTextEditor label="Nội dung" value={value} onChange={onChange} /></I18nProvider>);
  return { onChange, box: () => screen.getByRole('textbox', { name: 'Nội dung' }) };
}

/** Puts the selection over the whole text of `el` and tells ProseMirror. */
function select(el: HTMLElement) {
  (el.closest('[contenteditable]') as HTMLElement).focus();
  const range = document.createRange();
  range.selectNodeContents(el);
  const sel = window.getSelection()!;
  sel.removeAllRanges();
  sel.addRange(range);
  fireEvent(document, new Event('selectionchange'));
}

describe('Rich-text editor for news bodies', () => {
  it('shows the stored HTML and a toolbar with Vietnamese names', async () => {
    const { box } = setup('<h2>Kết quả</h2><p>Đoạn một.</p><ul><li><p>Ý một</p></li></ul>');
    await waitFor(() => expect(box()).toBeInTheDocument());
    expect(box().querySelector('h2')).toHaveTextContent('Kết quả');
    expect(box().querySelector('li')).toHaveTextContent('Ý một');
    const toolbar = screen.getByRole('toolbar', { name: 'Định dạng nội dung' });
    for (const name of ['Chữ đậm', 'Chữ nghiêng', 'Tiêu đề mục', 'Tiêu đề mục nhỏ', 'Danh sách gạch đầu dòng', 'Danh sách đánh số', 'Trích dẫn', 'Chèn liên kết', 'Bỏ liên kết', 'Hoàn tác', 'Làm lại']) {
      expect(toolbar).toContainElement(screen.getByRole('button', { name }));
    }
  });

  it('formats the selection (heading, bold, list, quote) and reports the HTML', async () => {
    // The editor's history groups steps less than 500 ms apart; a clock that moves 1 s per reading makes each
    // click its own step, so "Hoàn tác" undoes exactly the last one however busy the machine is.
    let clock = Date.now();
    const now = jest.spyOn(Date, 'now').mockImplementation(() => (clock += 1000));
    const { onChange, box } = setup('<p>Hội nghị sơ kết</p>');
    await waitFor(() => expect(box()).toBeInTheDocument());
    const p = box().querySelector('p') as HTMLElement;
    act(() => select(p));
    await userEvent.click(screen.getByRole('button', { name: 'Chữ đậm' }));
    await waitFor(() => expect(onChange).toHaveBeenLastCalledWith('<p><strong>Hội nghị sơ kết</strong></p>'));
    expect(screen.getByRole('button', { name: 'Chữ đậm' })).toHaveAttribute('aria-pressed', 'true');
    await userEvent.click(screen.getByRole('button', { name: 'Tiêu đề mục' }));
    await waitFor(() => expect(onChange).toHaveBeenLastCalledWith('<h2><strong>Hội nghị sơ kết</strong></h2>'));
    await userEvent.click(screen.getByRole('button', { name: 'Tiêu đề mục' }));
    await userEvent.click(screen.getByRole('button', { name: 'Danh sách đánh số' }));
    await waitFor(() => expect(onChange).toHaveBeenLastCalledWith('<ol><li><p><strong>Hội nghị sơ kết</strong></p></li></ol>'));
    await userEvent.click(screen.getByRole('button', { name: 'Hoàn tác' }));
    await waitFor(() => expect(onChange).toHaveBeenLastCalledWith('<p><strong>Hội nghị sơ kết</strong></p>'));
    await userEvent.click(screen.getByRole('button', { name: 'Trích dẫn' }));
    await waitFor(() => expect(onChange).toHaveBeenLastCalledWith('<blockquote><p><strong>Hội nghị sơ kết</strong></p></blockquote>'));
    now.mockRestore();
  });

  it('links the selection only to http(s) or mailto addresses', async () => {
    const { onChange, box } = setup('<p>Cổng thông tin</p>');
    await waitFor(() => expect(box()).toBeInTheDocument());
    act(() => select(box().querySelector('p') as HTMLElement));
    await userEvent.click(screen.getByRole('button', { name: 'Chèn liên kết' }));
    const address = screen.getByRole('textbox', { name: 'Địa chỉ liên kết' });
    await userEvent.type(address, 'javascript:alert(1)');
    await userEvent.click(screen.getByRole('button', { name: 'Gắn liên kết' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Địa chỉ phải bắt đầu bằng http://, https:// hoặc mailto:');
    expect(onChange).not.toHaveBeenCalled();
    await userEvent.clear(address);
    await userEvent.type(address, 'https://hanoi.gov.vn');
    act(() => select(box().querySelector('p') as HTMLElement));
    await userEvent.click(screen.getByRole('button', { name: 'Gắn liên kết' }));
    await waitFor(() => expect(onChange).toHaveBeenLastCalledWith('<p><a rel="noopener noreferrer nofollow" href="https://hanoi.gov.vn">Cổng thông tin</a></p>'));
  });
});
