import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildOpenApiDocument } from './openapi-document';

describe('openapi.json', () => {
  it('matches the code (run `npm run openapi` after changing the API)', async () => {
    const committed = JSON.parse(readFileSync(path.resolve(__dirname, '../../openapi.json'), 'utf8'));
    const current = JSON.parse(JSON.stringify(await buildOpenApiDocument()));
    expect(current).toEqual(committed);
  });
});
