import type { TextPart } from '@/lib/store/read';

/** Text with its matches in <mark>; every part is rendered as text, never as HTML. */
export function Marked({ parts }: { parts: readonly TextPart[] }) {
  return (
    <>
      {parts.map((part, i) => (part.hit ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </>
  );
}
