import { Skeleton, Stack } from '@mantine/core';
import { lazy, Suspense } from 'react';

// The Markdown parser is the heaviest part of the product page; it arrives after the page.
const MarkdownRenderer = lazy(() => import('./markdown-renderer.js'));

/** Markdown text, rendered safely (no raw HTML). */
export function Markdown({ children }: { children: string }) {
  const lines = Math.min(6, Math.max(1, Math.ceil(children.length / 90)));
  return (
    <Suspense
      fallback={
        <Stack gap={8} aria-hidden>
          {Array.from({ length: lines }, (_, i) => (
            <Skeleton key={`line-${i}-of-${lines}`} h={12} w={i === lines - 1 ? '60%' : '100%'} radius="sm" />
          ))}
        </Stack>
      }
    >
      <MarkdownRenderer>{children}</MarkdownRenderer>
    </Suspense>
  );
}
