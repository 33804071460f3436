import { useFeedback } from '@/components/feedback';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from '@/api/client';
import { useT } from '@/i18n/i18n';
import { schemeKeys } from './api/schemes';
import { scoringStrings } from './i18n';

/**
 * A 409 that is not about a form field (someone saved first, the scheme got frozen, the year was
 * archived): say so in the server's words and reload the scheme; never retry over another's change.
 * Returns whether it handled the error.
 */
export function useConflictHandler(schemeId: string | undefined) {
  const t = useT(scoringStrings);
  const qc = useQueryClient();
  const { modal } = useFeedback();
  return (e: unknown, after?: () => void): boolean => {
    if (!(e instanceof ApiError) || e.status !== 409 || e.code === 'duplicate_code') return false;
    after?.();
    void qc.invalidateQueries({ queryKey: schemeId ? schemeKeys.detail(schemeId) : schemeKeys.all });
    void qc.invalidateQueries({ queryKey: schemeKeys.all });
    modal.warning({
      title: e.code === 'stale_version' ? t('staleTitle') : t('conflictTitle'),
      content: <><p>{e.message}</p><p>{t('staleReloaded')}</p></>,
    });
    return true;
  };
}
