import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildOpenApiDocument } from './openapi-document';

/** Writes backend/openapi.json from the code (`npm run openapi`). */
buildOpenApiDocument().then((doc) => {
  const file = path.resolve(__dirname, '../../openapi.json');
  writeFileSync(file, JSON.stringify(doc, null, 2) + '\n');
  console.log(`Đã ghi ${file}`);
  process.exit(0);
});
