import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { ERROR_CODES } from '../../src/error-codes';
import { SRC, sourceFiles } from './source-graph';

/** The argument that carries the code, per error helper of `common/app-error.ts`. */
const CODE_ARGUMENT: Record<string, number> = {
  badRequest: 0, conflict: 0, unauthorized: 0, notFound: 1, forbidden: 1, invalidField: 2, AppError: 1, RetryLaterError: 1,
};

/** Every code written as a literal where an error is made, with the place it is made. */
function thrownCodes(): { code: string; at: string }[] {
  const out: { code: string; at: string }[] = [];
  for (const file of sourceFiles()) {
    const source = ts.createSourceFile(file, readFileSync(path.join(SRC, file), 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text in CODE_ARGUMENT) {
        const arg = node.arguments?.[CODE_ARGUMENT[node.expression.text]];
        if (arg && ts.isStringLiteralLike(arg)) out.push({ code: arg.text, at: `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}` });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return out;
}

describe('error codes', () => {
  const published: string[] = JSON.parse(readFileSync(path.join(SRC, '../openapi.json'), 'utf8')).components.schemas.ErrorCode.enum;

  it('publishes every code the code base knows as the ErrorCode enum of openapi.json', () => {
    expect(published).toEqual([...ERROR_CODES]);
  });

  it('throws only codes that are published', () => {
    const found = thrownCodes();
    expect(found.length).toBeGreaterThan(200);
    expect(found.filter((c) => !published.includes(c.code))).toEqual([]);
  });

  it('gives every operation the error response', () => {
    const doc = JSON.parse(readFileSync(path.join(SRC, '../openapi.json'), 'utf8'));
    const missing = Object.entries(doc.paths).flatMap(([p, item]) =>
      Object.entries(item as Record<string, { responses?: Record<string, unknown> }>)
        .filter(([, op]) => op.responses && !op.responses.default)
        .map(([method]) => `${method} ${p}`),
    );
    expect(missing).toEqual([]);
  });
});
