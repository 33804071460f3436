import { ValidationPipe } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate, ValidationError, ValidatorOptions } from 'class-validator';
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
  notNullable: () => 'không được để trống (null)',
  dateRange: () => `phải là ngày trong khoảng năm ${MIN_YEAR}–${MAX_YEAR}`,
};

/** Dates a request may carry (format date / date-time in the API description). */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

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
  if ((e.value === undefined || e.value === null) && !entries.some(([n]) => n === 'whitelistValidation' || n === 'notNullable')) return 'là bắt buộc';
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

type ApiMeta = { nullable?: boolean; isArray?: boolean; format?: string };
const apiProperties = (proto: object): string[] => (Reflect.getMetadata('swagger/apiModelPropertiesArray', proto) ?? []).map((k: string) => k.replace(/^:/, ''));
const apiMeta = (proto: object, key: string): ApiMeta => Reflect.getMetadata('swagger/apiModelProperties', proto, key) ?? {};

/**
 * What class-validator's `@IsOptional()` lets through but the API description (the DTO's Swagger
 * metadata, i.e. openapi.json) forbids: an explicit null on a field not marked `nullable`, a non-list where
 * a list is described, a date (format date/date-time) outside MIN_YEAR–MAX_YEAR. Walks nested DTOs.
 */
function contractErrors(obj: object, path = '', out: ValidationError[] = [], depth = 0): ValidationError[] {
  const proto = Object.getPrototypeOf(obj);
  if (!proto || depth > 32) return out;
  const fail = (key: string, value: unknown, name: string) => {
    const e = new ValidationError();
    Object.assign(e, { property: path ? `${path}.${key}` : key, value, constraints: { [name]: name }, children: [] });
    out.push(e);
  };
  for (const key of apiProperties(proto)) {
    if (!Object.prototype.hasOwnProperty.call(obj, key)) continue;
    const value = (obj as Record<string, unknown>)[key];
    const meta = apiMeta(proto, key);
    if (value === undefined) continue;
    if (value === null) {
      if (!meta.nullable) fail(key, value, 'notNullable');
      continue;
    }
    if (meta.isArray && !Array.isArray(value)) fail(key, value, 'isArray');
    else if ((meta.format === 'date' || meta.format === 'date-time') && typeof value === 'string') {
      const year = Number(/^(\d{4})-/.exec(value)?.[1] ?? NaN);
      if (year < MIN_YEAR || year > MAX_YEAR) fail(key, value, 'dateRange');
    }
    const nested = Array.isArray(value) ? value : [value];
    nested.forEach((v, i) => {
      if (v && typeof v === 'object' && !(v instanceof Date)) contractErrors(v, `${path ? `${path}.` : ''}${key}${Array.isArray(value) ? `.${i}` : ''}`, out, depth + 1);
    });
  }
  return out;
}

/** class-validator's checks, then the API description's (`contractErrors`) for fields they did not fault. */
class AppValidationPipe extends ValidationPipe {
  protected override async validate(object: object, options?: ValidatorOptions): Promise<ValidationError[]> {
    const errors = (await super.validate(object, options)) as ValidationError[];
    const faulted = new Set(Object.keys(flatten(errors)));
    return [...errors, ...contractErrors(object).filter((e) => !faulted.has(e.property))];
  }
}

/** Whitelisting, transforming pipe whose errors are one 400 naming every bad field in Vietnamese. */
export function createValidationPipe(): ValidationPipe {
  return new AppValidationPipe({
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
