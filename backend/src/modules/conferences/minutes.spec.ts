import { createHash } from 'node:crypto';
import { defaultRuleSet } from '@thidua/rules';
import { quorumState } from './conference-rules';
import { applyMinutesEdit, canonicalJson, ConferenceSnapshot, decisionLine, defaultDecisionText, draftMinutes, guestLine, isNamedInRole, minutesHash } from './minutes';
import { minutesDocument, signatoryName, vietnameseDateTime } from './minutes-document';

const UNITS = [
  'Đảng ủy Khối các cơ quan Thành phố Hà Nội',
  'Đảng ủy Khối Doanh nghiệp Hà Nội',
  'Ban quản lý các khu công nghiệp và chế xuất Hà Nội',
  'Trường Đào tạo cán bộ Lê Hồng Phong',
  'Đảng ủy Khối các trường Đại học, Cao đẳng Hà Nội',
];

function launch(over: Partial<ConferenceSnapshot> = {}): ConferenceSnapshot {
  return {
    title: 'Hội nghị triển khai kế hoạch thi đua, khen thưởng và ký kết giao ước thi đua năm 2024',
    startsAt: new Date('2024-04-26T01:00:00Z'),
    endsAt: new Date('2024-04-26T04:00:00Z'),
    openedAt: new Date('2024-04-26T01:05:00Z'),
    closedAt: new Date('2024-04-26T03:30:00Z'),
    place: 'Hội trường Đảng ủy Khối các cơ quan Thành phố',
    chair: { unitName: UNITS[0], personName: 'Trịnh Văn Khải – Phó Bí thư Thường trực', seat: 'leader' },
    coChair: { unitName: UNITS[1], personName: 'Ngô Văn Bình – Phó Bí thư', seat: 'deputy' },
    secretaryName: 'Phạm Quang Huy – Chuyên viên thi đua',
    guests: [{ name: 'Nguyễn Thị Minh Ngọc', title: 'Phó Trưởng Ban Thi đua – Khen thưởng Thành phố', organization: 'Ban Thi đua – Khen thưởng Thành phố' }],
    attendees: UNITS.map((unitName, i) => ({
      unitName, seat: i === 0 ? 'leader' : i === 1 ? 'deputy' : null, presence: i < 4 ? 'present' : 'excused',
      delegateName: i === 2 ? '' : `Đại biểu ${i + 1}`, rsvpDelegate: i === 2 ? 'Đặng Quốc Việt – Trưởng ban' : '',
    })),
    quorum: quorumState(4, 5, defaultRuleSet()),
    agenda: [
      {
        title: 'Khối trưởng báo cáo dự thảo Kế hoạch hoạt động của Khối năm 2024', presenter: 'Đồng chí Khối trưởng', notes: 'Kế hoạch xác định rõ chủ đề.\nCác đơn vị nhất trí.',
        materialTitle: 'Kế hoạch hoạt động năm 2024 (phiên bản 2)',
        decisions: [{ kind: 'adopt_plan', text: 'Hội nghị thống nhất thông qua Kế hoạch hoạt động năm 2024.', presentCount: 4, memberCount: 5 }],
      },
      {
        title: 'Phát biểu kết luận', presenter: 'Đồng chí Khối trưởng', notes: '', materialTitle: null,
        decisions: [{ kind: 'conclusion', text: 'Các đơn vị cần căn cứ vào Kế hoạch hoạt động của Khối.', presentCount: 4, memberCount: 5 }],
      },
    ],
    conclusion: '',
    ...over,
  };
}

describe('drafting the minutes', () => {
  it('takes time, place, chairs, secretary, attendees, agenda with decisions and end time from the conference', () => {
    const m = draftMinutes(launch());
    expect(m.startedAt).toBe('2024-04-26T01:05:00.000Z');
    expect(m.endedAt).toBe('2024-04-26T03:30:00.000Z');
    expect(m.place).toBe('Hội trường Đảng ủy Khối các cơ quan Thành phố');
    expect(m.chair).toEqual({ person: 'Trịnh Văn Khải – Phó Bí thư Thường trực', unit: UNITS[0], seat: 'leader' });
    expect(m.coChair).toMatchObject({ unit: UNITS[1], seat: 'deputy' });
    expect(m.secretary).toBe('Phạm Quang Huy – Chuyên viên thi đua');
    expect(m.guests).toEqual(['Đồng chí Nguyễn Thị Minh Ngọc – Phó Trưởng Ban Thi đua – Khen thưởng Thành phố']);
    expect(m.attendees).toHaveLength(5);
    // A unit checked in without a name falls back to the delegate it registered.
    expect(m.attendees[2]).toEqual({ unitName: UNITS[2], seat: null, presence: 'present', delegate: 'Đặng Quốc Việt – Trưởng ban' });
    expect(m.attendees[4]).toMatchObject({ presence: 'excused', delegate: '' }); // who was to come did not: no delegate
    expect(m.quorum).toMatchObject({ members: 5, present: 4, needed: 4, met: true });
    expect(m.agenda[0]).toEqual({
      title: 'Khối trưởng báo cáo dự thảo Kế hoạch hoạt động của Khối năm 2024', presenter: 'Đồng chí Khối trưởng',
      material: 'Kế hoạch hoạt động năm 2024 (phiên bản 2)', discussion: 'Kế hoạch xác định rõ chủ đề.\nCác đơn vị nhất trí.',
      decisions: ['Hội nghị thống nhất thông qua Kế hoạch hoạt động năm 2024. (Có 4/5 đơn vị thành viên có mặt khi biểu quyết.)'],
    });
    expect(m.agenda[1].decisions).toEqual(['Kết luận: Các đơn vị cần căn cứ vào Kế hoạch hoạt động của Khối.']);
  });

  it('uses the planned times when the session times are missing', () => {
    const m = draftMinutes(launch({ openedAt: null, closedAt: null, endsAt: null, coChair: null }));
    expect(m.startedAt).toBe('2024-04-26T01:00:00.000Z');
    expect(m.endedAt).toBeNull();
    expect(m.coChair).toBeNull();
  });

  it('writes default decision texts and guest lines', () => {
    expect(defaultDecisionText('adopt_rules', null)).toBe('Hội nghị thống nhất thông qua Quy chế hoạt động và bình xét thi đua của Khối.');
    expect(defaultDecisionText('open_signing', 'Giao ước thi đua năm 2024')).toBe('Hội nghị thống nhất nội dung và tiến hành ký kết Giao ước thi đua năm 2024.');
    expect(decisionLine({ kind: 'adopt_rules', text: 'Thông qua Quy chế', presentCount: 5, memberCount: 5 })).toBe('Thông qua Quy chế. (Có 5/5 đơn vị thành viên có mặt khi biểu quyết.)');
    expect(guestLine({ name: 'A', title: 'Chuyên viên', organization: 'Ban TĐKT' })).toBe('Đồng chí A – Chuyên viên, Ban TĐKT');
    expect(guestLine({ name: 'A', title: '', organization: '' })).toBe('Đồng chí A');
  });
});

describe('editing the minutes', () => {
  it('keeps the drafted member count and threshold; the present count follows the attendees', () => {
    const m = draftMinutes(launch());
    const { quorum: _q, ...rest } = m;
    const edited = applyMinutesEdit(m, { ...rest, attendees: rest.attendees.map((a, i) => (i === 3 ? { ...a, presence: 'absent' as const } : a)) });
    expect(edited.quorum).toMatchObject({ members: 5, present: 3, needed: 4, met: false });
    expect(edited.attendees[3].presence).toBe('absent');
  });
});

describe('hashing', () => {
  it('is stable regardless of key order and equals SHA-256 of the canonical JSON', () => {
    expect(canonicalJson({ b: 1, a: [{ d: null, c: 'x' }], e: undefined })).toBe('{"a":[{"c":"x","d":null}],"b":1}');
    const m = draftMinutes(launch());
    const shuffled = JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(m).reverse())));
    expect(minutesHash(shuffled)).toBe(minutesHash(m));
    expect(minutesHash(m)).toBe(createHash('sha256').update(canonicalJson(m)).digest('hex'));
    expect(minutesHash({ ...m, place: 'Khác' })).not.toBe(minutesHash(m));
  });
});

describe('the minutes document (BB)', () => {
  it('prints times in Vietnam’s time', () => {
    expect(vietnameseDateTime('2024-04-26T01:05:00Z')).toBe('08 giờ 05 phút, ngày 26 tháng 4 năm 2024');
    expect(vietnameseDateTime('2024-02-03T17:30:00Z')).toBe('00 giờ 30 phút, ngày 04 tháng 02 năm 2024');
    expect(signatoryName('Trịnh Văn Khải – Phó Bí thư Thường trực')).toBe('Trịnh Văn Khải');
    expect(signatoryName('Phạm Quang Huy, Chuyên viên')).toBe('Phạm Quang Huy');
  });

  it('lays out a BB with the number, date line, sections, attendee table, signatures and the hash', () => {
    const doc = minutesDocument(draftMinutes(launch()), { blockName: 'Khối thi đua số 4', number: '01/BB-KTĐ4', issuePlace: 'Hà Nội', status: 'approved', contentHash: 'ab'.repeat(32) });
    expect(doc).toMatchObject({ agency: { name: 'Khối thi đua số 4' }, number: '01/BB-KTĐ4', place: 'Hà Nội', type: 'Biên bản' });
    expect(doc.date).toEqual(new Date('2024-04-26T01:05:00Z'));
    const text = JSON.stringify(doc.blocks);
    for (const s of ['I. THỜI GIAN, ĐỊA ĐIỂM', 'bắt đầu lúc 08 giờ 05 phút, ngày 26 tháng 4 năm 2024', 'II. THÀNH PHẦN THAM DỰ', 'III. NỘI DUNG HỘI NGHỊ',
      'Hội trường Đảng ủy Khối các cơ quan Thành phố', 'Trường Đào tạo cán bộ Lê Hồng Phong', 'Vắng có lý do', 'Khối trưởng', 'có mặt 4/5 đơn vị',
      'Hội nghị kết thúc lúc 10 giờ 30 phút cùng ngày', 'Kết luận: Các đơn vị cần căn cứ']) {
      expect(text).toContain(s);
    }
    expect(text).not.toContain('IV. KẾT LUẬN');
    expect(doc.signatures).toEqual([{ position: 'Thư ký', name: 'Phạm Quang Huy' }, { position: 'Chủ trì hội nghị', name: 'Trịnh Văn Khải' }]);
    expect(doc.footer).toContain('ab'.repeat(32));
  });

  it('marks a draft and prints a separate conclusion when there is one', () => {
    const doc = minutesDocument(draftMinutes(launch({ conclusion: 'Hội nghị thành công tốt đẹp.' })), { blockName: 'Khối thi đua số 4', number: '01/BB-KTĐ4', issuePlace: 'Hà Nội', status: 'draft', contentHash: null });
    expect(JSON.stringify(doc.blocks)).toContain('IV. KẾT LUẬN CỦA HỘI NGHỊ');
    expect(doc.footer).toMatch(/DỰ THẢO/);
  });
});

describe('who may approve the minutes', () => {
  const m = draftMinutes(launch());
  it('only the person named in the role (name under the signature; the chair also of the chair unit)', () => {
    expect(isNamedInRole(m, 'chair', { fullName: 'Trịnh Văn Khải', unitName: UNITS[0] })).toBe(true);
    expect(isNamedInRole(m, 'chair', { fullName: ' trịnh  văn khải ', unitName: UNITS[0] })).toBe(true);
    expect(isNamedInRole(m, 'chair', { fullName: 'Trịnh Văn Khải', unitName: UNITS[1] })).toBe(false);
    expect(isNamedInRole(m, 'chair', { fullName: 'Phạm Quang Huy', unitName: UNITS[0] })).toBe(false);
    expect(isNamedInRole(m, 'secretary', { fullName: 'Phạm Quang Huy', unitName: UNITS[0] })).toBe(true);
    expect(isNamedInRole(m, 'secretary', { fullName: 'Trịnh Văn Khải', unitName: UNITS[0] })).toBe(false);
    expect(isNamedInRole({ ...m, secretary: '' }, 'secretary', { fullName: '', unitName: null })).toBe(false);
  });
  it('an edit sent back with the quorum it was read with is accepted; the quorum is recomputed', () => {
    const edited = applyMinutesEdit(m, { ...m, quorum: { ...m.quorum, present: 99 } } as never);
    expect(edited.quorum.present).toBe(4);
  });
});
