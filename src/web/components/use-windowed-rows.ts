import { type RefObject, useCallback, useEffect, useState } from 'react';

export interface WindowedRows {
  /** First and last (exclusive) index to render. */
  start: number;
  end: number;
  /** Height of the whole list, so the scrollbar is right. */
  total: number;
  /** Scrolls as little as needed for row `index` to be fully visible. */
  scrollToIndex: (index: number) => void;
}

/**
 * Renders only the rows in view (plus a margin) of a list of fixed-height rows in its own
 * scroll container: ten thousand insights cost the same as thirty.
 */
export function useWindowedRows(container: RefObject<HTMLElement | null>, count: number, rowHeight: number, overscan = 8): WindowedRows {
  const [view, setView] = useState({ top: 0, height: 800 });

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    let frame = 0;
    const read = () => {
      frame = 0;
      setView((prev) =>
        prev.top === element.scrollTop && prev.height === element.clientHeight
          ? prev
          : { top: element.scrollTop, height: element.clientHeight },
      );
    };
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(read);
    };
    read();
    element.addEventListener('scroll', onScroll, { passive: true });
    const observer = new ResizeObserver(onScroll);
    observer.observe(element);
    return () => {
      element.removeEventListener('scroll', onScroll);
      observer.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [container]);

  const start = Math.max(0, Math.floor(view.top / rowHeight) - overscan);
  const end = Math.min(count, Math.ceil((view.top + view.height) / rowHeight) + overscan);

  const scrollToIndex = useCallback(
    (index: number) => {
      const element = container.current;
      if (!element) return;
      const top = index * rowHeight;
      const bottom = top + rowHeight;
      if (top < element.scrollTop) element.scrollTop = top;
      else if (bottom > element.scrollTop + element.clientHeight) element.scrollTop = bottom - element.clientHeight;
    },
    [container, rowHeight],
  );

  return { start, end, total: count * rowHeight, scrollToIndex };
}
