import { useCallback, useSyncExternalStore } from 'react';
import type { AssessmentStore, RowState, Summary } from './assessment-store';

/** One criterion's state: re-renders only when that row changes. */
export function useRowState(store: AssessmentStore, id: string): RowState | undefined {
  const subscribe = useCallback((fn: () => void) => store.subscribeRow(id, fn), [store, id]);
  return useSyncExternalStore(subscribe, () => store.getRow(id));
}

/** Totals, completeness and save counts of the whole form. */
export const useSummary = (store: AssessmentStore): Summary => useSyncExternalStore(store.subscribe, store.summary);

/** A group's running score and maximum: re-renders only when one of them changes. */
export function useNodeTotal(store: AssessmentStore, id: string): { score: number; max: number } {
  const key = useSyncExternalStore(store.subscribe, () => {
    const n = store.summary().totals.byNode.get(id);
    return `${n?.score ?? 0}|${n?.max ?? 0}`;
  });
  const [score, max] = key.split('|').map(Number);
  return { score, max };
}
