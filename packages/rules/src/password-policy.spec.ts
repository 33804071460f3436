import fc from 'fast-check';
import { PASSWORD_MIN_LENGTH, passwordProblem } from './password-policy';
import { generatePassword } from './password-generator';

describe('password policy', () => {
  it('accepts long, uncommon passwords (the demo one and those the tests use included)', () => {
    for (const p of ['ThiDua@2024', 'MatKhau2025', 'MoiMatKhau2025', 'một câu dài dễ nhớ', 'correct horse battery']) expect(passwordProblem(p)).toBeNull();
  });

  it('refuses short, common, trivial and unchanged passwords with a Vietnamese reason', () => {
    expect(passwordProblem('password1')).toBe('phải có ít nhất 10 ký tự');
    for (const p of ['password123', 'Password123', 'MATKHAU123', '1234567890', '0987654321', 'aaaaaaaaaaaa', 'qwertyuiop', 'abcdefghijk']) {
      expect(passwordProblem(p)).toMatch(/quá dễ đoán/);
    }
    expect(passwordProblem('x'.repeat(129) + '1')).toMatch(/không được dài quá/);
    expect(passwordProblem('ThiDua@2024', { current: 'ThiDua@2024' })).toBe('không được trùng mật khẩu hiện tại');
    expect(passwordProblem('ThiDua@2025', { current: 'ThiDua@2024' })).toBeNull();
  });

  it('counts characters, not UTF-16 units, and never throws', () => {
    expect(passwordProblem('😀'.repeat(PASSWORD_MIN_LENGTH - 1))).toBe('phải có ít nhất 10 ký tự');
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (p) => {
      const r = passwordProblem(p);
      return r === null ? [...p].length >= PASSWORD_MIN_LENGTH : typeof r === 'string';
    }));
  });
});

describe('generated passwords', () => {
  it('have the length asked, letters and digits without look-alikes, and pass the policy', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 40 }), (length) => {
        const p = generatePassword(length);
        expect(p).toMatch(new RegExp(`^[a-km-zA-HJ-NP-Z2-9]{${length}}$`));
        expect(p).toMatch(/[0-9]/);
        expect(p).toMatch(/[a-zA-Z]/);
        expect(passwordProblem(p)).toBeNull();
      }),
      { numRuns: 200 },
    );
    expect(generatePassword()).toHaveLength(14);
  });
});
