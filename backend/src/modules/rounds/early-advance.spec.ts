import fc from 'fast-check';
import { CONFIRMATION_WORD, confirmationProblem, earlyAdvanceHits, UnitSheet } from './early-advance';

const units: UnitSheet[] = [
  { unitId: 'a', unitName: 'Đơn vị A', status: 'submitted', filled: 12, required: 12 },
  { unitId: 'b', unitName: 'Đơn vị B', status: 'draft', filled: 0, required: 12 },
  { unitId: 'c', unitName: 'Đơn vị C', status: 'awaiting_confirmation', filled: 12, required: 12 },
  { unitId: 'd', unitName: 'Đơn vị D', status: 'returned', filled: 9, required: 12 },
];

describe('earlyAdvanceHits', () => {
  it('names every unit that has not submitted and what happens to it', () => {
    const hits = earlyAdvanceHits('self_assessment', units);
    expect(hits.map((h) => h.unitId)).toEqual(['b', 'c', 'd']);
    expect(hits[0].consequence).toBe('Bản tự chấm chưa nộp sẽ bị khóa ở bản đang soạn (đã nhập 0/12 tiêu chí)');
    expect(hits[1].consequence).toContain('chờ thủ trưởng xác nhận');
    expect(hits[2].consequence).toContain('bị trả lại');
  });

  it('hits nobody after self-assessment', () => {
    for (const p of ['review', 'explanation', 'final_review'] as const) expect(earlyAdvanceHits(p, units)).toEqual([]);
  });
});

describe('confirmationProblem', () => {
  const hits = earlyAdvanceHits('self_assessment', units);
  it('needs no confirmation when nobody is hit', () => expect(confirmationProblem([], undefined)).toBeNull());
  it('refuses without the typed word and lists the units', () => {
    const msg = confirmationProblem(hits, undefined)!;
    expect(msg).toContain('3 đơn vị chưa nộp: Đơn vị B (0/12 tiêu chí); Đơn vị C (12/12 tiêu chí); Đơn vị D (9/12 tiêu chí)');
    expect(msg).toContain(CONFIRMATION_WORD);
  });
  it('accepts the word in any case and with spaces around it', () => {
    expect(confirmationProblem(hits, ' xác nhận ')).toBeNull();
    expect(confirmationProblem(hits, CONFIRMATION_WORD)).toBeNull();
  });
  it('refuses anything else', () => {
    fc.assert(fc.property(fc.string().filter((s) => s.trim().toLocaleUpperCase('vi') !== CONFIRMATION_WORD), (s) => confirmationProblem(hits, s) !== null));
  });
});
