import { NestFactory } from '@nestjs/core';
import { OpenAPIObject } from '@nestjs/swagger';
import { buildOpenApi } from '../app.factory';
import { AppModule } from '../app.module';
import { loadConfig } from '../config/config';

/** The OpenAPI document built from the controllers without touching a database (preview mode). */
export async function buildOpenApiDocument(): Promise<OpenAPIObject> {
  const config = loadConfig({ DATABASE_URL: 'postgres://openapi@localhost/none', NODE_ENV: 'test' });
  const app = await NestFactory.create(AppModule.forRoot(config), { preview: true, logger: false, abortOnError: false });
  app.setGlobalPrefix('api');
  const doc = buildOpenApi(app);
  await app.close();
  return doc;
}
