import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { VersionTitle } from './version-title';

describe('VersionTitle', () => {
  it('loads the editor on the first press of the edit button; Enter saves the new title, Esc keeps the old one', async () => {
    const onSave = jest.fn();
    const { unmount } = render(<VersionTitle title="Kế hoạch năm 2026" canEdit onSave={onSave} />);
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Sửa tiêu đề văn bản' }));
    const field = await screen.findByRole('textbox');
    expect(field).toHaveValue('Kế hoạch năm 2026');
    await userEvent.clear(field);
    await userEvent.type(field, 'Kế hoạch hoạt động năm 2026');
    // The kit's editor confirms on the release of Enter pressed in the field (its keyCode, as browsers send it).
    fireEvent.keyDown(field, { key: 'Enter', keyCode: 13 });
    fireEvent.keyUp(field, { key: 'Enter', keyCode: 13 });
    expect(onSave).toHaveBeenCalledWith('Kế hoạch hoạt động năm 2026');
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    unmount();

    render(<VersionTitle title="Quy chế" canEdit onSave={onSave} />);
    await userEvent.click(screen.getByRole('button', { name: 'Sửa tiêu đề văn bản' }));
    const again = await screen.findByRole('textbox');
    await userEvent.type(again, ' mới');
    fireEvent.keyDown(again, { key: 'Escape', keyCode: 27 });
    fireEvent.keyUp(again, { key: 'Escape', keyCode: 27 });
    expect(onSave).toHaveBeenCalledTimes(1);
    expect(screen.getByText('Quy chế')).toBeInTheDocument();
  });

  it('offers no edit button to a reader', () => {
    render(<VersionTitle title="Kế hoạch năm 2026" canEdit={false} onSave={jest.fn()} />);
    expect(screen.getByText('Kế hoạch năm 2026')).toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});
