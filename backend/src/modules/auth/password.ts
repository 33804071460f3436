import { hash, verify } from '@node-rs/argon2';

/** argon2id with the library's defaults (m=19 MiB, t=2, p=1: the OWASP minimum). */
export const hashPassword = (password: string) => hash(password);
export const verifyPassword = (passwordHash: string, password: string) => verify(passwordHash, password).catch(() => false);

/** At least 8 characters with a letter and a digit; returns the Vietnamese reason or null. */
export function passwordProblem(password: string): string | null {
  if (password.length < 8) return 'phải có ít nhất 8 ký tự';
  if (password.length > 128) return 'không được dài quá 128 ký tự';
  if (!/\p{L}/u.test(password) || !/\d/.test(password)) return 'phải có cả chữ và số';
  return null;
}
