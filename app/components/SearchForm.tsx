'use client';

import { useRouter } from 'next/navigation';
import type { FormEvent, ReactNode } from 'react';

/**
 * The search form: a plain GET form (works without JavaScript) that, with JavaScript, leaves
 * empty fields out of the URL and navigates client-side. Always starts again at page 1, and
 * without the sub-topic once the topic changed.
 */
export function SearchForm({ children, action = '/search' }: { children: ReactNode; action?: string }) {
  const router = useRouter();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(event.currentTarget)) {
      if (typeof value === 'string' && value.trim() !== '' && key !== 'page') params.set(key, value.trim());
    }
    // A sub-topic is a part of the topic it was chosen in (`data-topic`): another topic drops it.
    const sub = event.currentTarget.querySelector<HTMLInputElement>('input[name=sub][data-topic]');
    if (sub && params.get('topic') !== sub.dataset.topic) params.delete('sub');
    const query = params.toString();
    router.push(query ? `${action}?${query}` : action);
  };
  return (
    <form action={action} method="get" role="search" onSubmit={onSubmit} aria-label="Search papers">
      {children}
    </form>
  );
}
