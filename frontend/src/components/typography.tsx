import CheckOutlined from '@ant-design/icons/CheckOutlined';
import CopyOutlined from '@ant-design/icons/CopyOutlined';
import { Children, useEffect, useState, type AnchorHTMLAttributes, type HTMLAttributes, type ReactNode } from 'react';
import { useT } from '@/i18n/i18n';
import './typography.css';

/**
 * Headings and text drawn without the UI kit: antd's Typography carries its ellipsis, copy and edit machinery
 * (≈ 7.5 KB gzipped) into every page. Same props as the kit's for what the pages use (level, type, strong, italic,
 * code, underline, delete, disabled) and the same DOM and class names (`ant-typography`, `ant-typography-secondary`…),
 * so page CSS, tests and journeys keep working. `copyable` adds the kit's copy button (its text: the
 * children's, or `copyable.text`). A text that needs `ellipsis` or `editable` uses antd's.
 */
interface Decorations {
  type?: 'secondary' | 'success' | 'warning' | 'danger';
  disabled?: boolean;
  strong?: boolean;
  italic?: boolean;
  code?: boolean;
  underline?: boolean;
  delete?: boolean;
  mark?: boolean;
  keyboard?: boolean;
}
type Copyable = boolean | { text?: string };
type Props<E> = Omit<E, 'type'> & Decorations & { children?: ReactNode; copyable?: Copyable };

/** Writes `text` to the clipboard; where the Clipboard API is missing (a page served over plain HTTP), the old way. */
async function writeClipboard(text: string) {
  if (navigator.clipboard?.writeText) return navigator.clipboard.writeText(text);
  const area = document.createElement('textarea');
  area.value = text;
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  document.execCommand('copy');
  area.remove();
}

function CopyButton({ text }: { text: string }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 3000);
    return () => clearTimeout(timer);
  }, [copied]);
  const label = t(copied ? 'action.copied' : 'action.copy');
  return (
    <button type="button" className={`ant-typography-copy${copied ? ' ant-typography-copy-success' : ''}`} aria-label={label} title={label}
      onClick={(e) => { e.preventDefault(); e.stopPropagation(); void writeClipboard(text).then(() => setCopied(true)); }}>
      {copied ? <CheckOutlined /> : <CopyOutlined />}
    </button>
  );
}

/** The kit's nesting order: strong, u, del, code, mark, kbd, i (innermost first). */
function decorate(d: Decorations, content: ReactNode): ReactNode {
  let node = content;
  if (d.strong) node = <strong>{node}</strong>;
  if (d.underline) node = <u>{node}</u>;
  if (d.delete) node = <del>{node}</del>;
  if (d.code) node = <code>{node}</code>;
  if (d.mark) node = <mark>{node}</mark>;
  if (d.keyboard) node = <kbd>{node}</kbd>;
  if (d.italic) node = <i>{node}</i>;
  return node;
}

function split<P extends Decorations & { className?: string; children?: ReactNode; copyable?: Copyable }>(props: P, link = false) {
  const { type, disabled, strong, italic, code, underline, delete: del, mark, keyboard, className, children, copyable, ...rest } = props;
  const copyText = copyable && ((typeof copyable === 'object' && copyable.text) || Children.toArray(children).filter((c) => typeof c === 'string' || typeof c === 'number').join(''));
  const inner = copyable ? <>{children}<CopyButton text={copyText || ''} /></> : children;
  const classes = ['ant-typography', type && `ant-typography-${type}`, disabled && 'ant-typography-disabled', link && 'ant-typography-link', className]
    .filter(Boolean).join(' ');
  return { rest, className: classes, content: decorate({ strong, italic, code, underline, delete: del, mark, keyboard }, inner) };
}

function Title({ level = 1, ...props }: Props<HTMLAttributes<HTMLHeadingElement>> & { level?: 1 | 2 | 3 | 4 | 5 }) {
  const { rest, className, content } = split(props);
  const Tag = `h${level}` as const;
  return <Tag {...rest} className={className}>{content}</Tag>;
}

function Text(props: Props<HTMLAttributes<HTMLSpanElement>>) {
  const { rest, className, content } = split(props);
  return <span {...rest} className={className}>{content}</span>;
}

function Paragraph(props: Props<HTMLAttributes<HTMLDivElement>>) {
  const { rest, className, content } = split(props);
  return <div {...rest} className={className}>{content}</div>;
}

function Link(props: Props<AnchorHTMLAttributes<HTMLAnchorElement>>) {
  const { rest, className, content } = split(props, true);
  const rel = rest.rel === undefined && rest.target === '_blank' ? 'noopener noreferrer' : rest.rel;
  return <a {...rest} rel={rel} className={className}>{content}</a>;
}

export const Typography = { Title, Text, Paragraph, Link };
