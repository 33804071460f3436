/** Shown while a lazy route's code loads on first visit (no UI kit yet). */
export function RouteLoading() {
  return <div role="status" aria-live="polite" style={{ fontFamily: 'system-ui, sans-serif', padding: 48, color: '#666' }}>Đang tải...</div>;
}
