import { lazy, Suspense, useState, type ComponentType } from 'react';

/**
 * A dialog (or drawer) whose code – its form and the kit's Modal, Form, Select… – loads when it first opens
 * instead of with the page. `isOpen(props)` says when it is open; once opened it stays mounted, so it closes
 * with its animation and keeps its state as an always-mounted dialog does.
 */
export function lazyDialog<P extends object>(load: () => Promise<ComponentType<P>>, isOpen: (props: P) => boolean): ComponentType<P> {
  const Dialog = lazy(() => load().then((component) => ({ default: component })));
  return function LazyDialog(props: P) {
    const [opened, setOpened] = useState(false);
    const open = isOpen(props);
    if (open && !opened) setOpened(true);
    return open || opened ? <Suspense fallback={null}><Dialog {...props} /></Suspense> : null;
  };
}
