/**
 * The password rule, used by the server on every new password (creation, reset, change, ADMIN_PASSWORD)
 * and imported as is by the frontend for its hints. Pure: imports nothing.
 *
 * NIST SP 800-63B style: a minimum length (no composition rules), refused when it is a well-known
 * password, a run of one character or a straight sequence, and never the current password (the caller
 * says which one that is: `current`).
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

/** Passwords that top every leaked-password list, and their Vietnamese counterparts (compared lower-case). */
const COMMON = new Set([
  '1234567890', '12345678910', '123456789a', '123456789abc', '0123456789', '1234567890a', '1q2w3e4r5t', '1qaz2wsx3edc',
  'qwertyuiop', 'qwerty12345', 'qwerty123456', 'asdfghjkl1', 'zxcvbnm123', 'password12', 'password123', 'password1234',
  'password@123', 'password!1', 'passw0rd123', 'p@ssw0rd123', 'p@ssword123', 'iloveyou12', 'iloveyou123', 'welcome123',
  'welcome@123', 'letmein123', 'admin12345', 'admin123456', 'admin@12345', 'administrator', 'abc1234567', 'abcd123456',
  'abc@123456', 'aa12345678', 'a123456789', 'qazwsxedc123', 'football123', 'princess123', 'sunshine123', 'dragon1234',
  'monkey12345', 'baseball123', 'superman123', 'trustno1234', 'changeme123', 'whatever123', 'starwars123', 'master12345',
  'matkhau123', 'matkhau1234', 'matkhau@123', 'matkhaumoi', 'matkhaumoi1', 'matkhau12345', 'anhyeuem123', 'anhyeuem1',
  'emyeuanh123', 'yeuemnhieu', 'vietnam123', 'vietnam1234', 'vietnam@123', 'hanoi12345', 'hanoi@123456', 'thidua123',
  'thidua@123', 'thidua2024', 'thidua2025', 'khenthuong', 'khenthuong1', 'khenthuong123', 'quantri123', 'quantri@123',
  'quantrivien', 'nguoidung1', 'nguoidung123', 'taikhoan123', 'xinchao123', 'congchuc123', 'canbo12345', 'donvi12345',
]);

const SEQUENCES = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

function isTrivial(lower: string): boolean {
  if (/^(.)\1*$/u.test(lower)) return true;
  return SEQUENCES.some((s) => {
    const twice = s + s;
    const reversed = [...twice].reverse().join('');
    return twice.includes(lower) || reversed.includes(lower);
  });
}

/** The Vietnamese reason `password` is refused, or null when it is acceptable. */
export function passwordProblem(password: string, opts: { current?: string } = {}): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `phải có ít nhất ${PASSWORD_MIN_LENGTH} ký tự`;
  if (length > PASSWORD_MAX_LENGTH) return `không được dài quá ${PASSWORD_MAX_LENGTH} ký tự`;
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || isTrivial(lower)) return 'quá dễ đoán (mật khẩu phổ biến hoặc dãy ký tự liên tiếp)';
  if (opts.current !== undefined && password === opts.current) return 'không được trùng mật khẩu hiện tại';
  return null;
}
