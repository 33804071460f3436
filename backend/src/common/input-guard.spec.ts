import fc from 'fast-check';
import { findInputProblem, MAX_INPUT_DEPTH } from './input-guard';

describe('input guard', () => {
  it('names the field holding NUL or a lone surrogate, at any depth', () => {
    expect(findInputProblem({ title: 'a\u0000' })).toEqual({ field: 'title', reason: 'không được chứa ký tự NUL (\\u0000)' });
    expect(findInputProblem({ agenda: [{ title: 'ok' }, { title: '\ud800' }] })).toEqual({ field: 'agenda.1.title', reason: 'chứa ký tự Unicode không hợp lệ' });
    expect(findInputProblem({ a: 'x\udc00y' })?.field).toBe('a');
    expect(findInputProblem('\u0000', 'id')).toEqual({ field: 'id', reason: expect.any(String) });
    expect(findInputProblem({ ['k\u0000']: 1 })?.reason).toMatch(/tên trường/);
  });

  it('accepts proper Unicode, emoji pairs included', () => {
    expect(findInputProblem({ name: 'Khối thi đua số 4 😀', list: ['Hà Nội', 1.5, 0, -3, true, null] })).toBeNull();
  });

  it('refuses numbers the database cannot hold', () => {
    for (const n of [Infinity, -Infinity, NaN, 1e-300, -1e-12, 1e16, -1e300]) expect(findInputProblem({ n })?.field).toBe('n');
    for (const n of [0, 1e-6, 123456789012, -1e15]) expect(findInputProblem({ n })).toBeNull();
  });

  it('stops at the depth limit without recursion (5,000 levels)', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 5000; i++) deep = { a: [deep] };
    expect(findInputProblem(deep)?.reason).toMatch(/lồng nhau quá sâu/);
    let ok: unknown = 1;
    for (let i = 0; i < MAX_INPUT_DEPTH - 1; i++) ok = { a: ok };
    expect(findInputProblem(ok)).toBeNull();
  });

  it('finds a problem wherever well-formed JSON hides it, and passes JSON free of them', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 5 }), (v) => {
      const clean = JSON.parse(JSON.stringify(v, (_k, x) => (typeof x === 'string' ? x.replace(/\u0000/g, '').replace(/[\ud800-\udfff]/g, '') : typeof x === 'number' && (Math.abs(x) > 1e15 || (x !== 0 && Math.abs(x) < 1e-9)) ? 0 : x)));
      return findInputProblem(clean) === null && findInputProblem({ wrap: clean, bad: 'x\u0000' })?.field === 'bad';
    }));
  });
});
