import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { reply, stubApi } from '../fetch-stub';
import { units } from '../fixtures';
import { findPage, renderRoute, users } from '../render';
import { at, CONTENT_HASH, covenant, DOCUMENT_HASH, leaderHead, lhpHead, listOf, progress, twoSigned, year } from './fixtures';

const boardRow = (unitName: string) => within(screen.getByRole('table', { name: 'Tiến độ ký' })).getByRole('row', { name: new RegExp(unitName) });

describe('Covenant page', () => {
  it('shows the content hash and who has signed (by whom, when) and who is waiting, the leader unit last', async () => {
    const c = covenant();
    stubApi({
      'GET /api/auth/me': users.officer,
      'GET /api/block-years/:id': year,
      'GET /api/covenants': listOf(c),
      'GET /api/covenants/:id': c,
    });
    renderRoute('/block-years/by-2024/covenant');
    await findPage('Giao ước thi đua');
    expect(await screen.findByRole('heading', { name: 'Giao ước số 01/GU-KTĐ4' })).toBeInTheDocument();
    expect(screen.getByText(/Đang ký: 2\/5 đơn vị đã ký/)).toBeInTheDocument();
    expect(screen.getAllByText(CONTENT_HASH).length).toBeGreaterThan(0);

    const bql = boardRow(units.bql.name);
    expect(within(bql).getByText('Đã ký')).toBeInTheDocument();
    expect(within(bql).getByText('Đặng Quốc Việt')).toBeInTheDocument();
    expect(within(bql).getByText('09:05 26/04/2024')).toBeInTheDocument();
    expect(within(boardRow(units.lhp.name)).getByText('Đang chờ ký')).toBeInTheDocument();
    expect(within(boardRow(units.lhp.name)).getByText('Đơn vị bạn')).toBeInTheDocument();
    const leader = boardRow(units.dukcq.name);
    expect(within(leader).getByText('Khối trưởng – ký sau cùng')).toBeInTheDocument();
    expect(within(leader).getByText('Ký sau cùng, chờ các đơn vị')).toBeInTheDocument();
    const rows = within(screen.getByRole('table', { name: 'Tiến độ ký' })).getAllByRole('row');
    expect(rows[rows.length - 1]).toHaveTextContent(units.dukcq.name);

    // Targets per unit, in Vietnamese number format.
    const targets = screen.getByRole('table', { name: 'III. CHỈ TIÊU ĐĂNG KÝ CỦA CÁC ĐƠN VỊ' });
    expect(within(targets).getByRole('row', { name: /Số lượt học viên được đào tạo, bồi dưỡng/ })).toHaveTextContent('9.000');
    expect(within(targets).getByRole('row', { name: /Tỷ lệ hồ sơ/ })).toHaveTextContent('99,5');
    // An officer neither signs nor edits.
    expect(screen.queryByRole('button', { name: 'Ký giao ước' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Sửa/ })).not.toBeInTheDocument();
  });

  it("asks a unit head for their password to sign, shows the server's message under the field when it is wrong, then records the signature", async () => {
    const c = covenant({}, { isSigner: true, canSign: true });
    const api = stubApi({
      'GET /api/auth/me': lhpHead,
      'GET /api/block-years/:id': year,
      'GET /api/covenants': listOf(c),
      'GET /api/covenants/:id': c,
      'POST /api/covenants/:id/sign': reply(400, {
        statusCode: 400, code: 'invalid_password', message: 'Mật khẩu xác nhận ký không đúng. Vui lòng nhập lại mật khẩu đăng nhập của bạn.', fields: { password: 'không đúng' },
      }),
    });
    renderRoute('/block-years/by-2024/covenant');
    await findPage('Giao ước thi đua');
    await userEvent.click(await screen.findByRole('button', { name: 'Ký giao ước' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ký giao ước thi đua' });
    expect(within(dialog).getByText(/thay mặt Trường Đào tạo cán bộ Lê Hồng Phong/)).toBeInTheDocument();
    expect(within(dialog).queryByText('Chưa đến lượt ký')).not.toBeInTheDocument();

    await userEvent.click(within(dialog).getByRole('button', { name: 'Ký giao ước' }));
    expect(await within(dialog).findByText('Mật khẩu không được để trống')).toBeInTheDocument();
    expect(api.calls('POST /api/covenants/:id/sign')).toHaveLength(0);

    const password = within(dialog).getByLabelText('Mật khẩu');
    await userEvent.type(password, 'sai-mat-khau');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Ký giao ước' }));
    expect(await within(dialog).findByText('Mật khẩu xác nhận ký không đúng. Vui lòng nhập lại mật khẩu đăng nhập của bạn.')).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Mật khẩu')).toHaveAttribute('aria-invalid', 'true');
    expect(api.calls('POST /api/covenants/:id/sign')[0]).toMatchObject({ params: { id: 'cov-1' }, body: { password: 'sai-mat-khau', contentHash: CONTENT_HASH } });

    const signed = covenant({ progress: progress({ ...twoSigned, [units.lhp.id]: { name: 'Vũ Đức Thành', at: at(9, 20) } }) }, { isSigner: true });
    api.on('POST /api/covenants/:id/sign', () => {
      api.on('GET /api/covenants/:id', signed);
      return reply(201, signed);
    });
    await userEvent.type(within(dialog).getByLabelText('Mật khẩu'), 'ThiDua@2024');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Ký giao ước' }));
    expect(await screen.findByText('Đã ký giao ước thay mặt đơn vị.')).toBeInTheDocument();
    await waitFor(() => expect(within(boardRow(units.lhp.name)).getByText('Vũ Đức Thành')).toBeInTheDocument());
    expect(screen.getByText('Đơn vị bạn đã ký')).toBeInTheDocument();
  });

  it("warns the leader unit's head that they sign last and shows the server's refusal", async () => {
    const reason = 'Đơn vị Khối trưởng ký sau cùng, khi tất cả đơn vị thành viên đã ký.';
    const c = covenant({}, { isSigner: true, signBlockedReason: reason });
    const refusal = 'Thủ trưởng đơn vị Khối trưởng ký sau cùng, khi tất cả đơn vị thành viên đã ký. Còn chờ 3 đơn vị.';
    stubApi({
      'GET /api/auth/me': leaderHead,
      'GET /api/block-years/:id': year,
      'GET /api/covenants': listOf(c),
      'GET /api/covenants/:id': c,
      'POST /api/covenants/:id/sign': reply(409, { statusCode: 409, code: 'leader_signs_last', message: refusal }),
    });
    renderRoute('/block-years/by-2024/covenant');
    await findPage('Giao ước thi đua');
    await userEvent.click(await screen.findByRole('button', { name: 'Ký giao ước' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ký giao ước thi đua' });
    expect(within(dialog).getByText('Chưa đến lượt ký')).toBeInTheDocument();
    expect(within(dialog).getByText(reason)).toBeInTheDocument();
    await userEvent.type(within(dialog).getByLabelText('Mật khẩu'), 'ThiDua@2024');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Ký giao ước' }));
    expect(await within(dialog).findByText(refusal)).toBeInTheDocument();
  });

  it('shows the completion certificate of a covenant in force: every signing event and both hashes', async () => {
    const all = Object.fromEntries([units.bql, units.dukdh, units.dukdn, units.lhp, units.dukcq].map((u, i) => [u.id, { name: `Người ký ${i + 1}`, at: at(9, i * 5) }]));
    const c = covenant({ status: 'in_force', inForceAt: at(9, 20), documentSha256: DOCUMENT_HASH, progress: progress(all, 'in_force') });
    stubApi({
      'GET /api/auth/me': users.board,
      'GET /api/block-years/:id': year,
      'GET /api/covenants': listOf(c),
      'GET /api/covenants/:id': c,
      'GET /api/covenants/:id/certificate': {
        covenantId: 'cov-1', blockName: 'Khối thi đua số 4', year: 2024, number: 1, docNumber: '01/GU-KTĐ4', title: c.title, status: 'in_force',
        contentHash: CONTENT_HASH, documentSha256: DOCUMENT_HASH, openedAt: c.openedAt, inForceAt: c.inForceAt,
        events: [
          { order: 1, unitId: units.bql.id, unitName: units.bql.name, signerId: 'h1', signerName: 'Đặng Quốc Việt', signerTitle: 'Trưởng ban', signedAt: at(9, 0), ip: '10.4.26.11', userAgent: 'Firefox', contentHash: CONTENT_HASH },
          { order: 2, unitId: units.dukcq.id, unitName: units.dukcq.name, signerId: 'h5', signerName: 'Trịnh Văn Khải', signerTitle: 'Phó Bí thư Thường trực', signedAt: at(9, 20), ip: '10.4.26.10', userAgent: 'Chrome', contentHash: CONTENT_HASH },
        ],
      },
    });
    renderRoute('/block-years/by-2024/covenant');
    await findPage('Giao ước thi đua');
    expect(await screen.findByText('Giao ước có hiệu lực từ 09:20 26/04/2024, đủ chữ ký của 5 đơn vị.')).toBeInTheDocument();
    const certificate = await screen.findByRole('table', { name: 'Giấy chứng nhận hoàn tất' });
    const last = within(certificate).getByRole('row', { name: /Trịnh Văn Khải/ });
    expect(last).toHaveTextContent(units.dukcq.name);
    expect(last).toHaveTextContent('09:20 26/04/2024');
    expect(last).toHaveTextContent('10.4.26.10');
    expect(last).toHaveTextContent('khớp nội dung đã khóa');
    expect(screen.getByText(DOCUMENT_HASH)).toBeInTheDocument();
    expect(screen.getAllByText(CONTENT_HASH).length).toBeGreaterThan(0);
    expect(screen.getByRole('button', { name: 'Tải .pdf' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Tải .docx' })).toBeInTheDocument();
    // The board reads; it never signs or amends.
    expect(screen.queryByRole('button', { name: 'Ký giao ước' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Soạn sửa đổi' })).not.toBeInTheDocument();
  });
});
