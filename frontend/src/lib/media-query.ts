import { useSyncExternalStore } from 'react';

/** Whether a CSS media query matches now; the component renders again when that changes. */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (change) => {
      const list = window.matchMedia(query);
      list.addEventListener?.('change', change);
      return () => list.removeEventListener?.('change', change);
    },
    () => window.matchMedia(query).matches,
  );
}
