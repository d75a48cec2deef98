import type { TopicMethodInfo } from '@/lib/store/read/build';

/** The method's name as the pages say it. */
const METHOD_NAMES: Record<string, string> = {
  hybrid: 'words and citations (hybrid)',
  smoothed: 'words alone (smoothed over similar papers)',
  kmeans: 'words alone (k-means)',
  'kmeans-reference': 'words alone (reference k-means)',
};

/** Which method made the topics and why, as the build recorded it. */
export function TopicMethodNote({ method }: { method: TopicMethodInfo | null }) {
  if (method === null) return null;
  return (
    <p className="subtle" data-testid="topic-method">
      Made from <strong>{METHOD_NAMES[method.cluster] ?? method.cluster}</strong>
      {method.chosenBy === 'option' ? ', as asked for' : ''}. Why: {method.why}.
    </p>
  );
}
