import Link from 'next/link';
import type { TopicTreeNode } from '@/lib/store/read';
import { formatCount } from '@/lib/viz/format';
import { topicColor } from '@/lib/viz/palette';

function TreeNode({ node, depth }: { node: TopicTreeNode; depth: number }) {
  if (node.topicId != null && node.children.length === 0) {
    return (
      <li className="leaf">
        <span className="swatch" style={{ background: topicColor(node.topicId) }} aria-hidden="true" />
        <Link href={`/topics/${node.topicId}`}>{node.label}</Link>
        <span className="subtle num">{formatCount(node.size)}</span>
      </li>
    );
  }
  return (
    <li>
      <details open={depth < 2}>
        <summary>
          <span className="muted">{node.label}</span>{' '}
          <span className="subtle">
            · {node.topics} topics, {formatCount(node.size)} papers
          </span>
        </summary>
        <ul>
          {node.children.map((child) => (
            <TreeNode key={child.nodeId} node={child} depth={depth + 1} />
          ))}
        </ul>
      </details>
    </li>
  );
}

/**
 * The topic merge tree as nested disclosure widgets: keyboard-operable, no script, the first two
 * levels open. Inner nodes are named after their two largest topics.
 */
export function TopicTree({ root }: { root: TopicTreeNode }) {
  return (
    <ul className="topic-tree" aria-label="Topic tree">
      <TreeNode node={root} depth={0} />
    </ul>
  );
}
