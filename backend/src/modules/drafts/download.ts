import { StreamableFile } from '@nestjs/common';
import type { Response } from 'express';

/** Sends a generated file with an ASCII fallback name and the UTF-8 name (RFC 6266). */
export function download(res: Response, file: { buffer: Buffer; filename: string; contentType: string }): StreamableFile {
  const ascii = file.filename.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D')).replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Content-Disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`);
  res.setHeader('Cache-Control', 'no-store');
  return new StreamableFile(file.buffer);
}
