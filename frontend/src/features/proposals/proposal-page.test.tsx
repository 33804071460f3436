import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { reply, stubApi } from '../../../test/fetch-stub';
import { units } from '../../../test/fixtures';
import { findPage, renderRoute, users } from '../../../test/render';
import { appraisal, checklistOf, fullChecklist, leaderHead, nominees, proposal } from './test-fixtures';

const TITLE = 'Hồ sơ đề nghị khen thưởng Khối thi đua số 4 năm 2024';

describe('One award proposal dossier', () => {
  it('keeps "Trình hồ sơ" disabled for the leader unit’s head while parts are missing, listing them', async () => {
    const missing = fullChecklist.map((i) => (i.kind === 'report' && i.unitId === units.bql.id ? { ...i, present: false, detail: 'Chưa tải lên' } : i));
    const p = proposal({ status: 'draft', submittedAt: null, dueDate: null, workingDaysLeft: null, checklist: missing, complete: false }, { canEdit: true, canSubmit: true });
    stubApi({ 'GET /api/auth/me': leaderHead, 'GET /api/proposals/:id': p, 'GET /api/proposals/:id/checklist': checklistOf(p) });
    renderRoute('/proposals/prop-2024');
    await findPage(TITLE);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Trình hồ sơ' })).toBeDisabled());
    expect(screen.getByText(/Còn thiếu: Báo cáo thành tích của Ban quản lý các khu công nghiệp và chế xuất Hà Nội \(chưa tải lên\)/)).toBeInTheDocument();
    const row = screen.getByText('Báo cáo thành tích của Ban quản lý các khu công nghiệp và chế xuất Hà Nội').closest('li')!;
    expect(within(row).getByText('Còn thiếu')).toBeInTheDocument();
    const letterRow = screen.getByText('Tờ trình đề nghị khen thưởng').closest('li')!;
    expect(within(letterRow).getByText('Đã có')).toBeInTheDocument();
  });

  it('lets the head submit a complete dossier; a 409 listing missing parts is shown as-is', async () => {
    const p = proposal({ status: 'draft', submittedAt: null, dueDate: null, workingDaysLeft: null }, { canEdit: true, canSubmit: true });
    const conflict = 'Hồ sơ chưa đủ thành phần nên chưa thể trình. Còn thiếu: Biên bản Hội nghị tổng kết (biên bản chưa được thông qua).';
    let n = 0;
    const api = stubApi({
      'GET /api/auth/me': leaderHead,
      'GET /api/proposals/:id': p,
      'GET /api/proposals/:id/checklist': checklistOf(p),
      'POST /api/proposals/:id/submit': () => (++n === 1
        ? reply(409, { statusCode: 409, code: 'incomplete', message: conflict })
        : reply(200, proposal({ status: 'submitted' }))),
    });
    renderRoute('/proposals/prop-2024');
    await findPage(TITLE);
    const submit = screen.getByRole('button', { name: 'Trình hồ sơ' });
    await waitFor(() => expect(submit).toBeEnabled());
    await userEvent.click(submit);
    const confirm = await screen.findByRole('tooltip');
    await userEvent.click(within(confirm).getByRole('button', { name: 'Đồng ý trình' }));
    expect(await screen.findByText(conflict)).toBeInTheDocument();
    expect(api.calls('POST /api/proposals/:id/submit')).toHaveLength(1);

    await userEvent.click(screen.getByRole('button', { name: 'Trình hồ sơ' }));
    await userEvent.click(within(await screen.findByRole('tooltip')).getByRole('button', { name: 'Đồng ý trình' }));
    await waitFor(() => expect(api.calls('POST /api/proposals/:id/submit')).toHaveLength(2));
    expect(api.calls('POST /api/proposals/:id/submit')[1].params.id).toBe('prop-2024');
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Trình hồ sơ' })).not.toBeInTheDocument());
  });

  it('shows the history with the return reason, checklist, letter, nominees with reports and the documents', async () => {
    const p = proposal({
      status: 'returned', submissions: 1, returnReason: 'Thiếu chữ ký trong biên bản kiểm phiếu Bằng khen.',
      history: [
        ...proposal().history,
        { seq: 3, kind: 'returned', label: 'Trả lại hồ sơ', at: '2025-01-08T03:00:00.000Z', actorName: 'Lê Thu Trang', reason: 'Thiếu chữ ký trong biên bản kiểm phiếu Bằng khen.', dueDate: null, detail: {} },
      ],
    });
    stubApi({ 'GET /api/auth/me': users.officer, 'GET /api/proposals/:id': p, 'GET /api/proposals/:id/checklist': checklistOf(p) });
    renderRoute('/proposals/prop-2024');
    await findPage(TITLE);
    const returned = screen.getByText('Trả lại hồ sơ').closest('li')!;
    expect(within(returned).getByText('08/01/2025')).toBeInTheDocument();
    expect(within(returned).getByText('Lê Thu Trang')).toBeInTheDocument();
    expect(within(returned).getByText('Lý do: Thiếu chữ ký trong biên bản kiểm phiếu Bằng khen.')).toBeInTheDocument();
    expect(screen.getByText('Ban Thi đua – Khen thưởng Thành phố Hà Nội')).toBeInTheDocument();
    const row = screen.getByRole('row', { name: /Ban quản lý các khu công nghiệp/ });
    expect(within(row).getByRole('link', { name: 'bao-cao-bql.pdf' })).toHaveAttribute('href', '/api/proposals/prop-2024/reports/rep-unit-bql/file');
    expect(screen.getByRole('link', { name: 'Tờ trình .docx' })).toHaveAttribute('href', '/api/proposals/prop-2024/documents/letter?format=docx');
    expect(screen.getByRole('link', { name: 'Bảng tổng hợp kết quả chấm điểm .xlsx' })).toHaveAttribute('href', '/api/proposals/prop-2024/documents/score-annex?format=xlsx');
    expect(screen.getByRole('link', { name: 'Biên bản kiểm phiếu Cờ thi đua của UBND Thành phố .pdf' })).toHaveAttribute('href', '/api/proposals/prop-2024/documents/tally-records/ballot-flag?format=pdf');
    expect(screen.getByRole('link', { name: /Tải cả bộ hồ sơ/ })).toHaveAttribute('href', '/api/proposals/prop-2024/bundle');
    // A member unit sees no board actions and no submit.
    for (const name of ['Trình hồ sơ', 'Tiếp nhận thẩm định', 'Trả lại hồ sơ', 'Thông qua hồ sơ', 'Ghi nhận quyết định', 'Sửa tờ trình']) {
      expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
    }
  });

  it('sends a nominee unit’s achievement report as a file to its own unit; the server’s 400 message shows', async () => {
    const p = proposal({ status: 'draft', nominees: nominees.map((n) => (n.unitId === units.bql.id ? { ...n, report: null } : n)) }, { canUploadReportForUnitId: units.bql.id });
    let n = 0;
    const api = stubApi({
      'GET /api/auth/me': { ...users.officer, unitId: units.bql.id, unitName: units.bql.name },
      'GET /api/proposals/:id': p,
      'GET /api/proposals/:id/checklist': checklistOf(p),
      'POST /api/proposals/:id/reports/:unitId': () => (++n === 1
        ? reply(400, { statusCode: 400, code: 'bad_file', message: 'Tệp không phải PDF hoặc Word. Vui lòng tải lên báo cáo dạng .pdf, .doc, .docx hoặc .odt.' })
        : reply(201, { ...nominees[1].report, filename: 'bao-cao.pdf' })),
    });
    renderRoute('/proposals/prop-2024');
    await findPage(TITLE);
    expect(screen.getAllByRole('button', { name: 'Tải lên báo cáo' })).toHaveLength(1);
    const input = screen.getByLabelText(`Tải lên báo cáo – ${units.bql.name}`);
    await userEvent.upload(input, new File(['x'], 'anh.png', { type: 'image/png' }), { applyAccept: false });
    expect(await screen.findByText('Tệp không phải PDF hoặc Word. Vui lòng tải lên báo cáo dạng .pdf, .doc, .docx hoặc .odt.')).toBeInTheDocument();
    await userEvent.upload(input, new File(['%PDF-1.7'], 'bao-cao.pdf', { type: 'application/pdf' }));
    await waitFor(() => expect(api.calls('POST /api/proposals/:id/reports/:unitId')).toHaveLength(2));
    const call = api.calls('POST /api/proposals/:id/reports/:unitId')[1];
    expect(call.params).toEqual({ id: 'prop-2024', unitId: units.bql.id });
    expect(call.body).toBeInstanceOf(FormData);
    expect(((call.body as FormData).get('file') as File).name).toBe('bao-cao.pdf');
    expect(await screen.findByText('Đã tải lên báo cáo thành tích.')).toBeInTheDocument();
  });

  it('lets the board take the dossier, see the appraisal with breaches, and return it only with a reason', async () => {
    const submitted = proposal({}, { canAppraise: true });
    const api = stubApi({
      'GET /api/auth/me': users.board,
      'GET /api/proposals/:id': submitted,
      'GET /api/proposals/:id/checklist': checklistOf(submitted),
      'GET /api/proposals/:id/appraisal': appraisal(),
      'POST /api/proposals/:id/appraisal/start': proposal({ status: 'under_appraisal' }, { canAppraise: true }),
      'POST /api/proposals/:id/return': () => {
        // Returned, the dossier leaves the board's hands: the refetch removes the panel the dialog lives in.
        const returned = proposal({ status: 'returned', returnReason: 'Bổ sung báo cáo' });
        api.on('GET /api/proposals/:id', returned);
        return reply(200, returned);
      },
    });
    renderRoute('/proposals/prop-2024');
    await findPage(TITLE);
    expect(await screen.findByText(/không đủ điều kiện Bằng khen: năm 2024 có cán bộ bị kỷ luật/)).toBeInTheDocument();
    expect(screen.getByText('Không đủ điều kiện')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Thông qua hồ sơ' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Tiếp nhận thẩm định' }));
    await waitFor(() => expect(api.calls('POST /api/proposals/:id/appraisal/start')).toHaveLength(1));

    // Return needs a reason.
    await userEvent.click(await screen.findByRole('button', { name: 'Trả lại hồ sơ' }));
    const dialog = await screen.findByRole('dialog', { name: 'Trả lại hồ sơ' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Trả lại hồ sơ' }));
    expect(await within(dialog).findByText('Nhập lý do trả lại')).toBeInTheDocument();
    expect(api.calls('POST /api/proposals/:id/return')).toHaveLength(0);
    await userEvent.type(within(dialog).getByLabelText('Lý do trả lại'), 'Bổ sung báo cáo');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Trả lại hồ sơ' }));
    await waitFor(() => expect(api.calls('POST /api/proposals/:id/return')).toHaveLength(1));
    expect(api.calls('POST /api/proposals/:id/return')[0].body).toEqual({ reason: 'Bổ sung báo cáo' });
    expect(await screen.findByText('Đã trả lại hồ sơ.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Trả lại hồ sơ' })).not.toBeInTheDocument();
  });

  it('lets the board approve a dossier under appraisal, which opens the decision form', async () => {
    const api = stubApi({
      'GET /api/auth/me': users.board,
      'GET /api/proposals/:id': proposal({ status: 'under_appraisal' }, { canAppraise: true }),
      'GET /api/proposals/:id/checklist': checklistOf(proposal()),
      'GET /api/proposals/:id/appraisal': appraisal(),
      'POST /api/proposals/:id/approve': proposal({ status: 'approved' }, { canDecide: true }),
    });
    renderRoute('/proposals/prop-2024');
    await findPage(TITLE);
    await userEvent.click(await screen.findByRole('button', { name: 'Thông qua hồ sơ' }));
    await userEvent.click(within(await screen.findByRole('tooltip')).getByRole('button', { name: 'Thông qua hồ sơ' }));
    await waitFor(() => expect(api.calls('POST /api/proposals/:id/approve')).toHaveLength(1));
    expect(await screen.findByRole('button', { name: 'Ghi nhận quyết định' })).toBeInTheDocument();
  });

  it('records the decision number, date and signer for the chosen nominees, then shows it with the unit’s award history', async () => {
    const approved = proposal({ status: 'approved' }, { canDecide: true });
    const [flag] = nominees;
    const decision = {
      id: 'dec-1', unitId: flag.unitId, unitName: flag.unitName, code: flag.code, awardName: flag.awardName, outcome: 'awarded' as const, decisionNumber: '512/QĐ-UBND', decisionDate: '2025-03-20',
      signer: 'Trần Sỹ Thanh – Chủ tịch', reason: '', awardHistoryId: 'ah-1', revoked: false, recordedAt: '2025-03-21T02:00:00.000Z', recordedByName: 'Lê Thu Trang',
    };
    const decided = proposal({ status: 'decided', decisions: [decision], nominees: nominees.map((n) => (n.unitId === flag.unitId ? { ...n, decision } : n)) });
    const api = stubApi({
      'GET /api/auth/me': users.board,
      'GET /api/proposals/:id': approved,
      'GET /api/proposals/:id/checklist': checklistOf(approved),
      'GET /api/proposals/:id/appraisal': appraisal({ status: 'approved' }),
      'POST /api/proposals/:id/decisions': reply(201, decided),
    });
    renderRoute('/proposals/prop-2024');
    await findPage(TITLE);
    const card = (await screen.findByRole('button', { name: 'Ghi nhận quyết định' })).closest('.ant-card') as HTMLElement;
    await userEvent.click(within(card).getByRole('checkbox', { name: /Bằng khen của Chủ tịch UBND Thành phố: Ban quản lý/ }));
    await userEvent.type(within(card).getByLabelText('Số quyết định'), '512/QĐ-UBND');
    await userEvent.type(within(card).getByLabelText('Ngày quyết định'), '20/03/2025');
    await userEvent.type(within(card).getByLabelText('Người ký'), 'Trần Sỹ Thanh – Chủ tịch');
    await userEvent.click(within(card).getByRole('button', { name: 'Ghi nhận quyết định' }));
    await waitFor(() => expect(api.calls('POST /api/proposals/:id/decisions')).toHaveLength(1));
    expect(api.calls('POST /api/proposals/:id/decisions')[0].body).toEqual({
      outcome: 'awarded', nominees: [{ unitId: units.dukcq.id, code: 'city_flag' }], decisionNumber: '512/QĐ-UBND', decisionDate: '2025-03-20', signer: 'Trần Sỹ Thanh – Chủ tịch',
    });
    const row = await screen.findByRole('row', { name: /512\/QĐ-UBND/ });
    expect(await within(row).findByText('512/QĐ-UBND · 20/03/2025 · Trần Sỹ Thanh – Chủ tịch')).toBeInTheDocument();
    expect(within(row).getByRole('link', { name: 'Lịch sử khen thưởng' })).toHaveAttribute('href', `/units/${units.dukcq.id}/awards`);
    expect(screen.getByRole('link', { name: 'Danh sách kèm theo quyết định 512/QĐ-UBND .pdf' })).toBeInTheDocument();
  });
  it('lets the leader seat edit the letter of a draft, sending its version and the date as yyyy-mm-dd', async () => {
    const p = proposal({ status: 'draft', submittedAt: null, dueDate: null, workingDaysLeft: null, letter: { ...proposal().letter, date: null } }, { canEdit: true });
    const api = stubApi({
      'GET /api/auth/me': users.leaderOfficer,
      'GET /api/proposals/:id': p,
      'GET /api/proposals/:id/checklist': checklistOf(p),
      'PATCH /api/proposals/:id/letter': (req) => ({ ...p, version: 4, letter: { ...p.letter, number: (req.body as { number: string }).number, date: '2024-12-30' } }),
    });
    renderRoute('/proposals/prop-2024');
    await findPage(TITLE);
    await userEvent.click(screen.getByRole('button', { name: 'Sửa tờ trình' }));
    const dialog = await screen.findByRole('dialog', { name: 'Sửa tờ trình' });
    const number = within(dialog).getByLabelText('Số, ký hiệu');
    await userEvent.clear(number);
    await userEvent.type(number, '07/TTr-KTĐ4');
    await userEvent.type(within(dialog).getByLabelText('Ngày tờ trình'), '30/12/2024');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(api.calls('PATCH /api/proposals/:id/letter')).toHaveLength(1));
    expect(api.calls('PATCH /api/proposals/:id/letter')[0].body).toMatchObject({
      version: 3, number: '07/TTr-KTĐ4', date: '2024-12-30', recipient: 'Ban Thi đua – Khen thưởng Thành phố Hà Nội', signerName: 'Trịnh Văn Khải',
      paragraphs: ['Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15;', 'Khối thi đua số 4 đề nghị khen thưởng các đơn vị sau:'],
    });
    expect(await screen.findByText('07/TTr-KTĐ4', { selector: '.ant-descriptions-item-content' })).toBeInTheDocument();
  });

  it('lets the leader seat cancel a draft only with a reason; the dossier then shows as cancelled with it', async () => {
    const p = proposal({ status: 'draft', submittedAt: null, dueDate: null, workingDaysLeft: null }, { canEdit: true });
    const reason = 'Lập nhầm, khối lập lại hồ sơ sau hội nghị bổ sung';
    const api = stubApi({
      'GET /api/auth/me': users.leaderOfficer,
      'GET /api/proposals/:id': p,
      'GET /api/proposals/:id/checklist': checklistOf(p),
      'POST /api/proposals/:id/cancel': (req) => ({
        ...p, status: 'cancelled', statusLabel: 'Đã hủy', version: 4, cancelledAt: '2025-01-05T02:00:00.000Z', cancelReason: (req.body as { reason: string }).reason,
        permissions: { ...p.permissions, canEdit: false },
      }),
    });
    renderRoute('/proposals/prop-2024');
    await findPage(TITLE);
    await userEvent.click(screen.getByRole('button', { name: 'Hủy hồ sơ' }));
    const confirm = await screen.findByRole('tooltip');
    expect(within(confirm).getByText(/Hủy hồ sơ này\?/)).toBeInTheDocument();
    const ok = within(confirm).getByRole('button', { name: 'Đồng ý hủy' });
    expect(ok).toBeDisabled();
    await userEvent.type(within(confirm).getByLabelText('Lý do hủy'), `  ${reason} `);
    expect(ok).toBeEnabled();
    await userEvent.click(ok);
    await waitFor(() => expect(api.calls('POST /api/proposals/:id/cancel')).toHaveLength(1));
    expect(api.calls('POST /api/proposals/:id/cancel')[0].params.id).toBe('prop-2024');
    expect(api.calls('POST /api/proposals/:id/cancel')[0].body).toEqual({ reason });
    expect(await screen.findByText('Đã hủy hồ sơ.')).toBeInTheDocument();
    expect(await screen.findByText(`Đã hủy: ${reason}`)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Hủy hồ sơ' })).not.toBeInTheDocument();
  });

  it('shows no cancel button when the DTO does not allow editing (a member unit, a dossier with the board)', async () => {
    const submitted = proposal({ status: 'submitted' });
    stubApi({ 'GET /api/auth/me': users.officer, 'GET /api/proposals/:id': submitted, 'GET /api/proposals/:id/checklist': checklistOf(submitted) });
    renderRoute('/proposals/prop-2024');
    await findPage(TITLE);
    expect(screen.queryByRole('button', { name: 'Hủy hồ sơ' })).not.toBeInTheDocument();
  });

  it('shows the server’s refusal to cancel as it is', async () => {
    const p = proposal({ status: 'returned', returnReason: 'Thiếu biên bản.' }, { canEdit: true });
    const refusal = 'Hồ sơ đang ở trạng thái "Đã trình" nên không thể hủy hồ sơ; chỉ được hủy hồ sơ khi hồ sơ "Đang lập" hoặc "Bị trả lại".';
    stubApi({
      'GET /api/auth/me': users.leaderOfficer,
      'GET /api/proposals/:id': p,
      'GET /api/proposals/:id/checklist': checklistOf(p),
      'POST /api/proposals/:id/cancel': reply(409, { statusCode: 409, code: 'wrong_status', message: refusal }),
    });
    renderRoute('/proposals/prop-2024');
    await findPage(TITLE);
    await userEvent.click(screen.getByRole('button', { name: 'Hủy hồ sơ' }));
    const confirm = await screen.findByRole('tooltip');
    await userEvent.type(within(confirm).getByLabelText('Lý do hủy'), 'Lập lại');
    await userEvent.click(within(confirm).getByRole('button', { name: 'Đồng ý hủy' }));
    expect(await screen.findByText(refusal)).toBeInTheDocument();
  });

  it('shows the exemplary models each nominee cites and lets the leader seat pick them from the unit register', async () => {
    const model = (id: string, name: string, year = 2024) => ({
      id, blockYearId: 'by-2024', unitId: units.bql.id, unitName: units.bql.name, subjectKind: 'person' as const, name, achievement: 'Hoàn thành xuất sắc nhiệm vụ', year, stories: [],
    });
    const cited = { id: 'm1', subjectKind: 'person' as const, name: 'Chị Nguyễn Thu Hà', achievement: 'Hoàn thành xuất sắc nhiệm vụ', year: 2024,
      stories: [{ id: 's1', title: 'Gương điển hình: chị Hà', publicUrl: '/tin-tuc/guong-dien-hinh-chi-ha' }] };
    let current = proposal({ status: 'draft', submittedAt: null, dueDate: null, workingDaysLeft: null, nominees: nominees.map((n) => (n.unitId === units.bql.id ? { ...n, models: [cited] } : n)) }, { canEdit: true });
    const api = stubApi({
      'GET /api/auth/me': leaderHead,
      'GET /api/proposals/:id': () => current,
      'GET /api/proposals/:id/checklist': checklistOf(current),
      'GET /api/news/models': [model('m1', 'Chị Nguyễn Thu Hà'), model('m2', 'Anh Trần Minh Đức'), model('m3', 'Năm sau', 2025)],
      'PUT /api/proposals/:id/nominees/:unitId/models': (req) => {
        const ids = (req.body as { modelIds: string[] }).modelIds;
        current = { ...current, nominees: current.nominees.map((n) => (n.unitId === units.bql.id ? { ...n, models: ids.map((id) => ({ ...cited, id, name: id === 'm1' ? 'Chị Nguyễn Thu Hà' : 'Anh Trần Minh Đức', stories: [] })) } : n)) };
        return current;
      },
    });
    renderRoute('/proposals/prop-2024');
    await findPage(TITLE);
    const list = screen.getByRole('list', { name: `Gương điển hình – ${units.bql.name}` });
    expect(within(list).getByText('Chị Nguyễn Thu Hà')).toBeInTheDocument();
    expect(within(list).getByRole('link', { name: 'Gương điển hình: chị Hà' })).toHaveAttribute('href', '/tin-tuc/guong-dien-hinh-chi-ha');
    await userEvent.click(screen.getByRole('button', { name: `Trích dẫn gương điển hình – ${units.bql.name}` }));
    const dialog = await screen.findByRole('dialog', { name: `Gương điển hình tiên tiến của ${units.bql.name}` });
    await userEvent.click(within(dialog).getByRole('combobox', { name: 'Chọn trong sổ gương điển hình của đơn vị' }));
    // Entries after the dossier's year are not offered.
    expect(screen.queryByText('Năm sau (Cá nhân, 2025)')).not.toBeInTheDocument();
    await userEvent.click(await screen.findByText('Anh Trần Minh Đức (Cá nhân, 2024)'));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Lưu trích dẫn' }));
    await waitFor(() => expect(api.calls('PUT /api/proposals/:id/nominees/:unitId/models')).toHaveLength(1));
    expect(api.calls('PUT /api/proposals/:id/nominees/:unitId/models')[0]).toMatchObject({ params: { id: 'prop-2024', unitId: units.bql.id }, body: { modelIds: ['m1', 'm2'] } });
    expect(await within(screen.getByRole('list', { name: `Gương điển hình – ${units.bql.name}` })).findByText('Anh Trần Minh Đức')).toBeInTheDocument();
  });
});
