import { ValidationError, ValidationPipe } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { AppError } from './app-error';

/** Vietnamese reasons for class-validator constraints, keyed by constraint name. */
const REASONS: Record<string, (c: string) => string> = {
  isNotEmpty: () => 'không được để trống',
  isDefined: () => 'là bắt buộc',
  isEmail: () => 'không đúng định dạng email',
  isString: () => 'phải là chuỗi ký tự',
  isInt: () => 'phải là số nguyên',
  isNumber: () => 'phải là số',
  isBoolean: () => 'phải là đúng/sai',
  isUuid: () => 'không phải mã định danh hợp lệ',
  isIn: () => 'có giá trị không được phép',
  isEnum: () => 'có giá trị không được phép',
  isArray: () => 'phải là danh sách',
  isDateString: () => 'phải là ngày hợp lệ (yyyy-mm-dd)',
  isISO8601: () => 'phải là ngày hợp lệ (yyyy-mm-dd)',
  min: (c) => `phải lớn hơn hoặc bằng ${num(c)}`,
  max: (c) => `phải nhỏ hơn hoặc bằng ${num(c)}`,
  minLength: (c) => `phải có ít nhất ${num(c)} ký tự`,
  maxLength: (c) => `không được dài quá ${num(c)} ký tự`,
  arrayMinSize: (c) => `phải có ít nhất ${num(c)} phần tử`,
  arrayMaxSize: (c) => `không được quá ${num(c)} phần tử`,
  arrayUnique: () => 'không được có phần tử trùng nhau',
  matches: () => 'không đúng định dạng',
  whitelistValidation: () => 'không được phép gửi lên',
  isObject: () => 'phải là một đối tượng',
  isPhoneNumber: () => 'không phải số điện thoại hợp lệ',
};

function num(message: string): string {
  return message.match(/-?\d+(\.\d+)?/)?.[0] ?? '';
}

/**
 * One reason per field. A missing value is "required" (not "too long", which every other check would
 * also report); otherwise the top-most decorator wins: DTOs list the basic check (type) first, and
 * class-validator records constraints bottom-up, so that is the last one failed.
 */
function reason(e: ValidationError): string {
  const entries = Object.entries(e.constraints!);
  if ((e.value === undefined || e.value === null) && !entries.some(([n]) => n === 'whitelistValidation')) return 'là bắt buộc';
  const [name, text] = entries[entries.length - 1];
  return text.startsWith('!') ? text.slice(1) : (REASONS[name]?.(text) ?? 'không hợp lệ');
}

function flatten(errors: ValidationError[], prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    if (e.constraints) out[path] = reason(e);
    if (e.children?.length) Object.assign(out, flatten(e.children, path));
  }
  return out;
}

/** Whitelisting, transforming pipe whose errors are one 400 naming every bad field in Vietnamese. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      const list = Object.entries(fields).map(([f, r]) => `${f} ${r}`).join('; ');
      return new AppError(400, 'validation_failed', `Dữ liệu không hợp lệ: ${list}.`, fields);
    },
  });
}

/** Validates a plain object against a DTO class outside the HTTP pipe (e.g. a spreadsheet row). */
export async function validateDto<T extends object>(cls: new () => T, plain: object): Promise<{ value: T; fields: Record<string, string> }> {
  const value = plainToInstance(cls, plain);
  const errors = await validate(value, { whitelist: true, forbidNonWhitelisted: true });
  return { value, fields: flatten(errors) };
}
