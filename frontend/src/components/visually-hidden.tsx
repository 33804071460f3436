import type { ReactNode } from 'react';

/** Text for screen readers only: part of the accessible name without being drawn (WCAG 2.5.3 keeps the visible words in the name). */
export function VisuallyHidden({ children }: { children: ReactNode }) {
  return (
    <span style={{ position: 'absolute', width: 1, height: 1, padding: 0, margin: -1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap', border: 0 }}>
      {children}
    </span>
  );
}
