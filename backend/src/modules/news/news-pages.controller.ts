import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AppError } from '../../common/app-error';
import { Public } from '../../common/auth.decorators';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { escapeHtml } from './news-html';
import { NewsPagesService } from './news-pages.service';
import { publicBaseUrl } from './public-base-url';

/** Paths served outside the /api prefix (see app.factory.ts): the public news pages, feeds and photos. */
export const NEWS_PUBLIC_ROUTES = ['tin-tuc', 'tin-tuc/{*path}'];
export const isNewsPublicPath = (path: string) => path === '/tin-tuc' || path.startsWith('/tin-tuc/');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const pageOf = (raw: unknown) => {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : 1;
};
const queryOf = (raw: unknown) => (typeof raw === 'string' ? raw.replace(/\u0000/g, '').trim().slice(0, 200) : '');

/** Public news (no sign-in): plain HTML that works without JavaScript, Atom feeds, published photos. */
@ApiExcludeController()
@Public()
@Controller('tin-tuc')
export class NewsPagesController {
  constructor(private readonly pages: NewsPagesService, @Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** The absolute origin for this response; a page built from the Host header varies by it for shared caches. */
  private base(req: Request, res: Response): string {
    const { base, fromHost } = publicBaseUrl(this.config, { protocol: req.protocol, host: req.get('host') });
    if (fromHost) res.vary('Host');
    return base;
  }

  @Get()
  city(@Req() req: Request, @Res() res: Response, @Query('page') page: unknown, @Query('q') q: unknown): Promise<void> {
    return send(res, 'text/html', () => this.pages.cityPage(this.base(req, res), pageOf(page), queryOf(q)));
  }

  @Get('atom.xml')
  cityFeed(@Req() req: Request, @Res() res: Response): Promise<void> {
    return send(res, 'application/atom+xml', () => this.pages.cityFeed(this.base(req, res)));
  }

  @Get('khoi/:code')
  block(@Req() req: Request, @Res() res: Response, @Param('code') code: string, @Query('page') page: unknown, @Query('q') q: unknown): Promise<void> {
    return send(res, 'text/html', () => this.pages.blockPage(this.base(req, res), code.slice(0, 64), pageOf(page), queryOf(q)));
  }

  @Get('khoi/:code/atom.xml')
  blockFeed(@Req() req: Request, @Res() res: Response, @Param('code') code: string): Promise<void> {
    return send(res, 'application/atom+xml', () => this.pages.blockFeed(this.base(req, res), code.slice(0, 64)));
  }

  @Get('anh/:file')
  async photo(@Res() res: Response, @Param('file') file: string): Promise<void> {
    const id = file.replace(/\.jpg$/, '');
    if (!UUID.test(id)) return notFoundPage(res);
    try {
      const buf = await this.pages.photo(id);
      res.setHeader('Content-Type', 'image/jpeg');
      res.setHeader('Cache-Control', 'public, max-age=86400');
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.end(buf);
    } catch (e) {
      if (e instanceof AppError && e.statusCode === 404) return notFoundPage(res);
      throw e;
    }
  }

  @Get(':slug')
  article(@Req() req: Request, @Res() res: Response, @Param('slug') slug: string): Promise<void> {
    if (!/^[a-z0-9-]{1,240}$/.test(slug)) return Promise.resolve(notFoundPage(res));
    return send(res, 'text/html', () => this.pages.article(this.base(req, res), slug));
  }
}

async function send(res: Response, type: 'text/html' | 'application/atom+xml', render: () => Promise<string>): Promise<void> {
  try {
    const body = await render();
    res.setHeader('Content-Type', `${type}; charset=utf-8`);
    res.setHeader('Cache-Control', 'public, max-age=60');
    res.end(body);
  } catch (e) {
    if (e instanceof AppError && e.statusCode === 404) return notFoundPage(res, e.message);
    throw e;
  }
}

function notFoundPage(res: Response, message = 'Không tìm thấy trang.'): void {
  res.status(404).setHeader('Content-Type', 'text/html; charset=utf-8');
  res.end(`<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Không tìm thấy</title></head><body><p>${escapeHtml(message)}</p><p><a href="/tin-tuc">Về trang tin</a></p></body></html>`);
}
