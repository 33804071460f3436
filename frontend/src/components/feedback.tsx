import { lazy, Suspense, useSyncExternalStore, type ReactNode } from 'react';
import './feedback.css';

/**
 * Short messages after an action ("Đã lưu", an error) and the rare warning dialog (someone else changed the
 * record), without antd's App, whose message, notification and confirm-dialog code (≈ 17 KB gzipped) every page
 * would load. Same calls as `App.useApp()`: `message.success(text)`, `modal.warning({ title, content })`.
 * `FeedbackHost` (in the kit provider) draws them; the warning's dialog (antd Modal) loads when first shown.
 */
type Kind = 'success' | 'error' | 'warning' | 'info';
interface Notice { id: number; kind: Kind; content: ReactNode }
export interface Warning { id: number; title: ReactNode; content: ReactNode }

let state: { notices: Notice[]; warnings: Warning[] } = { notices: [], warnings: [] };
let lastId = 0;
const listeners = new Set<() => void>();
const update = (next: Partial<typeof state>) => {
  state = { ...state, ...next };
  listeners.forEach((l) => l());
};

/** Shows `content` for `seconds` (3, as the kit did). */
const show = (kind: Kind) => (content: ReactNode, seconds = 3) => {
  const id = ++lastId;
  update({ notices: [...state.notices, { id, kind, content }] });
  setTimeout(() => update({ notices: state.notices.filter((n) => n.id !== id) }), seconds * 1000);
};

const feedback = {
  message: { success: show('success'), error: show('error'), warning: show('warning'), info: show('info') },
  modal: { warning: ({ title, content }: { title: ReactNode; content: ReactNode }) => update({ warnings: [...state.warnings, { id: ++lastId, title, content }] }) },
};

export const useFeedback = () => feedback;

const WarningDialog = lazy(() => import('./feedback-warning'));

const ICON: Record<Kind, string> = {
  success: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm-1.2 14.2-4-4 1.4-1.4 2.6 2.6 5.6-5.6 1.4 1.4-7 7Z',
  error: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm4.2 12.8-1.4 1.4L12 13.4l-2.8 2.8-1.4-1.4 2.8-2.8-2.8-2.8 1.4-1.4 2.8 2.8 2.8-2.8 1.4 1.4-2.8 2.8 2.8 2.8Z',
  warning: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm1 15h-2v-2h2v2Zm0-4h-2V7h2v6Z',
  info: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm1 15h-2v-6h2v6Zm0-8h-2V7h2v2Z',
};

export function FeedbackHost() {
  const { notices, warnings } = useSyncExternalStore(
    (l) => { listeners.add(l); return () => void listeners.delete(l); },
    () => state,
  );
  return (
    <>
      {notices.length > 0 && (
        <div className="feedback-notices">
          {notices.map((n) => (
            <div key={n.id} role="alert" className={`feedback-notice feedback-${n.kind}`}>
              <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d={ICON[n.kind]} /></svg>
              <span>{n.content}</span>
            </div>
          ))}
        </div>
      )}
      {warnings[0] && (
        <Suspense fallback={null}>
          <WarningDialog key={warnings[0].id} warning={warnings[0]} onClose={() => update({ warnings: state.warnings.slice(1) })} />
        </Suspense>
      )}
    </>
  );
}
