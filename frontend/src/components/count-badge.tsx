import type { CSSProperties } from 'react';
import './count-badge.css';

/**
 * A small count in a pill (tasks beside "Trang chủ", unread notifications on the bell), without the UI kit.
 * `label` is its accessible name ("2 việc cần làm"); more than 99 shows "99+".
 */
export function CountBadge({ count, label, tone = 'info', style }: { count: number; label?: string; tone?: 'info' | 'alert'; style?: CSSProperties }) {
  return (
    <span role={label ? 'img' : undefined} aria-label={label} title={label} className={`count-badge count-badge-${tone}`} style={style}>
      {count > 99 ? '99+' : count}
    </span>
  );
}
