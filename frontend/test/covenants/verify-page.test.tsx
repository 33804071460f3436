import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Schemas } from '@/api/client';
import { reply, stubApi } from '../fetch-stub';
import { findPage, renderRoute, users } from '../render';
import { at, CONTENT_HASH, DOCUMENT_HASH } from './fixtures';

const match: Schemas['VerifyResultDto'] = {
  sha256: DOCUMENT_HASH, matched: true, matchedBy: 'document', inForce: true,
  covenant: { id: 'cov-1', blockName: 'Khối thi đua số 4', blockCode: 'KTĐ4', year: 2024, number: 1, docNumber: '01/GU-KTĐ4', title: 'Năm 2024 của Khối thi đua số 4', status: 'in_force', inForceAt: at(9, 20) },
  message: 'Tệp khớp với Giao ước thi đua số 01/GU-KTĐ4 của Khối thi đua số 4 năm 2024; giao ước đang có hiệu lực.',
};

describe('Covenant verification page', () => {
  it('uploads the exported file as `file` and shows the covenant in force it matches', async () => {
    const api = stubApi({ 'GET /api/auth/me': users.officer, 'POST /api/covenants/verify': reply(201, match) });
    renderRoute('/covenants/verify');
    await findPage('Kiểm tra văn bản giao ước');
    const check = screen.getAllByRole('button', { name: 'Kiểm tra' })[0];
    expect(check).toBeDisabled();
    const file = new File(['%PDF-1.7 giao ước'], 'GU-KTĐ4-2024-so1.pdf', { type: 'application/pdf' });
    await userEvent.upload(document.querySelector('input[type=file]') as HTMLInputElement, file);
    expect(await screen.findByText('GU-KTĐ4-2024-so1.pdf')).toBeInTheDocument();
    // Picking a file sends nothing.
    expect(api.calls('POST /api/covenants/verify')).toHaveLength(0);
    await userEvent.click(screen.getAllByRole('button', { name: 'Kiểm tra' })[0]);

    expect(await screen.findByText('Khớp với giao ước đang có hiệu lực')).toBeInTheDocument();
    const [call] = api.calls('POST /api/covenants/verify');
    expect(call.body).toBeInstanceOf(FormData);
    expect(((call.body as FormData).get('file') as File).name).toBe('GU-KTĐ4-2024-so1.pdf');
    expect(call.headers.get('X-CSRF-Token')).toBeNull(); // no cookie in the test; the client sends it when set
    expect(screen.getByText(match.message)).toBeInTheDocument();
    expect(screen.getByRole('row', { name: /Khối thi đua Khối thi đua số 4 \(KTĐ4\)/ })).toBeInTheDocument();
    expect(screen.getByRole('row', { name: /^Năm 2024$/ })).toBeInTheDocument();
    expect(screen.getByRole('row', { name: /Số văn bản 01\/GU-KTĐ4 \(bản số 1\)/ })).toBeInTheDocument();
    expect(screen.getByRole('row', { name: /Khớp theo tệp PDF lưu trữ/ })).toBeInTheDocument();
  });

  it('checks a pasted SHA-256 and says when nothing matches', async () => {
    const api = stubApi({
      'GET /api/auth/me': users.officer,
      'POST /api/covenants/verify': reply(201, {
        sha256: CONTENT_HASH.replace(/a/g, 'b'), matched: false, matchedBy: null, inForce: false, covenant: null,
        message: 'Không tìm thấy giao ước nào khớp với mã này. Văn bản có thể đã bị chỉnh sửa hoặc không do hệ thống phát hành.',
      }),
    });
    renderRoute('/covenants/verify');
    await findPage('Kiểm tra văn bản giao ước');
    const field = screen.getByRole('textbox', { name: 'Mã SHA-256' });
    await userEvent.click(field);
    await userEvent.paste('abc');
    await userEvent.click(screen.getAllByRole('button', { name: 'Kiểm tra' })[1]);
    expect(await screen.findByText('Mã SHA-256 gồm đúng 64 ký tự 0–9, a–f')).toBeInTheDocument();
    expect(api.calls('POST /api/covenants/verify')).toHaveLength(0);

    await userEvent.clear(field);
    await userEvent.paste(` ${CONTENT_HASH.replace(/a/g, 'b').toUpperCase()} `);
    await userEvent.click(screen.getAllByRole('button', { name: 'Kiểm tra' })[1]);
    expect(await screen.findByText('Không khớp với giao ước nào')).toBeInTheDocument();
    await waitFor(() => expect(api.calls('POST /api/covenants/verify')).toHaveLength(1));
    expect(api.calls('POST /api/covenants/verify')[0].body).toEqual({ sha256: CONTENT_HASH.replace(/a/g, 'b') });
  });
});
