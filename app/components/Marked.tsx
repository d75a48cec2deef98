import type { TextPart } from '@/lib/store/read';

/** Text with its matches in <mark>; every part is rendered as text, never as HTML. The text
 * between matches is a bare string: no element per part, so a page of results stays light. */
export function Marked({ parts }: { parts: readonly TextPart[] }) {
  return <>{parts.map((part, i) => (part.hit ? <mark key={i}>{part.text}</mark> : part.text))}</>;
}
