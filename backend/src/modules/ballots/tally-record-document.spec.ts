import { tallyRecordDocument, tallyRecordHash, TallyRecordData, TallyRoundData } from './tally-record-document';

const round = (over: Partial<TallyRoundData>): TallyRoundData => ({
  round: 1, mode: 'electronic', openedAt: '2024-12-27T02:00:00.000Z', closedAt: '2024-12-27T02:20:00.000Z', members: 5, present: 5, issued: 5, ballotsCast: 5,
  valid: 5, invalid: 0, quota: 1, thresholdPercent: 50, thresholdBase: 'members', base: 5, threshold: 2.5, approvalsNeeded: 3,
  candidates: [{ name: 'Đơn vị A', rank: 1, approvals: 4, percent: 80, aboveThreshold: true, elected: true }, { name: 'Đơn vị B', rank: 2, approvals: 1, percent: 20, aboveThreshold: false, elected: false }],
  revote: null, ...over,
});

const data: TallyRecordData = {
  blockName: 'Khối thi đua số 4', blockCode: 'KTĐ4', year: 2024, awardCode: 'city_flag', awardName: 'Cờ thi đua của UBND Thành phố',
  conferenceTitle: 'Hội nghị tổng kết năm 2024', place: 'Hội trường', members: 5, rounds: [round({})], elected: [{ name: 'Đơn vị A', approvals: 4, percent: 80, round: 1 }],
};

const text = (m: ReturnType<typeof tallyRecordDocument>) => JSON.stringify(m.blocks);

describe('tally record document', () => {
  it('is a draft without a number until signed', () => {
    const m = tallyRecordDocument(data, { issuePlace: 'Hà Nội', signature: null, draftNumber: '     /BB-KTĐ4' });
    expect(m).toMatchObject({ number: '     /BB-KTĐ4', type: 'Biên bản', title: 'Kiểm phiếu bầu chọn đề nghị tặng Cờ thi đua của UBND Thành phố năm 2024' });
    expect(m.footer).toContain('DỰ THẢO');
    expect(m.date).toEqual(new Date('2024-12-27T02:20:00.000Z'));
  });

  it('states the counts, the threshold, each candidate and the result; the committee signs', () => {
    const m = tallyRecordDocument(data, {
      issuePlace: 'Hà Nội', draftNumber: '', agencyParent: 'UBND Thành phố Hà Nội',
      signature: { number: '03/BB-KTĐ4', chairName: 'Nguyễn Văn An', memberNames: ['Trần Thị Bình', 'Lê Văn Cường'], signedAt: '2024-12-27T02:30:00.000Z', contentHash: 'ab' },
    });
    expect(m.number).toBe('03/BB-KTĐ4');
    const t = text(m);
    for (const s of ['Số phiếu phát ra', 'số phiếu hợp lệ: 5', 'trên 50% tổng số đơn vị thành viên', 'tức ít nhất 3 phiếu', 'Đơn vị A', '80%', 'Trúng cử', 'Nguyễn Văn An', 'Trần Thị Bình; Lê Văn Cường']) {
      expect(t).toContain(s);
    }
    expect(m.signatureTable!.columns.map((c) => [c.unit, c.name])).toEqual([['Thành viên', 'Trần Thị Bình'], ['Thành viên', 'Lê Văn Cường'], ['Trưởng ban', 'Nguyễn Văn An']]);
    expect(m.footer).toContain('SHA-256 nội dung: ab');
  });

  it('records a re-vote round and a paper count', () => {
    const two: TallyRecordData = {
      ...data,
      rounds: [
        round({ candidates: [{ name: 'Đơn vị A', rank: 1, approvals: 3, percent: 60, aboveThreshold: true, elected: false }, { name: 'Đơn vị B', rank: 2, approvals: 3, percent: 60, aboveThreshold: true, elected: false }], revote: { names: ['Đơn vị A', 'Đơn vị B'], seats: 1 } }),
        round({ round: 2, mode: 'paper', issued: 4, ballotsCast: 4, valid: 3, invalid: 1 }),
      ],
      elected: [{ name: 'Đơn vị A', approvals: 4, percent: 80, round: 2 }],
    };
    const t = text(tallyRecordDocument(two, { issuePlace: 'Hà Nội', signature: null, draftNumber: '' }));
    for (const s of ['Vòng bầu thứ nhất', 'Vòng bầu lại lần 1', 'Bầu lại', 'bầu lại giữa các đơn vị này cho 1 vị trí', 'phiếu giấy', 'Số phiếu phát ra: ', '4; số phiếu thu về: 4', '(vòng bầu lại lần 1)']) {
      expect(t).toContain(s);
    }
  });

  it('lists the receipts of an electronic round, and the signed hash covers them', () => {
    const receipts = ['0a'.repeat(32), '1b'.repeat(32)];
    const withReceipts: TallyRecordData = { ...data, rounds: [round({ receipts })] };
    const t = text(tallyRecordDocument(withReceipts, { issuePlace: 'Hà Nội', signature: null, draftNumber: '' }));
    expect(t).toContain('Biên nhận của 2 phiếu điện tử');
    for (const r of receipts) expect(t).toContain(r);
    expect(tallyRecordHash(withReceipts)).not.toBe(tallyRecordHash(data));
    expect(tallyRecordHash({ ...data, rounds: [round({ receipts: [receipts[0]] })] })).not.toBe(tallyRecordHash(withReceipts));
    // A round without receipts (paper, or counted before encryption) keeps the hash it was signed with.
    expect(text(tallyRecordDocument(data, { issuePlace: 'Hà Nội', signature: null, draftNumber: '' }))).not.toContain('Biên nhận');
  });

  it('hashes the data canonically', () => {
    expect(tallyRecordHash(data)).toMatch(/^[0-9a-f]{64}$/);
    expect(tallyRecordHash({ ...data })).toBe(tallyRecordHash(data));
    expect(tallyRecordHash({ ...data, members: 6 })).not.toBe(tallyRecordHash(data));
  });
});
