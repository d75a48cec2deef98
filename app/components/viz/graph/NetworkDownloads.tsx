/** The files a network view downloads as (GEXF, VOSviewer, CSV), each a link to the export route. */
import type { NetworkFormat } from '@/lib/viz/network-export';
import styles from '../viz.module.css';

export function NetworkDownloads({
  label,
  files,
  href,
  testId,
}: {
  label: string;
  files: readonly (readonly [NetworkFormat, string])[];
  href: (format: NetworkFormat) => string;
  testId?: string;
}) {
  return (
    <details className={styles.downloads} data-testid={testId}>
      <summary className="btn">{label}</summary>
      <ul>
        {files.map(([format, text]) => (
          <li key={format}>
            <a href={href(format)} download>
              {text}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
