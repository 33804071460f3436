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
});
