import { Mark, Text, type TextProps } from '@mantine/core';
import { parseSnippet } from './snippet-text.js';

/** A search snippet with its matches highlighted; rendered as text (no HTML is injected). */
export function Snippet({ snippet, ...props }: { snippet: string } & TextProps) {
  const parts = parseSnippet(snippet);
  return (
    <Text {...props}>
      {parts.map((part, i) =>
        part.mark ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one fixed string
          <Mark key={i} color="yellow">
            {part.text}
          </Mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one fixed string
          <span key={i}>{part.text}</span>
        ),
      )}
    </Text>
  );
}
