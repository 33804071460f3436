import fc from 'fast-check';
import { defaultRuleSet } from '@thidua/rules';
import { dateRange, defaultPlanSections, draftContentHash, emptyPlan, planProblems, ruleSetLines, sectionKeyFor, withKeys } from './draft-content';
import { bodyBlocks, draftDocumentModel } from './drafts.export';

describe('draftContentHash', () => {
  const base = { kind: 'plan' as const, title: 'Hoạt động năm 2024 của Khối thi đua số 4', sections: defaultPlanSections('Khối thi đua số 4', 2024), plan: emptyPlan(), ruleSet: null };

  it('is a SHA-256 in hex, stable, and ignores section revisions and editors', () => {
    const h = draftContentHash(base);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(draftContentHash(base)).toBe(h);
    const edited = { ...base, sections: base.sections.map((s) => ({ ...s, rev: s.rev + 5, updatedByName: 'Ai đó', updatedAt: '2024-01-01T00:00:00Z' })) };
    expect(draftContentHash(edited)).toBe(h);
  });

  it('changes with any character of the content, and does not depend on key order of the plan', () => {
    const h = draftContentHash(base);
    expect(draftContentHash({ ...base, title: base.title + '.' })).not.toBe(h);
    const s2 = base.sections.map((s, i) => (i === 2 ? { ...s, body: s.body + ' ' } : s));
    expect(draftContentHash({ ...base, sections: s2 })).not.toBe(h);
    const reordered = { fieldTrips: [], commemorations: [], movements: [], activities: [], slogan: '', theme: '' };
    expect(draftContentHash({ ...base, plan: reordered })).toBe(h);
    expect(draftContentHash({ ...base, sections: [...base.sections].reverse() })).not.toBe(h);
  });

  it('distinguishes different rule sets', () => {
    const r = { kind: 'rules' as const, title: 'QC', sections: [], plan: null, ruleSet: defaultRuleSet() };
    expect(draftContentHash(r)).not.toBe(draftContentHash({ ...r, ruleSet: { ...defaultRuleSet(), voteThresholdPercent: 70 } }));
  });
});

describe('sectionKeyFor and withKeys', () => {
  it('makes ASCII keys from Vietnamese headings, unique among the taken ones', () => {
    expect(sectionKeyFor('VII. KINH PHÍ THỰC HIỆN', [])).toBe('kinh-phi-thuc-hien');
    expect(sectionKeyFor('Đối tượng áp dụng', ['doi-tuong-ap-dung'])).toBe('doi-tuong-ap-dung-2');
    expect(sectionKeyFor('!!!', [])).toBe('muc');
    fc.assert(fc.property(fc.string(), fc.array(fc.string({ maxLength: 8 })), (heading, taken) => {
      const k = sectionKeyFor(heading, taken);
      expect(k).toMatch(/^[a-z0-9-]{1,44}$/);
      expect(taken).not.toContain(k);
    }));
  });

  it('keeps given keys and fills missing ones without collisions', () => {
    expect(withKeys([{ key: 'hd2' }, { key: null }, {}], 'hd').map((x) => x.key)).toEqual(['hd2', 'hd1', 'hd3']);
  });
});

describe('planProblems', () => {
  const a = (over: object) => ({ key: 'hd1', title: 'Hội nghị', startDate: '2024-04-26', endDate: '2024-04-26', ownerUnitId: 'u1', notes: '', ...over });
  it('accepts valid activities and names each bad field', () => {
    expect(planProblems({ ...emptyPlan(), activities: [a({})] }, ['u1'], 2024)).toEqual({});
    expect(planProblems({ ...emptyPlan(), activities: [a({ endDate: '2024-04-25' }), a({ key: 'hd1', ownerUnitId: 'x' }), a({ key: 'hd3', startDate: '2030-01-01', endDate: '2030-01-02' })] }, ['u1'], 2024)).toEqual({
      'plan.activities.0.endDate': 'phải sau hoặc trùng ngày bắt đầu',
      'plan.activities.1.key': 'bị trùng',
      'plan.activities.1.ownerUnitId': 'phải là đơn vị thành viên của khối trong năm',
      'plan.activities.2.startDate': 'phải thuộc năm 2024 (hoặc sát năm)',
    });
  });
});

describe('plan and rules documents', () => {
  it('formats dates and rule sets in Vietnamese', () => {
    expect(dateRange('2024-05-07', '2024-05-07')).toBe('07/05/2024');
    expect(dateRange('2024-04-01', '2024-05-07')).toBe('01/04 – 07/05/2024');
    expect(dateRange('2024-12-20', '2025-01-05')).toBe('20/12/2024 – 05/01/2025');
    const lines = ruleSetLines(defaultRuleSet());
    expect(lines[0]).toBe('Hội nghị hợp lệ khi có ít nhất 2/3 số đơn vị thành viên tham dự.');
    expect(lines.join(' ')).toContain('tối đa 50% số đơn vị thành viên');
  });

  it('turns a body into paragraphs, sub-headings and bulleted lists', () => {
    expect(bodyBlocks('1. Mục đích\nĐẩy mạnh phong trào.\n\n- Thiết thực;\n- Hiệu quả.\nĐiều 2. Đối tượng áp dụng')).toEqual([
      { kind: 'heading', text: '1. Mục đích', level: 2 },
      { kind: 'paragraph', content: 'Đẩy mạnh phong trào.' },
      { kind: 'list', style: 'bulleted', items: ['Thiết thực;', 'Hiệu quả.'] },
      { kind: 'heading', text: 'Điều 2. Đối tượng áp dụng', level: 2 },
    ]);
  });

  it('prints the plan data after its anchor sections and marks drafts', () => {
    const plan = { ...emptyPlan(), theme: 'Đoàn kết', activities: [{ key: 'hd1', title: 'Hội nghị ký giao ước', startDate: '2024-04-26', endDate: '2024-04-26', ownerUnitId: 'u1', notes: '' }] };
    const model = draftDocumentModel({
      kind: 'plan', docNumber: '01/KH-KTĐ4', title: 'Hoạt động năm 2024 của Khối thi đua số 4', number: 2, status: 'circulated', adoptedAt: null, contentHash: 'f'.repeat(64),
      sections: defaultPlanSections('Khối thi đua số 4', 2024), plan, ruleSet: null, blockName: 'Khối thi đua số 4', year: 2024,
      legalBasis: [{ number: '06/2022/QH15', date: '2022-06-15', title: 'Luật Thi đua, khen thưởng' }], unitName: () => 'Đảng ủy Khối các cơ quan TP', leaderHeadName: 'Trịnh Văn Khải',
    });
    expect(model).toMatchObject({ type: 'Kế hoạch', number: '01/KH-KTĐ4', date: null, title: 'Hoạt động năm 2024 của Khối thi đua số 4\n(Dự thảo lần 2)' });
    expect(model.blocks[0]).toEqual({ kind: 'paragraph', content: 'Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15/06/2022;' });
    const i = model.blocks.findIndex((b) => b.kind === 'heading' && b.text === 'IV. CÁC HOẠT ĐỘNG CỤ THỂ');
    expect(model.blocks.slice(i).find((b) => b.kind === 'table')).toMatchObject({ rows: [[1, 'Hội nghị ký giao ước', '26/04/2024', 'Đảng ủy Khối các cơ quan TP', '']] });
    expect(model.signatures).toEqual([{ prefix: 'TM.', authority: 'Khối thi đua số 4', position: 'Khối trưởng', name: 'Trịnh Văn Khải' }]);
  });
});
