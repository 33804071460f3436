import type { FormInstance } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useFeedback } from '@/components/feedback';
import { useT } from '@/i18n/i18n';
import { applyServerErrors } from '@/lib/form-errors';
import { draftKeys } from './api/drafts';
import { draftStrings } from './i18n';
import { isStale, withFieldPrefix } from './server-errors';

/**
 * What a dialog editing a version does when the server refuses the save: someone else saved first → close,
 * reload the version and say so; else each field's message under its field (the API's `from` prefix moved to
 * the form's `to`), or the message when no field is named.
 */
export function useVersionSaveError(versionId: string, onClose: () => void) {
  const t = useT(draftStrings);
  const qc = useQueryClient();
  const { message, modal } = useFeedback();
  return (e: Error, form: FormInstance, from: string, to: string) => {
    if (isStale(e)) {
      onClose();
      void qc.invalidateQueries({ queryKey: draftKeys.version(versionId) });
      modal.warning({ title: t('staleVersionTitle'), content: <><p>{e.message}</p><p>{t('staleVersionReloaded')}</p></> });
      return;
    }
    if (!applyServerErrors(form, withFieldPrefix(e, from, to))) message.error(e.message);
  };
}
