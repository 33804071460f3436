import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { AppError, ErrorBody, RetryLaterError } from './app-error';
import type { ErrorCode } from './error-codes';

const HTTP_MESSAGES: Record<number, [ErrorCode, string]> = {
  400: ['bad_request', 'Yêu cầu không hợp lệ.'],
  401: ['unauthenticated', 'Vui lòng đăng nhập.'],
  403: ['forbidden', 'Bạn không có quyền thực hiện thao tác này.'],
  404: ['not_found', 'Không tìm thấy địa chỉ yêu cầu.'],
  405: ['method_not_allowed', 'Phương thức không được hỗ trợ.'],
  409: ['conflict', 'Dữ liệu đã bị thay đổi hoặc bị trùng.'],
  413: ['payload_too_large', 'Tệp hoặc dữ liệu gửi lên quá lớn.'],
  415: ['unsupported_media_type', 'Định dạng dữ liệu không được hỗ trợ.'],
  429: ['too_many_requests', 'Bạn thao tác quá nhanh, vui lòng thử lại sau.'],
  503: ['service_unavailable', 'Hệ thống tạm thời không kết nối được cơ sở dữ liệu. Vui lòng thử lại sau ít phút.'],
};

/** Seconds a client is asked to wait (`Retry-After`) when the database is unreachable. */
export const DB_RETRY_AFTER_SECONDS = 5;

/** Errors raised by body-parser / raw-body / multer before a route runs (http-errors objects). */
const PARSER_ERRORS: Record<string, [number, ErrorCode, string]> = {
  'entity.too.large': [413, 'payload_too_large', 'Dữ liệu gửi lên quá lớn.'],
  'charset.unsupported': [415, 'unsupported_charset', 'Chỉ nhận dữ liệu JSON mã hóa UTF-8.'],
  'encoding.unsupported': [415, 'unsupported_encoding', 'Kiểu nén dữ liệu (Content-Encoding) không được hỗ trợ.'],
  'entity.parse.failed': [400, 'malformed_json', 'Dữ liệu gửi lên không phải JSON hợp lệ.'],
  'entity.verify.failed': [400, 'bad_request', 'Yêu cầu không hợp lệ.'],
  'request.aborted': [400, 'request_aborted', 'Yêu cầu bị ngắt giữa chừng.'],
  'request.size.invalid': [400, 'bad_request', 'Độ dài dữ liệu gửi lên không khớp với tiêu đề Content-Length.'],
  'parameters.too.many': [413, 'payload_too_large', 'Dữ liệu gửi lên có quá nhiều tham số.'],
};

/** A connection-level failure: the database is down or unreachable, not the request's fault. */
function isDatabaseUnavailable(e: unknown): boolean {
  const err = (e instanceof QueryFailedError ? e.driverError : e) as { code?: string; message?: string } | null;
  if (!err || typeof err !== 'object') return false;
  const code = String(err.code ?? '');
  if (/^(08|57P0[1-3]|53300)/.test(code) || ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'EAI_AGAIN'].includes(code)) return true;
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|connect ECONNREFUSED|Connection is not established/i.test(String(err.message ?? ''));
}

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

function parserError(e: unknown): ErrorBody | null {
  if (!e || typeof e !== 'object' || e instanceof HttpException) return null;
  const { type, status } = e as { type?: unknown; status?: unknown };
  if (typeof type === 'string' && PARSER_ERRORS[type]) {
    const [statusCode, code, message] = PARSER_ERRORS[type];
    return { statusCode, code, message };
  }
  // A decompression error from a bad `Content-Encoding: gzip/deflate` body (zlib codes Z_*).
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const zlib = /^Z_/.test(String((e as { code?: unknown }).code ?? ''));
    const [code, message]: [ErrorCode, string] = zlib ? ['bad_encoding', 'Dữ liệu nén (Content-Encoding) bị hỏng.'] : HTTP_MESSAGES[status] ?? ['bad_request', 'Yêu cầu không hợp lệ.'];
    return { statusCode: status, code, message };
  }
  return null;
}

/** Maps every error to the API's one shape; database constraint errors become 400/409, never 500. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode === 503) res.setHeader('Retry-After', String(DB_RETRY_AFTER_SECONDS));
    if (exception instanceof RetryLaterError) res.setHeader('Retry-After', String(exception.retryAfterSeconds));
    if (body.statusCode >= 500 && body.statusCode !== 503) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    if (res.headersSent) return;
    res.status(body.statusCode).json(body);
  }

  private toBody(e: unknown): ErrorBody {
    if (e instanceof AppError) return e.toBody();
    if (e instanceof HttpException) {
      const status = e.getStatus();
      const [code, message] = HTTP_MESSAGES[status] ?? ['http_error', 'Yêu cầu không thể xử lý.'];
      const raw = e.getResponse();
      if (status === 400 && typeof raw === 'object' && raw && 'message' in raw && /JSON/i.test(String(raw.message))) {
        return { statusCode: 400, code: 'malformed_json', message: 'Dữ liệu gửi lên không phải JSON hợp lệ.' };
      }
      return { statusCode: status, code, message };
    }
    const parser = parserError(e);
    if (parser) return parser;
    if (isDatabaseUnavailable(e)) return { statusCode: 503, code: 'database_unavailable', message: HTTP_MESSAGES[503][1] };
    if (e instanceof QueryFailedError) {
      const err = e.driverError as { code?: string; constraint?: string; detail?: string; column?: string };
      switch (err.code) {
        case '23502': {
          const field = camel(err.column ?? '');
          return { statusCode: 400, code: 'validation_failed', message: `Dữ liệu không hợp lệ: ${field || 'một trường bắt buộc'} không được để trống.`, ...(field ? { fields: { [field]: 'không được để trống' } } : {}) };
        }
        case '22001':
          return { statusCode: 400, code: 'bad_value', message: 'Dữ liệu không hợp lệ: có giá trị dài quá giới hạn.' };
        case '22003':
          return { statusCode: 400, code: 'bad_value', message: 'Dữ liệu không hợp lệ: có số vượt quá giới hạn lưu trữ.' };
        case '54000':
          return { statusCode: 400, code: 'bad_value', message: 'Dữ liệu không hợp lệ: có giá trị quá lớn để lưu.' };
        case '23505':
          return { statusCode: 409, code: 'duplicate', message: `Dữ liệu bị trùng (${err.constraint ?? 'ràng buộc duy nhất'}).` };
        case '23503':
          return { statusCode: 409, code: 'reference_conflict', message: `Dữ liệu đang được tham chiếu hoặc tham chiếu không tồn tại (${err.constraint ?? ''}).` };
        case '23514':
          return { statusCode: 400, code: 'constraint_violated', message: `Dữ liệu vi phạm ràng buộc ${err.constraint ?? ''}.` };
        case '22P02':
        case '22007':
        case '22008':
          return { statusCode: 400, code: 'bad_value', message: 'Giá trị không đúng định dạng.' };
        case '40001':
        case '40P01':
          return { statusCode: 409, code: 'concurrent_update', message: 'Dữ liệu đang được người khác cập nhật, vui lòng thử lại.' };
      }
      // Any other data exception (class 22: bad encoding, out-of-range value, …) is the request's fault.
      if (/^22/.test(err.code ?? '')) return { statusCode: 400, code: 'bad_value', message: 'Giá trị không đúng định dạng hoặc vượt giới hạn.' };
    }
    return { statusCode: 500, code: 'internal_error', message: 'Đã có lỗi hệ thống. Vui lòng thử lại hoặc liên hệ quản trị viên.' };
  }
}
