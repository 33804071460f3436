import fc from 'fast-check';
import { RuleInputError } from './common';
import { suggestNextSeats } from './rotation';

const order = ['A', 'B', 'C', 'D', 'E'];

describe('next year seats', () => {
  it('moves the deputy to the chair and the next unit in rotation to the deputy seat', () => {
    expect(suggestNextSeats({ leaderUnitId: 'A', deputyUnitId: 'B' }, order)).toEqual({ leaderUnitId: 'B', deputyUnitId: 'C', notes: [] });
    expect(suggestNextSeats({ leaderUnitId: 'D', deputyUnitId: 'E' }, order)).toEqual({ leaderUnitId: 'E', deputyUnitId: 'A', notes: [] });
  });

  it('follows an off-rotation deputy', () => {
    expect(suggestNextSeats({ leaderUnitId: 'A', deputyUnitId: 'D' }, order)).toEqual({ leaderUnitId: 'D', deputyUnitId: 'E', notes: [] });
  });

  it('skips the outgoing leader for the deputy seat when another unit exists', () => {
    expect(suggestNextSeats({ leaderUnitId: 'C', deputyUnitId: 'B' }, order)).toEqual({ leaderUnitId: 'B', deputyUnitId: 'D', notes: [] });
    expect(suggestNextSeats({ leaderUnitId: 'B', deputyUnitId: 'A' }, ['A', 'B'])).toEqual({ leaderUnitId: 'A', deputyUnitId: 'B', notes: [] });
  });

  it('puts the unit after the leader in the chair when there is no deputy', () => {
    expect(suggestNextSeats({ leaderUnitId: 'B', deputyUnitId: null }, order, { C: 'Sở Công Thương' })).toEqual({
      leaderUnitId: 'C',
      deputyUnitId: 'D',
      notes: ['Năm nay Khối chưa có Khối phó', 'Đề xuất đơn vị kế tiếp Khối trưởng năm nay theo thứ tự luân phiên (Sở Công Thương) làm Khối trưởng'],
    });
    expect(suggestNextSeats({ leaderUnitId: 'B', deputyUnitId: 'B' }, order).leaderUnitId).toBe('C');
  });

  it('handles a deputy that has left the block', () => {
    expect(suggestNextSeats({ leaderUnitId: 'A', deputyUnitId: 'B' }, ['A', 'C', 'D'], { B: 'Sở Du lịch' })).toEqual({
      leaderUnitId: 'C',
      deputyUnitId: 'D',
      notes: ['Khối phó năm nay (Sở Du lịch) không còn là đơn vị thành viên', 'Đề xuất đơn vị kế tiếp Khối trưởng năm nay theo thứ tự luân phiên (C) làm Khối trưởng'],
    });
  });

  it('handles a leader that has left the block', () => {
    expect(suggestNextSeats({ leaderUnitId: 'A', deputyUnitId: 'C' }, ['B', 'C', 'D'])).toEqual({ leaderUnitId: 'C', deputyUnitId: 'D', notes: [] });
  });

  it('starts from the head of the rotation when both seats have left or were never filled', () => {
    expect(suggestNextSeats({ leaderUnitId: 'X', deputyUnitId: 'Y' }, order)).toEqual({
      leaderUnitId: 'A',
      deputyUnitId: 'B',
      notes: ['Khối phó năm nay (Y) không còn là đơn vị thành viên', 'Đề xuất đơn vị đầu tiên theo thứ tự luân phiên (A) làm Khối trưởng'],
    });
    expect(suggestNextSeats({ leaderUnitId: null, deputyUnitId: null }, order)).toMatchObject({ leaderUnitId: 'A', deputyUnitId: 'B' });
  });

  it('suggests no deputy with a single member, and no seats without members', () => {
    expect(suggestNextSeats({ leaderUnitId: 'A', deputyUnitId: 'B' }, ['A'])).toEqual({
      leaderUnitId: 'A',
      deputyUnitId: null,
      notes: [
        'Khối phó năm nay (B) không còn là đơn vị thành viên',
        'Đề xuất đơn vị đầu tiên theo thứ tự luân phiên (A) làm Khối trưởng',
        'Khối có dưới 2 đơn vị thành viên nên không có Khối phó',
      ],
    });
    expect(suggestNextSeats({ leaderUnitId: 'A', deputyUnitId: 'B' }, ['B'])).toEqual({
      leaderUnitId: 'B',
      deputyUnitId: null,
      notes: ['Khối có dưới 2 đơn vị thành viên nên không có Khối phó'],
    });
    expect(suggestNextSeats({ leaderUnitId: 'A', deputyUnitId: 'B' }, [])).toEqual({
      leaderUnitId: null,
      deputyUnitId: null,
      notes: ['Khối chưa có đơn vị thành viên nên chưa đề xuất được Khối trưởng, Khối phó'],
    });
  });

  it('refuses a rotation listing a unit twice', () => {
    expect(() => suggestNextSeats({ leaderUnitId: 'A', deputyUnitId: 'B' }, ['A', 'B', 'A'])).toThrow(
      new RuleInputError([{ field: 'rotationOrder', message: 'Đơn vị A xuất hiện hai lần trong thứ tự luân phiên' }]),
    );
  });
});

describe('rotation properties', () => {
  const arbOrder: fc.Arbitrary<string[]> = fc.uniqueArray(fc.constantFrom<string>('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'), { maxLength: 9 });
  const arbSeat = fc.option(fc.constantFrom<string>('a', 'b', 'c', 'd', 'x', 'y'));

  it('always suggests members, two different units when there are two or more', () => {
    fc.assert(
      fc.property(arbOrder, arbSeat, arbSeat, (members, leaderUnitId, deputyUnitId) => {
        const s = suggestNextSeats({ leaderUnitId, deputyUnitId }, members);
        if (members.length === 0) {
          expect(s.leaderUnitId).toBeNull();
          expect(s.deputyUnitId).toBeNull();
          return;
        }
        expect(members).toContain(s.leaderUnitId);
        if (members.length === 1) expect(s.deputyUnitId).toBeNull();
        else {
          expect(members).toContain(s.deputyUnitId);
          expect(s.deputyUnitId).not.toBe(s.leaderUnitId);
        }
        // A sitting deputy still in the block always takes the chair.
        if (deputyUnitId !== null && deputyUnitId !== leaderUnitId && members.includes(deputyUnitId)) expect(s.leaderUnitId).toBe(deputyUnitId);
        // Both seats move on when the block is big enough.
        if (members.length >= 3) expect(s.deputyUnitId).not.toBe(leaderUnitId);
      }),
      { numRuns: 500 },
    );
  });

  it('gives every member the chair exactly once over a full rotation', () => {
    fc.assert(
      fc.property(
        arbOrder.filter((m) => m.length >= 2),
        (members) => {
          let seats = { leaderUnitId: members[0] as string | null, deputyUnitId: members[1] as string | null };
          const leaders = [seats.leaderUnitId];
          for (let year = 1; year < members.length; year++) {
            const next = suggestNextSeats(seats, members);
            expect(next.notes).toEqual([]);
            seats = next;
            leaders.push(seats.leaderUnitId);
          }
          expect(leaders).toEqual(members);
          expect(suggestNextSeats(seats, members)).toEqual({ leaderUnitId: members[0], deputyUnitId: members[1], notes: [] });
        },
      ),
    );
  });
});
