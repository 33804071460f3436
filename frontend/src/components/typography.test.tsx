import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Typography } from './typography';

describe('Typography', () => {
  it('keeps headings at their level and the kit’s classes and decorations', () => {
    render(
      <>
        <Typography.Title level={3} id="t">Kế hoạch năm 2026</Typography.Title>
        <Typography.Text type="danger" strong code>−23</Typography.Text>
        <Typography.Paragraph type="secondary" italic>Chưa có nội dung</Typography.Paragraph>
      </>,
    );
    const heading = screen.getByRole('heading', { level: 3, name: 'Kế hoạch năm 2026' });
    expect(heading).toHaveAttribute('id', 't');
    expect(heading).toHaveClass('ant-typography');
    const text = screen.getByText('−23');
    expect(text.tagName).toBe('STRONG'); // antd's nesting: strong innermost, then code
    expect(text.closest('span.ant-typography')).toHaveClass('ant-typography-danger');
    expect(text.closest('code')).not.toBeNull();
    expect(screen.getByText('Chưa có nội dung').closest('div')).toHaveClass('ant-typography', 'ant-typography-secondary');
  });

  it('copies the text (or copyable.text) with a labelled button, then says it is copied', async () => {
    const user = userEvent.setup();
    const writeText = jest.spyOn(navigator.clipboard, 'writeText').mockResolvedValue();
    render(
      <>
        <Typography.Text code copyable>abc123</Typography.Text>
        <Typography.Paragraph copyable={{ text: 'Mục 1\nNội dung' }}><strong>Mục 1</strong> Nội dung</Typography.Paragraph>
      </>,
    );
    const [first, second] = screen.getAllByRole('button', { name: 'Sao chép' });
    await user.click(first);
    expect(writeText).toHaveBeenLastCalledWith('abc123');
    expect(await screen.findByRole('button', { name: 'Đã sao chép' })).toHaveClass('ant-typography-copy-success');
    await user.click(second);
    expect(writeText).toHaveBeenLastCalledWith('Mục 1\nNội dung');
    await act(async () => undefined);
  });
});
