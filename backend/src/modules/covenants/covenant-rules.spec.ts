import fc from 'fast-check';
import { allSigned, covenantContentHash, decimal2, sha256Hex, signedAtLabel, signingBlocker, vnNumber } from './covenant-rules';

describe('covenantContentHash', () => {
  const content = {
    blockYearId: 'y', number: 1, amendsId: null, title: 'Năm 2024 của Khối thi đua số 4',
    goals: ['Thực hiện thắng lợi chủ đề năm'], commitments: ['Hoàn thành xuất sắc nhiệm vụ'],
    memberUnitIds: ['u3', 'u1', 'u2'], leaderUnitId: 'u1',
    targets: [
      { unitId: 'u2', indicator: 'Đảng viên mới', unitOfMeasure: 'người', targetValue: '12.00' },
      { unitId: 'u1', indicator: 'Đảng viên mới', unitOfMeasure: 'người', targetValue: '10' },
    ],
  };

  it('is the SHA-256 of the canonical content, independent of row order and number formatting', () => {
    const h = covenantContentHash(content);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(covenantContentHash({ ...content, memberUnitIds: ['u1', 'u2', 'u3'], targets: [...content.targets].reverse() })).toBe(h);
    expect(covenantContentHash({ ...content, targets: [{ ...content.targets[0], targetValue: '12' }, { ...content.targets[1], targetValue: '10.00' }] })).toBe(h);
  });

  it('changes when anything that was signed changes', () => {
    const h = covenantContentHash(content);
    const variants = [
      { ...content, title: content.title + ' ' },
      { ...content, goals: [...content.goals, 'x'] },
      { ...content, commitments: [] },
      { ...content, leaderUnitId: 'u2' },
      { ...content, memberUnitIds: ['u1', 'u2'] },
      { ...content, number: 2 },
      { ...content, amendsId: 'c0' },
      { ...content, targets: [{ ...content.targets[0], targetValue: '12.01' }, content.targets[1]] },
      { ...content, goals: [...content.goals].concat().reverse().concat([]).map((g) => g.toUpperCase()) },
    ];
    const hashes = new Set(variants.map(covenantContentHash));
    expect(hashes.size).toBe(variants.length);
    expect(hashes.has(h)).toBe(false);
  });

  it('hashes bytes as sha256sum does', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex(Buffer.from('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(decimal2(98.5)).toBe('98.50');
    expect(() => decimal2('abc')).toThrow();
  });
});

describe('signingBlocker', () => {
  const members = ['lead', 'a', 'b', 'c'];

  it('lets members sign in any order and the leader only after all of them', () => {
    expect(signingBlocker({ memberUnitIds: members, leaderUnitId: 'lead', signedUnitIds: [], unitId: 'b' })).toBeNull();
    expect(signingBlocker({ memberUnitIds: members, leaderUnitId: 'lead', signedUnitIds: ['b'], unitId: 'lead' })).toEqual({ code: 'leader_signs_last', waitingUnitIds: ['a', 'c'] });
    expect(signingBlocker({ memberUnitIds: members, leaderUnitId: 'lead', signedUnitIds: ['c', 'a', 'b'], unitId: 'lead' })).toBeNull();
    expect(signingBlocker({ memberUnitIds: members, leaderUnitId: 'lead', signedUnitIds: ['a'], unitId: 'a' })).toEqual({ code: 'already_signed' });
    expect(signingBlocker({ memberUnitIds: members, leaderUnitId: 'lead', signedUnitIds: [], unitId: 'x' })).toEqual({ code: 'not_member' });
    expect(signingBlocker({ memberUnitIds: members, leaderUnitId: null, signedUnitIds: [], unitId: 'a' })).toBeNull();
  });

  it('whatever order units try, every accepted sequence is complete with the leader last (property)', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...members, 'x'), { maxLength: 30 }), (attempts) => {
      const signed: string[] = [];
      for (const u of attempts) if (!signingBlocker({ memberUnitIds: members, leaderUnitId: 'lead', signedUnitIds: signed, unitId: u })) signed.push(u);
      expect(new Set(signed).size).toBe(signed.length);
      const li = signed.indexOf('lead');
      if (li >= 0) {
        expect(li).toBe(members.length - 1);
        expect(allSigned(members, signed)).toBe(true);
      } else {
        expect(allSigned(members, signed)).toBe(false);
      }
    }));
  });

  it('is never complete without members', () => {
    expect(allSigned([], [])).toBe(false);
  });
});

describe('formatting', () => {
  it('writes numbers the Vietnamese way', () => {
    expect(vnNumber(98.5)).toBe('98,5');
    expect(vnNumber('1234567.00')).toBe('1.234.567');
    expect(vnNumber('12.25')).toBe('12,25');
    expect(vnNumber(0)).toBe('0');
    expect(vnNumber(-1500.5)).toBe('-1.500,5');
  });

  it('labels a signature in Vietnam time', () => {
    expect(signedAtLabel(new Date('2024-04-26T02:15:00Z'))).toBe('Đã ký lúc 09:15 ngày 26/4/2024');
    expect(signedAtLabel(new Date('2024-04-25T17:05:00Z'))).toBe('Đã ký lúc 00:05 ngày 26/4/2024');
  });
});
