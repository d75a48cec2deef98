'use client';

/**
 * A script that runs once while the HTML is parsed (the theme, before first paint). On the client
 * it is inert (`text/plain`): React would otherwise warn about rendering a script it never runs.
 */
export function InlineScript({ html }: { html: string }) {
  return (
    <script
      type={typeof window === 'undefined' ? 'text/javascript' : 'text/plain'}
      suppressHydrationWarning
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
