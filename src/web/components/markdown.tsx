import { Skeleton, Stack } from '@mantine/core';
import { lazy, Suspense } from 'react';

const SKELETON_LINES = ['l1', 'l2', 'l3', 'l4', 'l5', 'l6'];

// The Markdown parser is the heaviest part of the product page; it arrives after the page.
const MarkdownRenderer = lazy(() => import('./markdown-renderer.js'));

/** Markdown text, rendered safely (no raw HTML). */
export function Markdown({ children }: { children: string }) {
  const lines = Math.min(6, Math.max(1, Math.ceil(children.length / 90)));
  return (
    <Suspense
      fallback={
        <Stack gap={8} aria-hidden>
          {SKELETON_LINES.slice(0, lines).map((line) => (
            <Skeleton key={line} h={12} w={line === SKELETON_LINES[lines - 1] ? '60%' : '100%'} radius="sm" />
          ))}
        </Stack>
      }
    >
      <MarkdownRenderer>{children}</MarkdownRenderer>
    </Suspense>
  );
}
