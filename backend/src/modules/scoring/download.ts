import { StreamableFile } from '@nestjs/common';
import type { Response } from 'express';

/** Sends a file with an ASCII fallback name and the UTF-8 name (RFC 6266); `inline` for viewing in the browser. */
export function sendFile(res: Response, file: { buffer: Buffer; filename: string; contentType: string }, disposition: 'attachment' | 'inline' = 'attachment'): StreamableFile {
  const ascii = file.filename.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D')).replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '');
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Content-Disposition', `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`);
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  return new StreamableFile(file.buffer);
}
