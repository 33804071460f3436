/** Before → after of an audit entry, field by field. Pure: no React here. */
export interface DiffRow {
  /** Path of the field, e.g. ['rules', 'quotas', 'city_flag', 'value']. */
  path: string[];
  before: unknown;
  after: unknown;
  changed: boolean;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Nested objects become dotted paths; arrays and scalars are leaves. */
export function flatten(value: unknown, prefix: string[] = [], out = new Map<string, { path: string[]; value: unknown }>()) {
  if (isPlainObject(value)) {
    const keys = Object.keys(value);
    if (!keys.length && prefix.length) out.set(prefix.join('.'), { path: prefix, value });
    for (const k of keys) flatten(value[k], [...prefix, k], out);
  } else if (prefix.length) {
    out.set(prefix.join('.'), { path: prefix, value });
  }
  return out;
}

/**
 * Rows for every field either side mentions. With both sides (an update), only the fields that
 * changed; with one side (a creation, a lock), every field of that side.
 */
export function diffRows(before: unknown, after: unknown): DiffRow[] {
  const b = flatten(before);
  const a = flatten(after);
  const keys = [...new Set([...b.keys(), ...a.keys()])];
  const both = before != null && after != null;
  return keys
    .map((k) => {
      const bv = b.get(k)?.value;
      const av = a.get(k)?.value;
      return { path: (b.get(k) ?? a.get(k))!.path, before: bv, after: av, changed: JSON.stringify(bv) !== JSON.stringify(av) };
    })
    .filter((r) => !both || r.changed);
}
