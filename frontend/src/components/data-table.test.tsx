import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { compareVi } from '@/lib/format';
import { DataTable } from './data-table';

interface Unit { id: string; name: string }
const names = ['Sở Y tế', 'Sở Tài chính', 'Ban Dân tộc', 'Đảng ủy Khối', 'Sở Nội vụ'];
const units: Unit[] = Array.from({ length: 25 }, (_, i) => ({ id: `u${i + 1}`, name: `${names[i % 5]} ${i + 1}` }));
const columns = [{ title: 'STT', key: 'n', render: (_: unknown, __: Unit, i: number) => i + 1 }, { title: 'Đơn vị', dataIndex: 'name' }];

describe('DataTable', () => {
  it('is a table with column headers and one row per record, in the order given', () => {
    const sorted = [...units.slice(0, 5)].sort((a, b) => compareVi(a.name, b.name));
    render(<DataTable<Unit> aria-label="Đơn vị" rowKey="id" columns={columns} dataSource={sorted} />);
    const table = screen.getByRole('table', { name: 'Đơn vị' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['STT', 'Đơn vị']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[1].textContent)).toEqual(['Ban Dân tộc 3', 'Đảng ủy Khối 4', 'Sở Nội vụ 5', 'Sở Tài chính 2', 'Sở Y tế 1']);
    expect(rows[0]).toHaveAttribute('data-row-key', 'u3');
    expect(screen.queryByRole('navigation')).toBeNull();
  });

  it('pages on the client: the total, page buttons, the last page’s rows, and no pager for a single page', async () => {
    const { rerender } = render(<DataTable<Unit> rowKey="id" columns={columns} dataSource={units} pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => `Tổng số: ${n}` }} />);
    expect(screen.getAllByRole('row')).toHaveLength(21);
    const pager = screen.getByRole('navigation', { name: 'Phân trang' });
    expect(within(pager).getByText('Tổng số: 25')).toBeInTheDocument();
    expect(within(pager).getByRole('button', { name: 'Trang 1' })).toHaveAttribute('aria-current', 'page');
    expect(within(pager).getByRole('button', { name: 'Trang trước' })).toBeDisabled();
    await userEvent.click(within(pager).getByRole('button', { name: 'Trang sau' }));
    expect(screen.getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell')[1].textContent)).toEqual(units.slice(20).map((u) => u.name));
    expect(within(pager).getByRole('button', { name: 'Trang 2' })).toHaveAttribute('aria-current', 'page');
    expect(within(pager).getByRole('button', { name: 'Trang sau' })).toBeDisabled();
    rerender(<DataTable<Unit> rowKey="id" columns={columns} dataSource={units.slice(0, 3)} pagination={{ pageSize: 20, hideOnSinglePage: true }} />);
    expect(screen.getAllByRole('row')).toHaveLength(4);
    expect(screen.queryByRole('navigation')).toBeNull();
  });

  it('expands and collapses a row by click and by keyboard, the details in the next row across every column', async () => {
    render(<DataTable<Unit> rowKey="id" columns={columns} dataSource={units.slice(0, 3)}
      expandable={{ expandedRowRender: (u) => <p>Hồ sơ {u.name}</p>, rowExpandable: (u) => u.id !== 'u3' }} />);
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Chi tiết', 'STT', 'Đơn vị']);
    const buttons = screen.getAllByRole('button', { name: 'Mở rộng dòng' });
    expect(buttons).toHaveLength(2); // u3 cannot expand
    expect(within(screen.getAllByRole('row')[3]).queryByRole('button')).toBeNull();
    const [first, second] = buttons;
    expect(first).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(first);
    expect(first).toHaveAttribute('aria-expanded', 'true');
    expect(first).toHaveAccessibleName('Thu gọn dòng');
    const detail = document.getElementById(first.getAttribute('aria-controls')!)!;
    expect(detail.tagName).toBe('TR');
    expect(detail.previousElementSibling).toHaveAttribute('data-row-key', 'u1');
    expect(within(detail).getByRole('cell')).toHaveAttribute('colspan', '3');
    expect(within(detail).getByText('Hồ sơ Sở Y tế 1')).toBeInTheDocument();

    second.focus();
    await userEvent.keyboard('{Enter}');
    expect(screen.getByText('Hồ sơ Sở Tài chính 2')).toBeInTheDocument();
    await userEvent.keyboard(' ');
    expect(second).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByText('Hồ sơ Sở Tài chính 2')).toBeNull();
    expect(first.getAttribute('aria-controls')).not.toBe(second.getAttribute('aria-controls'));

    await userEvent.click(first);
    expect(screen.queryByText(/Hồ sơ/)).toBeNull();
    expect(screen.getAllByRole('row')).toHaveLength(4);
  });

  it('says so when empty, across the expand column too', () => {
    render(<DataTable<Unit> rowKey="id" columns={columns} dataSource={[]} locale={{ emptyText: 'Chưa có dữ liệu' }}
      expandable={{ expandedRowRender: (u) => u.name }} pagination={{ pageSize: 10, pageSizeOptions: [10, 20] }} />);
    expect(screen.getByRole('cell', { name: 'Chưa có dữ liệu' })).toHaveAttribute('colspan', '3');
    expect(screen.queryByRole('button', { name: 'Mở rộng dòng' })).toBeNull();
    expect(screen.getByRole('combobox', { name: 'Số dòng mỗi trang' })).toHaveValue('10');
  });

  it('changes the page size on the server: back to page 1 with the new size', async () => {
    const onChange = jest.fn();
    const { rerender } = render(<DataTable<Unit> rowKey="id" columns={columns} dataSource={units.slice(20)}
      pagination={{ current: 3, pageSize: 10, total: 25, pageSizeOptions: [10, 20, 50], onChange }} />);
    const select = screen.getByRole('combobox', { name: 'Số dòng mỗi trang' });
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['10', '20', '50']);
    await userEvent.selectOptions(select, '20');
    expect(onChange).toHaveBeenCalledWith(1, 20);
    await userEvent.click(screen.getByRole('button', { name: 'Trang 2' }));
    expect(onChange).toHaveBeenLastCalledWith(2, 10); // the size is the caller's until it passes the new one
    // A size outside the options still shows as chosen, in order.
    rerender(<DataTable<Unit> rowKey="id" columns={columns} dataSource={units.slice(0, 25)}
      pagination={{ current: 1, pageSize: 25, total: 25, pageSizeOptions: [10, 20, 50], onChange }} />);
    expect(screen.getByRole('combobox', { name: 'Số dòng mỗi trang' })).toHaveValue('25');
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['10', '20', '25', '50']);
  });

  it('changes the page size on the client: the new size from page 1', async () => {
    const onChange = jest.fn();
    render(<DataTable<Unit> rowKey="id" columns={columns} dataSource={units} pagination={{ pageSize: 10, pageSizeOptions: [10, 20], onChange }} />);
    await userEvent.click(screen.getByRole('button', { name: 'Trang 3' }));
    expect(screen.getAllByRole('row')).toHaveLength(6);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Số dòng mỗi trang' }), '20');
    expect(onChange).toHaveBeenLastCalledWith(1, 20);
    expect(screen.getAllByRole('row')).toHaveLength(21);
    expect(screen.getByRole('button', { name: 'Trang 1' })).toHaveAttribute('aria-current', 'page');
    expect(screen.queryByRole('button', { name: 'Trang 3' })).toBeNull();
  });
});
