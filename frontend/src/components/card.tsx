import type { CSSProperties, HTMLAttributes, ReactNode } from 'react';
import './card.css';

/**
 * A titled box for a page's sections, drawn without the UI kit: antd's Card statically carries its Tabs (with
 * rc-menu and the dropdown, ≈ 18 KB gzipped) into every page that shows a card. Same props as the kit's for what
 * the pages use (title, extra, size, loading, styles.body) and the same class names, so page CSS and the
 * journeys' selectors (`.ant-card`, `.ant-card-loading`) keep working.
 */
export function Card({ title, extra, size, loading, styles, className, children, ...rest }: Omit<HTMLAttributes<HTMLDivElement>, 'title'> & {
  title?: ReactNode;
  extra?: ReactNode;
  size?: 'small' | 'default';
  loading?: boolean;
  styles?: { header?: CSSProperties; body?: CSSProperties };
}) {
  const classes = ['ant-card', 'ant-card-bordered', size === 'small' && 'ant-card-small', loading && 'ant-card-loading', className].filter(Boolean).join(' ');
  return (
    <div {...rest} className={classes} aria-busy={loading || undefined}>
      {(title || extra) && (
        <div className="ant-card-head" style={styles?.header}>
          <div className="ant-card-head-wrapper">
            {title && <div className="ant-card-head-title">{title}</div>}
            {extra && <div className="ant-card-extra">{extra}</div>}
          </div>
        </div>
      )}
      <div className="ant-card-body" style={styles?.body}>
        {loading ? <div className="card-placeholder" aria-hidden="true"><span /><span /><span /></div> : children}
      </div>
    </div>
  );
}
