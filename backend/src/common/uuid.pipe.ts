import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { AppError } from './app-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Path ids must be uuids: a malformed one is a 400 naming the parameter, not a database error. */
@Injectable()
export class UuidPipe implements PipeTransform<string, string> {
  transform(value: string, meta: ArgumentMetadata): string {
    const name = meta.data ?? 'id';
    if (!UUID.test(value)) throw new AppError(400, 'validation_failed', `Dữ liệu không hợp lệ: ${name} không phải mã định danh hợp lệ.`, { [name]: 'không phải mã định danh hợp lệ' });
    return value;
  }
}
