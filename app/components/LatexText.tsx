import katex from 'katex';
import { splitLatex } from '@/lib/viz/latex';

/**
 * Text with its LaTeX math rendered by KaTeX on the server. Only the math segments become HTML
 * (KaTeX escapes what it renders and, with `trust: false`, refuses links and raw HTML); the rest
 * is React text. A formula KaTeX cannot parse is shown as its source in the error colour.
 */
export function LatexText({ text }: { text: string }) {
  return (
    <>
      {splitLatex(text).map((segment, i) => {
        if (segment.kind === 'text') return <span key={i}>{segment.value}</span>;
        const html = katex.renderToString(segment.value, {
          displayMode: segment.display,
          throwOnError: false,
          trust: false,
          strict: 'ignore',
          output: 'htmlAndMathml',
          maxSize: 20,
          maxExpand: 200,
        });
        return <span key={i} dangerouslySetInnerHTML={{ __html: html }} />;
      })}
    </>
  );
}
