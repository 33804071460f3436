import { INestApplication, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { AppModule } from './app.module';
import { ErrorFilter } from './common/error.filter';
import { InputSafetyPipe } from './common/input-safety.pipe';
import { httpLogging } from './common/logging';
import { assignRequestId } from './common/request-context';
import { createValidationPipe } from './common/validation';
import { AppConfig } from './config/config';
import { ERROR_CODES } from './error-codes';
import { MetricsService } from './modules/metrics/metrics.service';
import { isNewsPublicPath, NEWS_PUBLIC_ROUTES } from './modules/news/news-pages.controller';

/** Builds the app exactly as production runs it; tests use the same function. */
export async function createApp(config: AppConfig, opts: { logger?: boolean } = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: opts.logger === false ? false : undefined,
    bufferLogs: opts.logger !== false,
    bodyParser: true,
    abortOnError: false,
  });
  // Structured JSON logs (pino): Nest's own messages too, each request's line carrying its request id.
  const logging = httpLogging(config);
  if (opts.logger !== false) app.useLogger(withoutBootChatter(logging.nest));
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  app.use(assignRequestId);
  app.use(logging.middleware);
  const metrics = app.get(MetricsService);
  app.use(metrics.observe);
  (app.getHttpAdapter().getInstance() as import('express').Express).get('/metrics', (req, res) => void metrics.handle(req, res));
  // JSON up to 2 MB, UTF-8 only (body-parser answers other charsets 415, bad gzip/deflate 400, more than
  // the limit 413; the error filter gives those the usual shape).
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
  app.use(compression({ threshold: 1024, filter: shouldCompress }));
  app.use(cookieParser());
  app.setGlobalPrefix('api', { exclude: NEWS_PUBLIC_ROUTES });
  app.useGlobalPipes(new InputSafetyPipe(), createValidationPipe());
  app.useGlobalFilters(new ErrorFilter());
  SwaggerModule.setup('api/docs', app, () => buildOpenApi(app), { jsonDocumentUrl: 'api/docs-json' });
  if (config.staticDir && existsSync(path.join(config.staticDir, 'index.html'))) serveFrontend(app, config.staticDir);
  return app;
}

/** Nest's own boot lines (a module loaded, each of some 200 routes mapped) left out: they say nothing an operator needs. */
const BOOT_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer']);

function withoutBootChatter(logger: LoggerService): LoggerService {
  return {
    log: (message: unknown, ...rest: unknown[]) => (BOOT_CONTEXTS.has(rest[rest.length - 1] as string) ? undefined : logger.log(message, ...rest)),
    error: (message: unknown, ...rest: unknown[]) => logger.error(message, ...rest),
    warn: (message: unknown, ...rest: unknown[]) => logger.warn(message, ...rest),
    debug: (message: unknown, ...rest: unknown[]) => logger.debug?.(message, ...rest),
    verbose: (message: unknown, ...rest: unknown[]) => logger.verbose?.(message, ...rest),
    fatal: (message: unknown, ...rest: unknown[]) => logger.fatal?.(message, ...rest),
  };
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
  return withErrorShape(SwaggerModule.createDocument(app, doc));
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/**
 * The one error shape in the document: `ErrorCode` (every code the API returns, `src/error-codes.ts`), `ErrorBody`
 * (`{ statusCode, code, message, fields? }`) and a `default` response of every operation that carries it.
 */
function withErrorShape(doc: OpenAPIObject): OpenAPIObject {
  const components = (doc.components ??= {});
  components.schemas = {
    ...components.schemas,
    ErrorCode: { type: 'string', enum: [...ERROR_CODES], description: 'Mã lỗi ổn định của API' },
    ErrorBody: {
      type: 'object',
      required: ['statusCode', 'code', 'message'],
      properties: {
        statusCode: { type: 'integer' },
        code: { $ref: '#/components/schemas/ErrorCode' },
        message: { type: 'string', description: 'Thông báo lỗi bằng tiếng Việt' },
        fields: { type: 'object', additionalProperties: { type: 'string' }, description: 'Lỗi của từng trường' },
      },
    },
  };
  components.responses = {
    ...components.responses,
    Error: { description: 'Lỗi', content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } } },
  };
  for (const item of Object.values(doc.paths)) {
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (op && !op.responses.default) op.responses.default = { $ref: '#/components/responses/Error' };
    }
  }
  return doc;
}

// Formats that are compressed already (workbooks, documents, PDFs, images, archives) and event streams, which must not be buffered.
const INCOMPRESSIBLE = /^(image\/(?!svg)|audio\/|video\/|font\/woff|text\/event-stream|application\/(pdf|zip|gzip|x-7z|x-rar|vnd\.openxmlformats|vnd\.oasis|octet-stream))/;

/** Brotli or gzip for every text response of 1 kB and more; files that carry their own compression pass as they are. */
function shouldCompress(req: Request, res: Response): boolean {
  const type = String(res.getHeader('Content-Type') ?? '');
  if (INCOMPRESSIBLE.test(type)) return false;
  return compression.filter(req, res);
}

const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The built SPA: hashed assets cached for a year, index.html (never cached) for every non-API path. The build
 * writes `.br` and `.gz` beside each text file; the one the browser accepts is sent as it is.
 */
function serveFrontend(app: NestExpressApplication, dir: string): void {
  const encodings = precompressedFiles(dir);
  const cacheControl = (rel: string) => (rel.startsWith('/assets/') ? IMMUTABLE : 'no-cache');
  /** Sends `rel` (a path under `dir`, "/assets/x.js") as its precompressed twin when the browser accepts one. */
  const sendEncoded = (req: Request, res: Response, rel: string): boolean => {
    const available = encodings.get(rel);
    if (!available) return false;
    res.vary('Accept-Encoding');
    // Our order (Brotli first, it is smaller), not the browser's: browsers list gzip before br at equal weight.
    const chosen = available.find((e) => req.acceptsEncodings(e) === e);
    if (!chosen) return false;
    res.type(path.extname(rel));
    res.setHeader('Content-Encoding', chosen);
    res.setHeader('Cache-Control', cacheControl(rel));
    res.sendFile(`${rel.slice(1)}${chosen === 'br' ? '.br' : '.gz'}`, { root: dir });
    return true;
  };
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path.startsWith('/api') || !sendEncoded(req, res, req.path)) next();
  });
  app.useStaticAssets(dir, {
    index: false,
    setHeaders: (res, file) => res.setHeader('Cache-Control', file.includes(`${path.sep}assets${path.sep}`) ? IMMUTABLE : 'no-cache'),
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || req.path.startsWith('/api') || req.path === '/metrics' || isNewsPublicPath(req.path)) return next();
    if (sendEncoded(req, res, '/index.html')) return;
    res.setHeader('Cache-Control', 'no-cache');
    // Relative to `root`: only that part is checked for dot-folders, so STATIC_DIR may lie under one (~/.local/...).
    res.sendFile('index.html', { root: dir });
  });
}

/** URL path ("/assets/x.js") → the encodings written beside it by the build, best first; dot-files and dot-folders left out. */
function precompressedFiles(dir: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const walk = (sub: string) => {
    for (const e of readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue;
      const rel = `${sub}/${e.name}`;
      if (e.isDirectory()) walk(rel);
      else if (!/\.(br|gz)$/.test(e.name)) {
        const encs = (['br', 'gz'] as const).filter((x) => existsSync(path.join(dir, `${rel}.${x}`))).map((x) => (x === 'gz' ? 'gzip' : x));
        if (encs.length) found.set(rel, encs);
      }
    }
  };
  walk('');
  return found;
}
