import { useEffect } from 'react';

/** The browser tab says where you are: "Products · Northwind · Cairn". */
export function useDocumentTitle(...parts: (string | null | undefined | false)[]) {
  const title = [...parts.filter((p): p is string => typeof p === 'string' && p !== ''), 'Cairn'].join(' · ');
  useEffect(() => {
    document.title = title;
  }, [title]);
}
