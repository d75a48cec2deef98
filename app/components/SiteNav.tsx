'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const LINKS = [
  { href: '/', label: 'Overview' },
  { href: '/map', label: 'Map' },
  { href: '/topics', label: 'Topics' },
  { href: '/graph', label: 'Graph' },
  { href: '/trends', label: 'Trends' },
  { href: '/search', label: 'Search' },
  { href: '/quality', label: 'Quality' },
] as const;

/** The main navigation; the current section is marked with aria-current. */
export function SiteNav() {
  const pathname = usePathname() ?? '/';
  return (
    <nav className="site-nav" aria-label="Main">
      <ul>
        {LINKS.map((link) => {
          const current =
            link.href === '/' ? pathname === '/' : pathname === link.href || pathname.startsWith(`${link.href}/`);
          return (
            <li key={link.href}>
              <Link href={link.href} aria-current={current ? 'page' : undefined}>
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
