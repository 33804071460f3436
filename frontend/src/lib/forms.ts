import type { FormInstance } from 'antd';

/**
 * The form's values once every rule passes, or null when a field shows an error (antd shows it under the field).
 * antd rejects a validation that a newer one overtook (a change or a blur while the click was handled) with no error
 * at all; that is not a refusal, so it asks again rather than letting the click do nothing.
 */
export async function validated<T>(form: Pick<FormInstance<T>, 'validateFields'>): Promise<T | null> {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await form.validateFields();
    } catch (e) {
      const { outOfDate, errorFields } = (e ?? {}) as { outOfDate?: boolean; errorFields?: unknown[] };
      if (!outOfDate || errorFields?.length) return null;
    }
  }
  return null;
}
