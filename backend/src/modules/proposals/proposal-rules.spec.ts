import { checklist, ChecklistInput, cityQuotaUse, deadline, letterProblems, missingMessage, transitionProblem, vietnamDate } from './proposal-rules';
import { OFFICIAL_CALENDAR } from './rules';
import { PROPOSAL_STATUSES } from './entities/proposal.entity';
import { decisionListDocument, draftLetter, letterDocument, nomineeListDocument, percentText, signerPosition } from './proposal-documents';

const LETTER = { number: '05/TTr-KTĐ4', recipient: 'Hội đồng Thi đua - Khen thưởng Thành phố Hà Nội', paragraphs: ['Căn cứ …'], signerName: 'Trịnh Văn Khải' };

function complete(): ChecklistInput {
  return {
    letter: LETTER,
    minutes: { number: '02/BB-KTĐ4', approved: true },
    round: { title: 'Chấm điểm thi đua năm 2024', finalised: true },
    ballots: [{ ballotId: 'b1', awardName: 'Cờ thi đua của UBND Thành phố', status: 'closed', signed: true, documentNumber: '01/BB-KTĐ4' }],
    nominees: [
      { unitId: 'u1', unitName: 'ĐUK các cơ quan', awardName: 'Cờ thi đua của UBND Thành phố' },
      { unitId: 'u1', unitName: 'ĐUK các cơ quan', awardName: 'Bằng khen' },
      { unitId: 'u2', unitName: 'ĐUK Doanh nghiệp', awardName: 'Bằng khen' },
    ],
    reportUnitIds: new Set(['u1', 'u2']),
  };
}

describe('letterProblems', () => {
  it('accepts a TTr number and complete fields', () => expect(letterProblems(LETTER)).toEqual([]));
  it('names each problem', () => {
    expect(letterProblems({ number: '05/KH-KTĐ4', recipient: ' ', paragraphs: [' '], signerName: '' })).toEqual([
      'số tờ trình chưa đúng dạng "05/TTr-KTĐ4"', 'chưa ghi nơi nhận ("Kính gửi")', 'chưa có nội dung', 'chưa ghi người ký',
    ]);
  });
});

describe('checklist', () => {
  it('lists every part present for a complete dossier; one report per nominee unit', () => {
    const items = checklist(complete());
    expect(items.map((i) => i.key)).toEqual(['letter', 'minutes', 'score_annex', 'tally_record:b1', 'nominees', 'report:u1', 'report:u2']);
    expect(items.every((i) => i.present)).toBe(true);
    expect(missingMessage(items)).toBeNull();
  });

  it('reports each missing part, in Vietnamese', () => {
    const i = complete();
    const items = checklist({ ...i, minutes: { number: '02/BB-KTĐ4', approved: false }, round: null, ballots: [{ ...i.ballots[0], signed: false }], reportUnitIds: new Set(['u1']) });
    expect(items.filter((x) => !x.present).map((x) => x.key)).toEqual(['minutes', 'score_annex', 'tally_record:b1', 'report:u2']);
    expect(missingMessage(items)).toBe(
      'Hồ sơ chưa đủ thành phần nên chưa thể trình. Còn thiếu: Biên bản Hội nghị tổng kết (biên bản số 02/BB-KTĐ4 chưa được chủ trì và thư ký thông qua); '
      + 'Bảng tổng hợp kết quả chấm điểm (chưa có đợt chấm điểm cuối năm); Biên bản kiểm phiếu – Cờ thi đua của UBND Thành phố (biên bản kiểm phiếu chưa được Ban kiểm phiếu ký); '
      + 'Báo cáo thành tích của ĐUK Doanh nghiệp (đơn vị chưa tải lên báo cáo thành tích).');
  });

  it('without a ballot or nominees, the tally record and the list are missing', () => {
    const items = checklist({ ...complete(), ballots: [], nominees: [] });
    expect(items.filter((x) => !x.present).map((x) => x.key)).toEqual(['tally_record', 'nominees']);
  });

  it('an open ballot is not a tally record yet', () => {
    const i = complete();
    const [t] = checklist({ ...i, ballots: [{ ...i.ballots[0], status: 'open' }] }).filter((x) => x.kind === 'tally_record');
    expect(t).toMatchObject({ present: false, detail: 'Cuộc bỏ phiếu chưa kết thúc' });
  });
});

describe('transitions', () => {
  const allowed = (action: Parameters<typeof transitionProblem>[1]) => PROPOSAL_STATUSES.filter((s) => transitionProblem(s, action) === null);
  it('allows each act only in its statuses', () => {
    expect(allowed('edit')).toEqual(['draft', 'returned']);
    expect(allowed('submit')).toEqual(['draft', 'returned']);
    expect(allowed('take')).toEqual(['submitted']);
    expect(allowed('return')).toEqual(['submitted', 'under_appraisal']);
    expect(allowed('approve')).toEqual(['under_appraisal']);
    expect(allowed('decide')).toEqual(['approved']);
    expect(allowed('cancel')).toEqual(['draft', 'returned']);
  });
  it('explains a refusal', () => {
    expect(transitionProblem('submitted', 'approve')).toBe('Hồ sơ đang ở trạng thái "Đã trình" nên không thể thông qua hồ sơ; chỉ được thông qua hồ sơ khi hồ sơ "Đang thẩm định".');
  });
});

describe('deadline', () => {
  it('counts working days from the Vietnam date of submission, skipping weekends and holidays', () => {
    // Submitted 23:30 on Tue 31/12/2024 in Hà Nội = 16:30 UTC; 1/1/2025 is a holiday.
    const d = deadline(new Date('2024-12-31T16:30:00Z'), 1, new Date('2024-12-31T16:30:00Z'), OFFICIAL_CALENDAR);
    expect(vietnamDate(new Date('2024-12-31T16:30:00Z'))).toBe('2024-12-31');
    expect(d).toEqual({ dueDate: '2025-01-02', workingDaysLeft: 1, overdue: false, calendarMissingYears: [] });
    // 25 working days from Mon 13/1/2025 cross Tết Ất Tỵ (28–31/1 off).
    expect(deadline(new Date('2025-01-13T03:00:00Z'), 25, new Date('2025-02-25T03:00:00Z'), OFFICIAL_CALENDAR))
      .toEqual({ dueDate: '2025-02-21', workingDaysLeft: -2, overdue: true, calendarMissingYears: [] });
  });

  it('flags a deadline reaching into a year the board has not entered, rather than counting it silently', () => {
    // Submitted 15/12/2026: 25 working days run into January 2027, whose Tết schedule is not in the calendar.
    const d = deadline(new Date('2026-12-15T03:00:00Z'), 25, new Date('2026-12-15T03:00:00Z'), OFFICIAL_CALENDAR);
    expect(d.calendarMissingYears).toEqual([2027]);
    expect(deadline(new Date('2026-03-02T03:00:00Z'), 25, new Date('2026-03-02T03:00:00Z'), OFFICIAL_CALENDAR).calendarMissingYears).toEqual([]);
  });
});

describe('cityQuotaUse', () => {
  const awards = [
    { code: 'gov_flag', name: 'Cờ thi đua của Chính phủ', cityQuota: 1 },
    { code: 'city_flag', name: 'Cờ thi đua của UBND Thành phố', cityQuota: 2 },
    { code: 'good_unit', name: 'Giấy khen', cityQuota: 0 },
  ];
  it('sums pending nominees and decided awards over every block against the limit', () => {
    const r = cityQuotaUse(awards,
      [{ blockId: 'b1', blockName: 'K1', unitId: 'u1', code: 'city_flag' }, { blockId: 'b2', blockName: 'K2', unitId: 'u2', code: 'city_flag' }, { blockId: 'b2', blockName: 'K2', unitId: 'u2', code: 'good_unit' }],
      [{ blockId: 'b3', blockName: 'K3', unitId: 'u3', code: 'city_flag' }]);
    expect(r.usage).toEqual([
      { code: 'gov_flag', name: 'Cờ thi đua của Chính phủ', limit: 1, pending: 0, decided: 0, used: 0, remaining: 1, over: false },
      { code: 'city_flag', name: 'Cờ thi đua của UBND Thành phố', limit: 2, pending: 2, decided: 1, used: 3, remaining: -1, over: true },
      { code: 'good_unit', name: 'Giấy khen', limit: 0, pending: 1, decided: 0, used: 1, remaining: -1, over: true },
    ]);
    expect(r.breaches.map((b) => b.message)).toEqual([
      'Toàn Thành phố đề nghị 3 đơn vị cho Cờ thi đua của UBND Thành phố, vượt chỉ tiêu 2 đơn vị',
      'Toàn Thành phố đề nghị 1 đơn vị cho Giấy khen, vượt chỉ tiêu 0 đơn vị',
    ]);
  });
  it('reports a unit proposed by two blocks', () => {
    const r = cityQuotaUse(awards, [{ blockId: 'b1', blockName: 'K1', unitId: 'u1', code: 'gov_flag' }, { blockId: 'b2', blockName: 'K2', unitId: 'u1', code: 'gov_flag' }], [], { u1: 'Sở A' });
    expect(r.breaches.map((b) => b.kind)).toEqual(['over_city_quota', 'several_blocks']);
    expect(r.breaches[1].message).toBe('Đơn vị Sở A được đề nghị Cờ thi đua của Chính phủ ở nhiều khối: K1, K2');
  });
});

describe('documents', () => {
  const nominees = [
    { unitId: 'u1', unitName: 'Đảng ủy Khối các cơ quan Thành phố Hà Nội', code: 'city_flag', awardName: 'Cờ thi đua của UBND Thành phố', approvals: 5, percent: 100, rank: 1, note: 'Dẫn đầu Khối' },
    { unitId: 'u2', unitName: 'Đảng ủy Khối Doanh nghiệp Thành phố', code: 'city_merit', awardName: 'Bằng khen của Chủ tịch UBND Thành phố', approvals: 4, percent: 80, rank: 2, note: '' },
  ];
  it('drafts the letter from the year data', () => {
    const l = draftLetter({ blockName: 'Khối thi đua số 4', year: 2024, legalBasis: [{ number: '06/2022/QH15', date: '2022-06-15', title: 'Luật Thi đua, khen thưởng' }], conferenceDate: '2024-12-20' });
    expect(l.paragraphs[0]).toBe('Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15/06/2022;');
    expect(l.paragraphs[2]).toContain('Hội nghị tổng kết công tác thi đua, khen thưởng năm 2024 của Khối thi đua số 4 ngày 20/12/2024');
  });
  it('builds the letter with the nominees by award and the leader signing on behalf of the block', () => {
    const m = letterDocument({ blockName: 'Khối thi đua số 4', blockCode: 'KTĐ4', year: 2024, number: '05/TTr-KTĐ4', date: '2024-12-25', recipient: 'Hội đồng TĐKT', paragraphs: ['A', ' '], closing: 'B', signerName: 'Trịnh Văn Khải – Phó Bí thư', nominees, enclosures: ['Biên bản'], draft: false });
    expect(m).toMatchObject({ type: 'Tờ trình', number: '05/TTr-KTĐ4', date: '2024-12-25', signatures: [{ prefix: 'TM.', authority: 'Khối thi đua số 4', position: 'Khối trưởng', name: 'Trịnh Văn Khải' }] });
    expect(m.blocks.filter((b) => b.kind === 'heading').map((b) => (b as { text: string }).text)).toEqual(['1. Cờ thi đua của UBND Thành phố: 01 tập thể', '2. Bằng khen của Chủ tịch UBND Thành phố: 01 tập thể']);
    expect(m.blocks.filter((b) => b.kind === 'paragraph')).toHaveLength(5); // Kính gửi, A, B, "Hồ sơ kèm theo", kính trình
  });
  it('lays out the nominee list with the columns of the regulation', () => {
    const m = nomineeListDocument({ blockName: 'Khối thi đua số 4', year: 2024, letterNumber: '05/TTr-KTĐ4', letterDate: null, signerName: 'X', nominees, draft: true });
    const table = m.blocks.find((b) => b.kind === 'table') as { columns: { header: string }[]; rows: unknown[][] };
    expect(table.columns.map((c) => c.header)).toEqual(['STT', 'Tên đơn vị', 'Hình thức khen thưởng', 'Số phiếu', 'Tỷ lệ', 'Xếp hạng', 'Ghi chú']);
    expect(table.rows[1]).toEqual([{ text: '2', align: 'center' }, 'Đảng ủy Khối Doanh nghiệp Thành phố', 'Bằng khen của Chủ tịch UBND Thành phố', { text: '4', align: 'center' }, { text: '80%', align: 'center' }, { text: '2', align: 'center' }, '']);
  });
  it('signs the decision list for the chair, or for a deputy chair with KT.', () => {
    const base = { decisionNumber: '512/QĐ-UBND', decisionDate: '2025-03-20', year: 2024, blockName: 'Khối thi đua số 4', lines: [{ unitName: 'A', awardName: 'Cờ', note: '' }] };
    expect(decisionListDocument({ ...base, signer: 'Trần Sỹ Thanh' }).signatures).toEqual([{ prefix: 'TM.', authority: 'Ủy ban nhân dân', position: 'Chủ tịch', name: 'Trần Sỹ Thanh' }]);
    expect(decisionListDocument({ ...base, signer: 'Hà Minh Hải – Phó Chủ tịch' }).signatures).toEqual([{ prefix: 'KT.', authority: 'Chủ tịch', position: 'Phó Chủ tịch', name: 'Hà Minh Hải' }]);
    expect(signerPosition('A - Chủ tịch UBND')).toBe('Chủ tịch UBND');
  });
  it('writes percentages the Vietnamese way', () => {
    expect(percentText(66.666)).toBe('66,67%');
    expect(percentText(100)).toBe('100%');
  });
});
