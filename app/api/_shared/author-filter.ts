import { findAuthorIdByName, readAuthorName } from '@/lib/store/read';

/**
 * The author filter of a search URL (an id or a name) as an author id; an unknown author becomes
 * -1 so the search matches nothing instead of silently ignoring the filter.
 */
export function resolveAuthorFilter(author: string | undefined): number | undefined {
  if (!author) return undefined;
  if (/^\d{1,10}$/.test(author)) return readAuthorName(Number(author)) != null ? Number(author) : -1;
  return findAuthorIdByName(author) ?? -1;
}
