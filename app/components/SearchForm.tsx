'use client';

import { useRouter } from 'next/navigation';
import type { FormEvent, ReactNode } from 'react';

/**
 * The search form: a plain GET form (works without JavaScript) that, with JavaScript, leaves
 * empty fields out of the URL and navigates client-side. Always starts again at page 1.
 */
export function SearchForm({ children, action = '/search' }: { children: ReactNode; action?: string }) {
  const router = useRouter();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(event.currentTarget)) {
      if (typeof value === 'string' && value.trim() !== '' && key !== 'page') params.set(key, value.trim());
    }
    const query = params.toString();
    router.push(query ? `${action}?${query}` : action);
  };
  return (
    <form action={action} method="get" role="search" onSubmit={onSubmit} aria-label="Search papers">
      {children}
    </form>
  );
}
