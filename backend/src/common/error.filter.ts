import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { AppError, ErrorBody } from './app-error';

const HTTP_MESSAGES: Record<number, [string, string]> = {
  400: ['bad_request', 'Yêu cầu không hợp lệ.'],
  401: ['unauthenticated', 'Vui lòng đăng nhập.'],
  403: ['forbidden', 'Bạn không có quyền thực hiện thao tác này.'],
  404: ['not_found', 'Không tìm thấy địa chỉ yêu cầu.'],
  405: ['method_not_allowed', 'Phương thức không được hỗ trợ.'],
  409: ['conflict', 'Dữ liệu đã bị thay đổi hoặc bị trùng.'],
  413: ['payload_too_large', 'Tệp hoặc dữ liệu gửi lên quá lớn.'],
  415: ['unsupported_media_type', 'Định dạng dữ liệu không được hỗ trợ.'],
  429: ['too_many_requests', 'Bạn thao tác quá nhanh, vui lòng thử lại sau.'],
};

/** Maps every error to the API's one shape; database constraint errors become 400/409, never 500. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
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
    if (e instanceof QueryFailedError) {
      const err = e.driverError as { code?: string; constraint?: string; detail?: string };
      switch (err.code) {
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
    }
    return { statusCode: 500, code: 'internal_error', message: 'Đã có lỗi hệ thống. Vui lòng thử lại hoặc liên hệ quản trị viên.' };
  }
}
