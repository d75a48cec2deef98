'use client';
/**
 * A co-occurrence map (terms, keywords, institutions, countries, co-citation or coupling) with the
 * papers of the chosen item beside it. It only coordinates: the chosen item lives in the URL
 * (`item`, through graph-state), its papers come through graph-data, and CooccurrenceMap and
 * ItemPanel render what they are given.
 */
import { useState } from 'react';
import type { CooccurrenceMapData } from '@/lib/store/read/graph';
import { formatCount } from '@/lib/viz/format';
import { formatCooccurrenceState } from '@/lib/viz/graph-state';
import type { NetworkFormat } from '@/lib/viz/network-export';
import { COLOURED_GROUPS } from '@/lib/viz/palette';
import { ExportChart } from '../ExportChart';
import { CooccurrenceMap } from './graph/CooccurrenceMap';
import { useItemPapers } from './graph/graph-data';
import { ItemPanel } from './graph/ItemPanel';
import { NetworkDownloads } from './graph/NetworkDownloads';
import { useUrlState } from './use-url-state';
import styles from './viz.module.css';

const NOUN: Record<CooccurrenceMapData['kind'], [string, string]> = {
  terms: ['term', 'terms'],
  keywords: ['keyword', 'keywords'],
  institutions: ['institution', 'institutions'],
  countries: ['country', 'countries'],
  cocitation: ['reference', 'references'],
  coupling: ['paper', 'papers'],
};

/** What links two items, per map. */
const TOGETHER: Record<CooccurrenceMapData['kind'], string> = {
  terms: 'that appear in the same papers',
  keywords: 'given to the same papers',
  institutions: 'on the same papers',
  countries: 'on the same papers',
  cocitation: 'cited by the same papers (co-citation)',
  coupling: 'that cite the same references (bibliographic coupling)',
};

export function CooccurrenceExplorer({ data, initialItem }: { data: CooccurrenceMapData; initialItem: number | null }) {
  const [selected, setSelected] = useState<number | null>(initialItem);
  useUrlState(formatCooccurrenceState(data.kind, { item: selected }), 0);
  const { data: found, error } = useItemPapers(data.kind, selected);
  const [one, many] = NOUN[data.kind];
  const files: [NetworkFormat, string][] = [
    ['gexf', 'GEXF (Gephi)'],
    ['vosviewer-map', 'VOSviewer map file'],
    ['vosviewer-network', 'VOSviewer network file'],
    ['nodes-csv', `${many[0].toUpperCase()}${many.slice(1)} (CSV)`],
    ['links-csv', 'Links (CSV)'],
  ];

  return (
    <div className={styles.graphLayout}>
      <section className={styles.graphMain} aria-label={`Map of ${many}`}>
        <p className={styles.hint}>
          {formatCount(data.items.length)} {many} in {formatCount(data.clusters)} clusters; a line joins two {many}{' '}
          {TOGETHER[data.kind]} more often than chance would give (association strength). Colours are clusters (the{' '}
          {COLOURED_GROUPS} largest have their own). Click a {one} for {data.kind === 'coupling' ? 'it' : 'its papers'}.
        </p>
        <div className={styles.graphToolbar}>
          <NetworkDownloads
            label="Download map"
            files={files}
            href={(format) => `/api/graph/export?format=${format}&view=${data.kind}`}
          />
        </div>
        <ExportChart filename={`topicscope-${data.kind}-map`} label={`${one} map`}>
          <CooccurrenceMap data={data} many={many} selected={selected} onSelect={setSelected} />
        </ExportChart>
      </section>
      <ItemPanel kind={data.kind} one={one} selected={selected} found={found} error={error} />
    </div>
  );
}
