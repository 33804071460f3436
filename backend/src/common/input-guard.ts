/**
 * What no request may carry, whatever the endpoint: structures nested deeper than MAX_INPUT_DEPTH,
 * text with NUL (PostgreSQL refuses the byte) or a lone UTF-16 surrogate (not Unicode), and numbers the
 * database cannot hold (non-finite, beyond ±MAX_INPUT_NUMBER, or a non-zero magnitude below
 * MIN_INPUT_MAGNITUDE). Pure: imports nothing. Walks iteratively, so depth never costs stack.
 */
export const MAX_INPUT_DEPTH = 32;
export const MAX_INPUT_NUMBER = 1e15;
export const MIN_INPUT_MAGNITUDE = 1e-9;

export interface InputProblem {
  /** Dotted path as the validation pipe names fields (`agenda.0.title`); `body` for the whole value. */
  field: string;
  reason: string;
}

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function textProblem(s: string): string | null {
  if (s.includes('\u0000')) return 'không được chứa ký tự NUL (\\u0000)';
  if (LONE_SURROGATE.test(s)) return 'chứa ký tự Unicode không hợp lệ';
  return null;
}

export function numberProblem(n: number): string | null {
  if (!Number.isFinite(n)) return 'phải là số hữu hạn';
  if (Math.abs(n) > MAX_INPUT_NUMBER) return 'quá lớn';
  if (n !== 0 && Math.abs(n) < MIN_INPUT_MAGNITUDE) return 'quá nhỏ (gần bằng 0)';
  return null;
}

/** The first problem found in `value` (a parsed body, query or route parameters), or null. */
export function findInputProblem(value: unknown, root = ''): InputProblem | null {
  const stack: { v: unknown; path: string; depth: number }[] = [{ v: value, path: root, depth: 0 }];
  const name = (path: string) => path || root || 'body';
  while (stack.length) {
    const { v, path, depth } = stack.pop()!;
    if (typeof v === 'string') {
      const reason = textProblem(v);
      if (reason) return { field: name(path), reason };
    } else if (typeof v === 'number') {
      const reason = numberProblem(v);
      if (reason) return { field: name(path), reason };
    } else if (v !== null && typeof v === 'object') {
      if (depth >= MAX_INPUT_DEPTH) return { field: name(path), reason: `lồng nhau quá sâu (tối đa ${MAX_INPUT_DEPTH} cấp)` };
      for (const [k, child] of Object.entries(v)) {
        const childPath = path ? `${path}.${k}` : k;
        const keyReason = textProblem(k);
        if (keyReason) return { field: name(path), reason: `có tên trường ${keyReason}` };
        stack.push({ v: child, path: childPath, depth: depth + 1 });
      }
    }
  }
  return null;
}
