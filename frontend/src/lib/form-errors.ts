import type { FormInstance } from 'antd';
import { ApiError } from '@/api/client';

/**
 * Puts the server's per-field messages under the matching form fields; returns whether any matched.
 * Nested names such as `legalBasis.0.date` reach the matching row of a Form.List.
 */
export function applyServerErrors(form: FormInstance, error: unknown, labels: Record<string, string> = {}): boolean {
  if (!(error instanceof ApiError) || !error.fields) return false;
  const names = new Set(Object.keys(form.getFieldsValue(true)));
  const fields = Object.entries(error.fields)
    .filter(([name]) => names.has(name.split('.')[0]))
    .map(([name, reason]) => ({ name: name.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s)), errors: [`${labels[name] ?? ''} ${reason}`.trim()] }));
  form.setFields(fields);
  return fields.length > 0;
}
