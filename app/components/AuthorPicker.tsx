'use client';

import { Autocomplete } from './viz/Autocomplete';
import { fetchJson } from './viz/fetch-json';

interface Suggestion {
  id: number;
  name: string;
  papers: number;
}

async function fetchSuggestions(query: string, signal: AbortSignal): Promise<Suggestion[]> {
  return (await fetchJson<{ authors: Suggestion[] }>(`/api/authors?q=${encodeURIComponent(query)}&limit=8`, { signal }))
    .authors;
}

/**
 * The search form's author field: the app's one combobox (`Autocomplete`) over /api/authors, from
 * two characters on. The form submits the name; the server resolves it to an author.
 */
export function AuthorPicker({
  name,
  defaultValue,
  label = 'Author',
}: {
  name: string;
  defaultValue?: string;
  label?: string;
}) {
  return (
    <Autocomplete<Suggestion>
      className="field"
      label={label}
      name={name}
      defaultText={defaultValue ?? ''}
      placeholder="Any author"
      minChars={2}
      keepText
      fetchOptions={fetchSuggestions}
      optionKey={(s) => s.id}
      optionLabel={(s) => s.name}
      renderOption={(s) => (
        <>
          <span>{s.name}</span>
          <span className="subtle">{s.papers}</span>
        </>
      )}
      onPick={() => {}}
    />
  );
}
