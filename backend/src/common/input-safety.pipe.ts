import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { AppError, invalidField } from './app-error';
import { findInputProblem } from './input-guard';
import { inspectZip, ZIP_LIMITS } from './zip-inspect';

type UploadedFile = { buffer: Buffer; originalname?: string; fieldname?: string };
const isFile = (v: unknown): v is UploadedFile => !!v && typeof v === 'object' && Buffer.isBuffer((v as UploadedFile).buffer);

const MB = (n: number) => Math.round(n / 1024 / 1024);

/**
 * Global, runs before the validation pipe on every body, query, route parameter and uploaded file:
 * refuses what `input-guard.ts` refuses (naming the field) and zip-based uploads that would inflate past
 * `zip-inspect.ts`'s limits, so no endpoint has to remember either.
 */
@Injectable()
export class InputSafetyPipe implements PipeTransform {
  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'custom') {
      const files = isFile(value) ? [value] : Array.isArray(value) ? value.filter(isFile) : value && typeof value === 'object' ? Object.values(value).flat().filter(isFile) : [];
      for (const f of files) await assertSafeUpload(f);
      return value;
    }
    const problem = findInputProblem(value, metadata.data ?? '');
    if (problem) throw invalidField(problem.field, problem.reason);
    return value;
  }
}

export async function assertSafeUpload(file: UploadedFile): Promise<void> {
  const verdict = await inspectZip(file.buffer);
  if (!verdict || verdict.ok) return;
  const name = (file.originalname ?? '').normalize('NFC').slice(0, 200);
  const field = file.fieldname || 'file';
  if (verdict.problem === 'unreadable') {
    throw new AppError(400, 'bad_file_type', `Tệp "${name}" là tệp nén bị hỏng hoặc được mã hóa, hệ thống không đọc được.`, { [field]: 'không đọc được' });
  }
  throw new AppError(400, 'unsafe_archive',
    `Tệp "${name}" bị từ chối: nội dung nén bên trong giải nén ra quá lớn (tối đa ${MB(ZIP_LIMITS.maxTotalBytes)} MB) hoặc có tỉ lệ nén bất thường.`,
    { [field]: 'tệp nén bất thường' });
}
