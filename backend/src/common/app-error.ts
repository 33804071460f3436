import type { ErrorCode } from './error-codes';

/** One error shape for the whole API: `{ statusCode, code, message, fields? }`, message in Vietnamese. */
export interface ErrorBody {
  statusCode: number;
  code: ErrorCode;
  message: string;
  fields?: Record<string, string>;
}

export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }

  toBody(): ErrorBody {
    return { statusCode: this.statusCode, code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) };
  }
}

export const badRequest = (code: ErrorCode, message: string, fields?: Record<string, string>) =>
  new AppError(400, code, message, fields);
/** A 400 for one field: the message names it. */
export const invalidField = (field: string, reason: string, code: ErrorCode = 'validation_failed') =>
  new AppError(400, code, `Dữ liệu không hợp lệ: ${field} ${reason}.`, { [field]: reason });
export const unauthorized = (code: ErrorCode = 'unauthenticated', message = 'Vui lòng đăng nhập.') => new AppError(401, code, message);
export const forbidden = (message = 'Bạn không có quyền thực hiện thao tác này.', code: ErrorCode = 'forbidden') =>
  new AppError(403, code, message);
export const notFound = (message: string, code: ErrorCode = 'not_found') => new AppError(404, code, message);
export const conflict = (code: ErrorCode, message: string, fields?: Record<string, string>) => new AppError(409, code, message, fields);

/** A 429 asking the client to wait; the error filter sends the wait as `Retry-After`. */
export class RetryLaterError extends AppError {
  constructor(readonly retryAfterSeconds: number, code: ErrorCode, message: string) {
    super(429, code, message);
  }
}
