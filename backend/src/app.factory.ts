import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { AppModule } from './app.module';
import { ErrorFilter } from './common/error.filter';
import { InputSafetyPipe } from './common/input-safety.pipe';
import { requestContext } from './common/request-context';
import { createValidationPipe } from './common/validation';
import { AppConfig } from './config/config';
import { isNewsPublicPath, NEWS_PUBLIC_ROUTES } from './modules/news/news-pages.controller';

/** Builds the app exactly as production runs it; tests use the same function. */
export async function createApp(config: AppConfig, opts: { logger?: boolean } = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: opts.logger === false ? false : config.nodeEnv === 'production' ? ['error', 'warn'] : ['error', 'warn', 'log'],
    bodyParser: true,
    abortOnError: false,
  });
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  // JSON up to 2 MB, UTF-8 only (body-parser answers other charsets 415, bad gzip/deflate 400, more than
  // the limit 413; the error filter gives those the usual shape). Forms are registered here too so that
  // the request context below runs after every parser.
  app.use(utf8JsonOnly);
  app.useBodyParser('json', { limit: '2mb' });
  app.useBodyParser('urlencoded', { limit: '100kb', extended: false, parameterLimit: 200 });
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          frameAncestors: ["'none'"],
          objectSrc: ["'none'"],
          upgradeInsecureRequests: config.cookieSecure ? [] : null,
        },
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use(cookieParser());
  app.use(requestContext);
  app.setGlobalPrefix('api', { exclude: NEWS_PUBLIC_ROUTES });
  app.useGlobalPipes(new InputSafetyPipe(), createValidationPipe());
  app.useGlobalFilters(new ErrorFilter());
  SwaggerModule.setup('api/docs', app, () => buildOpenApi(app), { jsonDocumentUrl: 'api/docs-json' });
  if (config.staticDir && existsSync(path.join(config.staticDir, 'index.html'))) serveFrontend(app, config.staticDir);
  return app;
}

/** body-parser also decodes UTF-16 JSON; the API speaks UTF-8 only (RFC 8259), anything else is 415. */
function utf8JsonOnly(req: Request, _res: Response, next: NextFunction): void {
  const type = req.headers['content-type'] ?? '';
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(type)?.[1]?.toLowerCase();
  if (charset && charset !== 'utf-8' && charset !== 'utf8' && /^application\/([\w.+-]*\+)?json\b/i.test(type)) {
    return next(Object.assign(new Error(`unsupported charset ${charset}`), { status: 415, type: 'charset.unsupported' }));
  }
  next();
}

export function buildOpenApi(app: INestApplication): OpenAPIObject {
  const doc = new DocumentBuilder()
    .setTitle('Thi đua – Khen thưởng API')
    .setDescription('API của hệ thống quản lý thi đua, khen thưởng cho các khối, cụm thi đua.')
    .setVersion('0.1.0')
    .addCookieAuth('thidua_sid')
    .build();
  return SwaggerModule.createDocument(app, doc);
}

/** The built SPA: hashed assets cached for a year, index.html for every non-API path. */
function serveFrontend(app: NestExpressApplication, dir: string): void {
  app.useStaticAssets(dir, {
    index: false,
    setHeaders: (res, file) => res.setHeader('Cache-Control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache'),
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || req.path.startsWith('/api') || isNewsPublicPath(req.path)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    // Relative to `root`: only that part is checked for dot-folders, so STATIC_DIR may lie under one (~/.local/...).
    res.sendFile('index.html', { root: dir });
  });
}
