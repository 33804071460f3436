import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { reply, stubApi } from '../../../test/fetch-stub';
import { findPage, openSelect, renderRoute, users } from '../../../test/render';

const years = [{ id: 'by-2025', blockId: 'block-4', blockName: 'Khối thi đua số 4', year: 2025, status: 'active', leaderUnitName: null, deputyUnitName: null, memberCount: 5 }];
const head = { ...users.officer, id: 'acc-lhp-head', fullName: 'Nguyễn Văn Thủ', email: 'thutruong.lhp@thidua.vn', role: 'unit_head' as const };
const units = [{ id: 'unit-lhp', name: 'Trường Đào tạo cán bộ Lê Hồng Phong' }, { id: 'unit-hiza', name: 'Ban Quản lý các khu công nghiệp và chế xuất' }];
const entry = {
  id: 'm1', blockYearId: 'by-2025', unitId: 'unit-lhp', unitName: units[0].name, subjectKind: 'person', name: 'Giảng viên Đỗ Minh Tuấn',
  achievement: 'Mười năm đưa lớp bồi dưỡng về cơ sở.', year: 2025, stories: [], version: 3, canEdit: true,
};
const other = { ...entry, id: 'm2', unitId: 'unit-hiza', unitName: units[1].name, subjectKind: 'collective', name: 'Tổ công đoàn Phòng Lao động', canEdit: false };
const story = {
  id: 's1', blockYearId: 'by-2025', unitId: 'unit-lhp', unitName: units[0].name, kind: 'story', status: 'published', title: 'Người thầy của lớp học cơ sở',
  slug: 'nguoi-thay', summary: '', subjectName: null, movementKey: null, publishedAt: '2025-03-11T02:00:00.000Z', featuredInBlock: false, featuredCity: false, updatedAt: '2025-03-11T02:00:00.000Z',
};
const register = (over: object = {}) => ({ items: [entry, other], total: 2, page: 1, pageSize: 20, units, writableUnitIds: ['unit-lhp'], ...over });
const stories = { items: [story], total: 1, page: 1, pageSize: 200, canWrite: true, canFeature: false };

async function openRegister() {
  renderRoute('/news?tab=models');
  await findPage('Tin hoạt động và gương điển hình');
  expect(await screen.findByRole('tab', { name: 'Sổ gương điển hình', selected: true })).toBeInTheDocument();
  await screen.findByText('Giảng viên Đỗ Minh Tuấn');
}

describe('Sổ gương điển hình (register of exemplary models)', () => {
  it('lists entries with their unit and kind, and searches with the words typed (with or without diacritics)', async () => {
    const api = stubApi({ 'GET /api/auth/me': head, 'GET /api/block-years': years, 'GET /api/news/models/register': register() });
    await openRegister();
    expect(screen.getByText('Tổ công đoàn Phòng Lao động')).toBeInTheDocument();
    expect(screen.getByText('Tập thể')).toBeInTheDocument();
    await userEvent.type(screen.getByRole('searchbox', { name: 'Tìm theo tên, thành tích (có dấu hoặc không dấu)' }), 'do minh tuan{Enter}');
    await waitFor(() => expect(api.calls('GET /api/news/models/register').some((c) => c.query.get('q') === 'do minh tuan' && c.query.get('blockYearId') === 'by-2025')).toBe(true));
    const filter = await openSelect(document.body, 'Lọc theo đơn vị');
    await filter.choose(units[1].name);
    await waitFor(() => expect(api.calls('GET /api/news/models/register').some((c) => c.query.get('unitId') === 'unit-hiza')).toBe(true));
  });

  it('the head writes an entry for its unit; an empty name is refused with a message', async () => {
    const api = stubApi({
      'GET /api/auth/me': head, 'GET /api/block-years': years, 'GET /api/news/models/register': register(), 'GET /api/news': stories,
      'POST /api/news/models': (req) => ({ ...entry, id: 'm3', ...(req.body as object), stories: [] }),
    });
    await openRegister();
    await userEvent.click(screen.getByRole('button', { name: 'Ghi vào sổ' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ghi gương điển hình vào sổ' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Lưu' }));
    expect(await within(dialog).findByText('Vui lòng nhập tên cá nhân / tập thể.')).toBeInTheDocument();
    expect(api.calls('POST /api/news/models')).toHaveLength(0);
    await userEvent.click(within(dialog).getByRole('radio', { name: 'Tập thể' }));
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Tên cá nhân / tập thể' }), 'Tổ Đào tạo cơ sở');
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Thành tích' }), 'Tổ chức 40 lớp bồi dưỡng.');
    const picker = await openSelect(dialog, 'Bài gương điển hình liên kết');
    await waitFor(() => expect(picker.names()).toEqual(['Người thầy của lớp học cơ sở (đăng ngày 11/03/2025)']));
    await picker.choose('Người thầy của lớp học cơ sở (đăng ngày 11/03/2025)');
    await picker.close();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(api.calls('POST /api/news/models')).toHaveLength(1));
    expect(api.calls('POST /api/news/models')[0].body).toEqual({
      blockYearId: 'by-2025', unitId: 'unit-lhp', subjectKind: 'collective', name: 'Tổ Đào tạo cơ sở', achievement: 'Tổ chức 40 lớp bồi dưỡng.', storyIds: ['s1'],
    });
    expect(api.calls('GET /api/news').every((c) => c.query.get('unitId') === 'unit-lhp' && c.query.get('kind') === 'story' && c.query.get('status') === 'published')).toBe(true);
    expect(await screen.findByText('Đã ghi vào sổ gương điển hình.')).toBeInTheDocument();
  });

  it('edits an entry and links a published story of its unit, with the version read; a server refusal shows under the field', async () => {
    let attempt = 0;
    const api = stubApi({
      'GET /api/auth/me': head, 'GET /api/block-years': years, 'GET /api/news/models/register': register(), 'GET /api/news': stories,
      'PATCH /api/news/models/:id': (req) => (++attempt === 1
        ? reply(400, { statusCode: 400, code: 'validation_failed', message: 'Dữ liệu không hợp lệ.', fields: { name: 'không được chứa ký tự NUL' } })
        : { ...entry, ...(req.body as object), stories: [{ id: 's1', title: story.title, publicUrl: '/tin-tuc/bai/nguoi-thay' }], version: 4 }),
    });
    await openRegister();
    // Only entries the API marks editable carry an edit button.
    expect(screen.queryByRole('button', { name: 'Sửa Tổ công đoàn Phòng Lao động' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Sửa Giảng viên Đỗ Minh Tuấn' }));
    const dialog = await screen.findByRole('dialog', { name: 'Sửa gương điển hình' });
    expect(within(dialog).getByText(units[0].name)).toBeInTheDocument();
    expect(within(dialog).getByRole('textbox', { name: 'Tên cá nhân / tập thể' })).toHaveValue('Giảng viên Đỗ Minh Tuấn');
    const picker = await openSelect(dialog, 'Bài gương điển hình liên kết');
    await waitFor(() => expect(picker.names()).toHaveLength(1));
    await picker.choose('Người thầy của lớp học cơ sở (đăng ngày 11/03/2025)');
    await picker.close();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Lưu' }));
    expect(await within(dialog).findByText('Tên cá nhân / tập thể không được chứa ký tự NUL')).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(api.calls('PATCH /api/news/models/:id')).toHaveLength(2));
    const call = api.calls('PATCH /api/news/models/:id')[1];
    expect(call.params.id).toBe('m1');
    expect(call.body).toEqual({ subjectKind: 'person', name: 'Giảng viên Đỗ Minh Tuấn', achievement: entry.achievement, storyIds: ['s1'], version: 3 });
    expect(await screen.findByText('Đã lưu thay đổi.')).toBeInTheDocument();
  });

  it('an officer reads the register but may not write in it', async () => {
    stubApi({
      'GET /api/auth/me': users.officer, 'GET /api/block-years': years,
      'GET /api/news/models/register': register({ items: [{ ...entry, canEdit: false, stories: [{ id: 's1', title: story.title, publicUrl: '/tin-tuc/bai/nguoi-thay' }] }], total: 1, writableUnitIds: [] }),
    });
    await openRegister();
    expect(screen.getByRole('link', { name: story.title })).toHaveAttribute('href', '/tin-tuc/bai/nguoi-thay');
    expect(screen.queryByRole('button', { name: 'Ghi vào sổ' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Sửa / })).not.toBeInTheDocument();
  });
});
