import { Mark, Text, type TextProps } from '@mantine/core';
import { parseSnippet } from './snippet-text.js';

/** The runs of a server snippet as inline elements, matches marked (no HTML is injected). */
export function Highlighted({ snippet }: { snippet: string }) {
  return (
    <>
      {parseSnippet(snippet).map((part, i) =>
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
    </>
  );
}

/** A search snippet with its matches highlighted; rendered as text (no HTML is injected). */
export function Snippet({ snippet, ...props }: { snippet: string } & TextProps) {
  return (
    <Text {...props}>
      <Highlighted snippet={snippet} />
    </Text>
  );
}
