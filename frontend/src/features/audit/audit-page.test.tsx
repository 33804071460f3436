import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Schemas } from '@/api/client';
import { stubApi } from '../../../test/fetch-stub';
import { block4, defaultRules, unitList, units } from '../../../test/fixtures';
import { findPage, page, renderRoute, users } from '../../../test/render';

type Entry = Schemas['AuditEntryDto'];
const entry = (e: Partial<Entry> & Pick<Entry, 'id' | 'action' | 'entityType'>): Entry => ({
  occurredAt: new Date(2025, 0, 6, 9, 30).toISOString(), actorId: 'acc-board', actorName: 'Lê Thu Trang', entityId: null, blockId: null, before: null, after: null, reason: '', requestId: null, seq: 7, hash: 'ab'.repeat(32), ...e,
});
const json = (v: unknown) => v as Record<string, never>;
const PUBLIC_KEY = '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAexample\n-----END PUBLIC KEY-----\n';
const checkpoint = { treeSize: 1234, rootHash: 'cd'.repeat(32), sealedAt: new Date(2025, 0, 6, 9, 31).toISOString(), keyId: 'a1b2c3d4e5f60718', signature: 'c2ln' };

const entries = [
  entry({ id: '42', action: 'block_year.update', entityType: 'block_year', entityId: 'by-2024', reason: 'Theo quy chế mới',
    before: json({ rules: defaultRules }), after: json({ rules: { ...defaultRules, quotas: { ...defaultRules.quotas, city_flag: { kind: 'count', value: 2 } } } }) }),
  entry({ id: '41', action: 'unit.update', entityType: 'unit', entityId: units.lhp.id, before: json({ phone: '024 3823 0003' }), after: json({ phone: '024 3823 9999' }) }),
  entry({ id: '40', action: 'block.create', entityType: 'block', entityId: 'block-4', after: json({ code: 'KTĐ4', name: 'Khối thi đua số 4', kind: 'khoi' }) }),
];

describe('Audit log page', () => {
  function stub() {
    return stubApi({
      'GET /api/auth/me': users.board,
      'GET /api/audit': page(entries),
      'GET /api/units': page(unitList),
      'GET /api/accounts': page([]),
      'GET /api/blocks': page([block4]),
      'GET /api/block-years': [{ id: 'by-2024', blockId: 'block-4', blockName: 'Khối thi đua số 4', year: 2024, status: 'in_progress', leaderUnitName: null, deputyUnitName: null, memberCount: 5 }],
      'GET /api/audit/verify': { ok: false, checked: 39, checkpoints: 3, pending: 0, brokenAtId: '40', seq: 39, treeSize: null, problem: 'content', message: '' },
      'GET /api/audit/checkpoints': { items: [checkpoint], total: 1, page: 1, pageSize: 1, keyId: 'a1b2c3d4e5f60718', publicKey: PUBLIC_KEY },
      'GET /api/audit/proofs': { checkpoint, signatureValid: true, keyId: 'a1b2c3d4e5f60718', publicKey: PUBLIC_KEY, entries: [{ entry: entries[2], leafIndex: 7, leafData: '[]', leafHash: 'ab'.repeat(32), proof: [], entryMatchesSeal: true, proofValid: true, ok: true }] },
    });
  }

  it('lists who did what and when in Vietnamese, with a field-by-field before → after', async () => {
    stub();
    renderRoute('/audit');
    await findPage('Nhật ký thay đổi');
    const created = await screen.findByRole('row', { name: /Tạo khối/ });
    expect(within(created).getByText('09:30 06/01/2025')).toBeInTheDocument();
    expect(within(created).getByText('Lê Thu Trang')).toBeInTheDocument();
    expect(within(created).getByRole('link', { name: 'Khối thi đua số 4' })).toHaveAttribute('href', '/blocks/block-4');

    const edited = screen.getByRole('row', { name: /Sửa đơn vị/ });
    expect(within(edited).getByText(units.lhp.name)).toBeInTheDocument();
    await userEvent.click(within(edited).getByRole('button', { name: /Mở rộng/ }));
    const phone = await screen.findByRole('row', { name: /Điện thoại/ });
    expect(within(phone).getByText('024 3823 0003')).toBeInTheDocument();
    expect(within(phone).getByText('024 3823 9999')).toBeInTheDocument();

    const rules = screen.getByRole('row', { name: /Sửa năm thi đua/ });
    expect(within(rules).getByText('Theo quy chế mới')).toBeInTheDocument();
    expect(within(rules).getByRole('link', { name: 'Khối thi đua số 4 – 2024' })).toBeInTheDocument();
    await userEvent.click(within(rules).getByRole('button', { name: /Mở rộng/ }));
    const quota = await screen.findByRole('row', { name: /Bộ quy tắc › Số lượng khen thưởng › Cờ thi đua của UBND Thành phố › giá trị/ });
    expect(within(quota).getByText('1')).toBeInTheDocument();
    expect(within(quota).getByText('2')).toBeInTheDocument();
    // Only what changed is listed.
    expect(screen.queryByRole('row', { name: /Túc số/ })).not.toBeInTheDocument();
  });

  it('filters by actor when their name is clicked', async () => {
    const api = stub();
    renderRoute('/audit');
    await findPage('Nhật ký thay đổi');
    const row = await screen.findByRole('row', { name: /Tạo khối/ });
    await userEvent.click(within(row).getByText('Lê Thu Trang'));
    await waitFor(() => expect(api.calls('GET /api/audit').some((c) => c.query.get('actorId') === 'acc-board')).toBe(true));
  });

  it('checks the ledger and names the problem in Vietnamese', async () => {
    const api = stub();
    renderRoute('/audit');
    await findPage('Nhật ký thay đổi');
    await userEvent.click(screen.getByRole('button', { name: 'Kiểm tra tính toàn vẹn' }));
    expect(await screen.findByText('Phát hiện nhật ký bị can thiệp')).toBeInTheDocument();
    expect(screen.getByText('Mục nhật ký #40 (vị trí 39) đã bị sửa sau khi niêm phong.')).toBeInTheDocument();
    expect(api.calls('GET /api/audit/verify')).toHaveLength(1);
  });

  it('names every action and object type the server records, never showing a code', async () => {
    stubApi({
      'GET /api/auth/me': users.board,
      'GET /api/audit': page([
        entry({ id: '52', action: 'proposal.decision', entityType: 'proposal', entityId: 'prop-1' }),
        entry({ id: '51', action: 'round.advance', entityType: 'scoring_round', entityId: 'round-1' }),
        entry({ id: '50', action: 'score.peer', entityType: 'score_entry', entityId: 'score-1' }),
        entry({ id: '49', action: 'holiday.import', entityType: 'holiday_calendar', entityId: 'cal-1' }),
      ]),
      'GET /api/units': page(unitList),
      'GET /api/accounts': page([]),
      'GET /api/blocks': page([block4]),
      'GET /api/block-years': [],
    });
    renderRoute('/audit');
    await findPage('Nhật ký thay đổi');
    expect(await screen.findByRole('row', { name: /Ghi quyết định khen thưởng.*Hồ sơ đề nghị/ })).toBeInTheDocument();
    expect(screen.getByRole('row', { name: /Chuyển bước đợt chấm điểm.*Đợt chấm điểm/ })).toBeInTheDocument();
    expect(screen.getByRole('row', { name: /Chấm chéo.*Điểm/ })).toBeInTheDocument();
    // A code the page does not know yet (another module added it) still reads as words.
    expect(screen.getByRole('row', { name: /Thao tác khác với đối tượng khác.*Đối tượng khác/ })).toBeInTheDocument();
    for (const code of ['proposal.decision', 'round.advance', 'score.peer', 'score_entry', 'scoring_round', 'holiday.import', 'holiday_calendar']) {
      expect(screen.queryByText(code)).not.toBeInTheDocument();
    }
  });

  it('reads in English in the English locale', async () => {
    stubApi({
      'GET /api/auth/me': users.board,
      'GET /api/audit': page([entry({ id: '52', action: 'proposal.decision', entityType: 'score_entry', entityId: 'x' })]),
      'GET /api/units': page(unitList), 'GET /api/accounts': page([]), 'GET /api/blocks': page([block4]), 'GET /api/block-years': [],
    });
    renderRoute('/audit');
    await findPage('Nhật ký thay đổi');
    await userEvent.click(screen.getByRole('button', { name: 'English' }));
    await findPage('Audit log');
    expect(await screen.findByRole('row', { name: /Record award decision.*Score/ })).toBeInTheDocument();
  });

  it('shows the latest signed checkpoint and the public key, and checks an entry\'s inclusion proof', async () => {
    const api = stub();
    renderRoute('/audit');
    await findPage('Nhật ký thay đổi');
    await userEvent.click(await screen.findByRole('button', { name: /Điểm niêm phong và khóa công khai · Số mục đã niêm phong: 1\.234/ }));
    expect(await screen.findByText(/BEGIN PUBLIC KEY/)).toBeInTheDocument();
    expect(screen.getByText('09:31 06/01/2025')).toBeInTheDocument();
    const row = await screen.findByRole('row', { name: /Tạo khối/ });
    await userEvent.click(within(row).getByRole('button', { name: /mở rộng|expand/i }));
    await userEvent.click(await screen.findByRole('button', { name: 'Kiểm tra bằng chứng' }));
    expect(await screen.findByText('Mục này có trong sổ đã ký: vị trí 7, điểm niêm phong 1.234 mục lúc 09:31 06/01/2025.')).toBeInTheDocument();
    expect(api.calls('GET /api/audit/proofs')[0].query.get('entryId')).toBe('40');
  });
});
