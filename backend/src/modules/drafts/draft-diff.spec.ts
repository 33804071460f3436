import fc from 'fast-check';
import { defaultRuleSet } from '@thidua/rules';
import { emptyPlan } from './draft-content';
import { bodyLines, diffLines, diffSections, draftDiff } from './draft-diff';

describe('diffLines', () => {
  it('shows equal lines side by side', () => {
    expect(diffLines(['a', 'b'], ['a', 'b'])).toEqual([
      { kind: 'same', left: 'a', right: 'a', leftNo: 1, rightNo: 1 },
      { kind: 'same', left: 'b', right: 'b', leftNo: 2, rightNo: 2 },
    ]);
  });

  it('pairs a removed line with the added line that replaces it', () => {
    expect(diffLines(['Mục đích', 'Tổ chức hội nghị tháng 3', 'Kết thúc'], ['Mục đích', 'Tổ chức hội nghị tháng 4', 'Kết thúc'])).toEqual([
      { kind: 'same', left: 'Mục đích', right: 'Mục đích', leftNo: 1, rightNo: 1 },
      { kind: 'changed', left: 'Tổ chức hội nghị tháng 3', right: 'Tổ chức hội nghị tháng 4', leftNo: 2, rightNo: 2 },
      { kind: 'same', left: 'Kết thúc', right: 'Kết thúc', leftNo: 3, rightNo: 3 },
    ]);
  });

  it('reports pure additions and removals', () => {
    expect(diffLines([], ['x'])).toEqual([{ kind: 'added', left: null, right: 'x', leftNo: null, rightNo: 1 }]);
    expect(diffLines(['x'], [])).toEqual([{ kind: 'removed', left: 'x', right: null, leftNo: 1, rightNo: null }]);
    expect(diffLines(['a', 'b', 'c'], ['a', 'c'])).toEqual([
      { kind: 'same', left: 'a', right: 'a', leftNo: 1, rightNo: 1 },
      { kind: 'removed', left: 'b', right: null, leftNo: 2, rightNo: null },
      { kind: 'same', left: 'c', right: 'c', leftNo: 3, rightNo: 2 },
    ]);
  });

  it('more removed than added lines: the extra ones are removals', () => {
    const rows = diffLines(['a', 'x', 'y', 'z'], ['a', 'w']);
    expect(rows.map((r) => r.kind)).toEqual(['same', 'changed', 'removed', 'removed']);
  });

  it('always reproduces both sides in order and keeps the common lines (property)', () => {
    const line = fc.constantFrom('a', 'b', 'c', 'd', 'Điều 1.', 'Điều 2.', '');
    fc.assert(fc.property(fc.array(line, { maxLength: 25 }), fc.array(line, { maxLength: 25 }), (left, right) => {
      const rows = diffLines(left, right);
      expect(rows.filter((r) => r.left !== null).map((r) => r.left)).toEqual(left);
      expect(rows.filter((r) => r.right !== null).map((r) => r.right)).toEqual(right);
      expect(rows.filter((r) => r.leftNo !== null).map((r) => r.leftNo)).toEqual(left.map((_, i) => i + 1));
      for (const r of rows) {
        if (r.kind === 'same') expect(r.left).toBe(r.right);
        if (r.kind === 'changed') expect(r.left).not.toBe(r.right);
      }
      if (JSON.stringify(left) === JSON.stringify(right)) expect(rows.every((r) => r.kind === 'same')).toBe(true);
    }));
  });

  it('finds a longest common subsequence (number of same rows is optimal on small inputs)', () => {
    const lcs = (a: string[], b: string[]): number => (a.length === 0 || b.length === 0 ? 0 : a[0] === b[0] ? 1 + lcs(a.slice(1), b.slice(1)) : Math.max(lcs(a.slice(1), b), lcs(a, b.slice(1))));
    const line = fc.constantFrom('a', 'b', 'c');
    fc.assert(fc.property(fc.array(line, { maxLength: 7 }), fc.array(line, { maxLength: 7 }), (left, right) => {
      expect(diffLines(left, right).filter((r) => r.kind === 'same')).toHaveLength(lcs(left, right));
    }));
  });
});

describe('diffSections', () => {
  const sec = (key: string, heading: string, body: string) => ({ key, heading, lines: bodyLines(body) });

  it('matches sections by key, marks added, removed, changed and unchanged ones, keeping the order', () => {
    const left = [sec('a', 'I. MỤC ĐÍCH', 'x'), sec('b', 'II. CHỦ ĐỀ', 'y'), sec('c', 'III. NỘI DUNG', 'z')];
    const right = [sec('a', 'I. MỤC ĐÍCH, YÊU CẦU', 'x'), sec('c', 'III. NỘI DUNG', 'z\nthêm'), sec('d', 'IV. HOẠT ĐỘNG', '')];
    const d = diffSections(left, right);
    expect(d.sections.map((s) => [s.key, s.status])).toEqual([['a', 'changed'], ['b', 'removed'], ['c', 'changed'], ['d', 'added']]);
    expect(d.summary).toEqual({ added: 1, removed: 1, changed: 2, unchanged: 0 });
    expect(d.sections[0]).toMatchObject({ leftHeading: 'I. MỤC ĐÍCH', rightHeading: 'I. MỤC ĐÍCH, YÊU CẦU' });
    expect(d.sections[1]).toMatchObject({ rightHeading: null, rows: [{ kind: 'removed', left: 'y' }] });
  });

  it('puts a section removed at the start before the first right section', () => {
    const d = diffSections([sec('z', 'Z', ''), sec('a', 'A', '')], [sec('a', 'A', '')]);
    expect(d.sections.map((s) => s.key)).toEqual(['z', 'a']);
    expect(d.summary).toEqual({ added: 0, removed: 1, changed: 0, unchanged: 1 });
  });

  it('splits bodies on CRLF and treats an empty body as no lines', () => {
    expect(bodyLines('')).toEqual([]);
    expect(bodyLines('a\r\nb\rc')).toEqual(['a', 'b', 'c']);
  });
});

describe('draftDiff', () => {
  it('compares the plan data and the rule set as pseudo-sections', () => {
    const names = (id: string | null) => (id === 'u1' ? 'Đảng ủy Khối' : '');
    const p1 = { ...emptyPlan(), theme: 'Đoàn kết', activities: [{ key: 'hd1', title: 'Hội nghị', startDate: '2024-04-26', endDate: '2024-04-26', ownerUnitId: 'u1', notes: '' }] };
    const p2 = { ...p1, activities: [{ ...p1.activities[0], startDate: '2024-04-25', endDate: '2024-04-26' }] };
    const v = (plan: typeof p1) => ({ title: 'KH', sections: [], plan, ruleSet: null });
    const d = draftDiff(v(p1), v(p2), names);
    const acts = d.sections.find((s) => s.key === '@plan.activities')!;
    expect(acts.status).toBe('changed');
    expect(acts.rows).toEqual([{ kind: 'changed', left: 'Hội nghị | 26/04/2024 | Đảng ủy Khối', right: 'Hội nghị | 25/04 – 26/04/2024 | Đảng ủy Khối', leftNo: 1, rightNo: 1 }]);
    expect(d.sections.find((s) => s.key === '@plan.theme')!.status).toBe('unchanged');

    const r1 = defaultRuleSet();
    const r2 = { ...r1, quorumNumerator: 3, quorumDenominator: 4 };
    const rules = draftDiff({ title: 'QC', sections: [], plan: null, ruleSet: r1 }, { title: 'QC', sections: [], plan: null, ruleSet: r2 }, names);
    const rs = rules.sections.find((s) => s.key === '@rules.ruleSet')!;
    expect(rs.rows.filter((r) => r.kind === 'changed')).toEqual([expect.objectContaining({ left: expect.stringContaining('2/3'), right: expect.stringContaining('3/4') })]);
  });
});
