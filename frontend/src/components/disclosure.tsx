import { useEffect, useId, useRef, type ButtonHTMLAttributes, type ReactNode } from 'react';
import './disclosure.css';

/**
 * A button that shows a panel under it (the header's account menu and notifications), without the UI kit:
 * `aria-expanded` on the button; Escape, a click elsewhere or Tab past the panel closes it, Escape gives the
 * focus back to the button. On a phone the panel spans the screen's width below the header.
 */
export function Disclosure({ open, onOpenChange, button, buttonProps, children }: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  button: ReactNode;
  buttonProps?: ButtonHTMLAttributes<HTMLButtonElement>;
  children: ReactNode;
}) {
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const outside = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) onOpenChange(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open, onOpenChange]);

  return (
    <div
      ref={root}
      className="disclosure"
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !open) return;
        e.stopPropagation();
        onOpenChange(false);
        trigger.current?.focus();
      }}
      onBlur={(e) => {
        if (open && e.relatedTarget && !root.current?.contains(e.relatedTarget as Node)) onOpenChange(false);
      }}
    >
      <button {...buttonProps} ref={trigger} type="button" aria-expanded={open} aria-controls={open ? id : undefined} onClick={() => onOpenChange(!open)}>
        {button}
      </button>
      {open && <div id={id} className="disclosure-panel">{children}</div>}
    </div>
  );
}
