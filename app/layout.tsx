import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { InlineScript } from './components/InlineScript';
import { SiteNav } from './components/SiteNav';
import { ThemeToggle } from './components/ThemeToggle';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Topicscope', template: '%s · Topicscope' },
  description: 'Explore a research field from its papers: topics, a map, co-authors and trends.',
  // An inline icon: no extra request, nothing to fetch from the network.
  icons: {
    icon: `data:image/svg+xml,${encodeURIComponent(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><circle cx="11" cy="11" r="7.5" fill="none" stroke="#1f5fbf" stroke-width="2.4"/><circle cx="8.5" cy="9.5" r="1.8" fill="#0072B2"/><circle cx="13" cy="8.5" r="1.8" fill="#E69F00"/><circle cx="11.5" cy="13.5" r="1.8" fill="#009E73"/><path d="M16.6 16.6 21 21" stroke="#1f5fbf" stroke-width="2.6" stroke-linecap="round"/></svg>',
    )}`,
  },
};

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#171b22' },
  ],
};

// Runs before first paint: a theme picked with the toggle wins over the OS preference.
const THEME_SCRIPT = `(function(){try{var t=localStorage.getItem('topicscope-theme');if(t==='light'||t==='dark')document.documentElement.setAttribute('data-theme',t)}catch(e){}})()`;

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <InlineScript html={THEME_SCRIPT} />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <Link href="/" className="brand" aria-label="Topicscope home">
            <svg className="brand-mark" viewBox="0 0 24 24" aria-hidden="true">
              <circle cx="11" cy="11" r="7.5" fill="none" stroke="currentColor" strokeWidth="2" />
              <circle cx="8.5" cy="9.5" r="1.6" fill="#0072B2" />
              <circle cx="13" cy="8.5" r="1.6" fill="#E69F00" />
              <circle cx="11.5" cy="13.5" r="1.6" fill="#009E73" />
              <path d="M16.6 16.6 21 21" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" />
            </svg>
            Topicscope
          </Link>
          <SiteNav />
          <form className="header-search" action="/search" role="search">
            <label htmlFor="header-q" className="visually-hidden">
              Search papers
            </label>
            <input id="header-q" type="search" name="q" placeholder="Search papers…" autoComplete="off" />
          </form>
          <ThemeToggle />
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="footer">Topicscope · topics, maps, co-authors and trends from a pile of papers</footer>
      </body>
    </html>
  );
}
