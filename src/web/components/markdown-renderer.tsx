import ReactMarkdown from 'react-markdown';

/** Markdown as the people who wrote it meant it; raw HTML is never rendered. */
export default function MarkdownRenderer({ children }: { children: string }) {
  return (
    <div className="cairn-markdown">
      <ReactMarkdown
        skipHtml
        components={{
          a: ({ node: _node, ...props }) => <a {...props} target="_blank" rel="noopener noreferrer nofollow" />,
        }}
      >
        {children}
      </ReactMarkdown>
    </div>
  );
}
