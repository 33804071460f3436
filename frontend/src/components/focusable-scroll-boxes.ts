import { useEffect } from 'react';

const BOXES = '.ant-table-content, .ant-table-body, .data-table-box';
const MARK = 'data-scroll-focus';

/**
 * A table box that scrolls sideways takes keyboard focus, so it can be scrolled without a mouse
 * (WCAG 2.1.1, axe "scrollable-region-focusable"); one that fits gives the focus stop back.
 */
export function useFocusableScrollBoxes() {
  useEffect(() => {
    let frame = 0;
    const mark = () => {
      frame = 0;
      for (const el of document.querySelectorAll<HTMLElement>(BOXES)) {
        const scrolls = el.scrollWidth > el.clientWidth + 1;
        if (scrolls && !el.hasAttribute('tabindex')) {
          el.tabIndex = 0;
          el.setAttribute(MARK, '');
        } else if (!scrolls && el.hasAttribute(MARK)) {
          el.removeAttribute('tabindex');
          el.removeAttribute(MARK);
        }
      }
    };
    const schedule = () => { frame ||= requestAnimationFrame(mark); };
    const observer = new MutationObserver(schedule);
    observer.observe(document.body, { childList: true, subtree: true });
    window.addEventListener('resize', schedule);
    schedule();
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', schedule);
      cancelAnimationFrame(frame);
    };
  }, []);
}
