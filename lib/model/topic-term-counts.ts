import type { TopicModel } from './types';

/** Occurrences of each topic's top terms in the topic's papers (titles weighted in as tokenized),
 * row-aligned with `topic.terms`: the topic page's relevance slider needs p(term | topic)
 * (LDAvis relevance, Sievert and Shirley 2014). */
export function countTopicTerms(model: Pick<TopicModel, 'topics' | 'corpus' | 'papers'>): number[][] {
  const wanted = model.topics.map((t) => new Map(t.terms.map((term, i) => [term.termId, i])));
  const counts = model.topics.map((t) => new Array<number>(t.terms.length).fill(0));
  const { docs } = model.corpus;
  for (let p = 0; p < docs.length; p++) {
    const topic = model.papers.topic[p];
    const index = wanted[topic];
    const row = counts[topic];
    const doc = docs[p];
    for (let i = 0; i < doc.length; i++) {
      const at = index.get(doc[i]);
      if (at !== undefined) row[at]++;
    }
  }
  return counts;
}
