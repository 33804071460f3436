import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Button, Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { DATE_FORMAT } from '@/lib/dates';
import { LazyDatePicker, LazyRangePicker } from './lazy-date-picker';

describe('LazyRangePicker', () => {
  // First in the file: the picker's chunk is not loaded yet, so the stand-in shows.
  it('labels both boxes and shows the range dd/mm/yyyy before and after the picker arrives', async () => {
    render(<LazyRangePicker aria-label="Khoảng thời gian" format={DATE_FORMAT} placeholder={['Từ ngày', 'Đến ngày']} value={[dayjs('2025-01-06'), dayjs('2025-01-31')]} />);
    const values = () => screen.getAllByLabelText('Khoảng thời gian').map((i) => [(i as HTMLInputElement).placeholder, (i as HTMLInputElement).value]);
    expect(screen.getAllByLabelText('Khoảng thời gian')[0]).toHaveAttribute('readonly');
    expect(values()).toEqual([['Từ ngày', '06/01/2025'], ['Đến ngày', '31/01/2025']]);
    await waitFor(() => expect(screen.getAllByLabelText('Khoảng thời gian')[0]).not.toHaveAttribute('readonly'));
    expect(values()).toEqual([['Từ ngày', '06/01/2025'], ['Đến ngày', '31/01/2025']]);
  });
});

describe('LazyDatePicker', () => {
  it('shows the value dd/mm/yyyy under its label at once, then is antd’s picker: a typed date reaches the form as a dayjs', async () => {
    const onFinish = jest.fn<void, [{ day: Dayjs }]>();
    render(
      <Form onFinish={onFinish} initialValues={{ day: dayjs('2025-03-18') }}>
        <Form.Item name="day" label="Ngày quyết định"><LazyDatePicker format={DATE_FORMAT} /></Form.Item>
        <Button htmlType="submit">Lưu</Button>
      </Form>,
    );
    expect(screen.getByLabelText('Ngày quyết định')).toHaveValue('18/03/2025'); // the stand-in, or the picker if already loaded
    await waitFor(() => expect(screen.getByLabelText('Ngày quyết định')).not.toHaveAttribute('readonly'));
    const field = screen.getByLabelText('Ngày quyết định');
    expect(field).toHaveValue('18/03/2025');
    await userEvent.click(field);
    await userEvent.clear(field);
    await userEvent.paste('20/03/2025');
    await userEvent.keyboard('{Enter}');
    await userEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(onFinish).toHaveBeenCalled());
    const day = onFinish.mock.calls[0][0].day;
    expect(dayjs.isDayjs(day) && day.format('YYYY-MM-DD')).toBe('2025-03-20');
  });
});
