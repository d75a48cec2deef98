'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { fetchJson } from './viz/fetch-json';

interface Suggestion {
  id: number;
  name: string;
  papers: number;
}

/**
 * A text field with author-name suggestions from /api/authors?q= (a combobox: arrow keys move,
 * Enter picks, Escape closes). The form submits the name; the server resolves it to an author.
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
  const [value, setValue] = useState(defaultValue ?? '');
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const id = useId();
  const listId = `${id}-list`;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const request = useRef<AbortController | null>(null);

  const cancel = () => {
    if (timer.current) clearTimeout(timer.current);
    request.current?.abort();
  };
  useEffect(() => cancel, []);

  const suggest = (text: string) => {
    cancel();
    const q = text.trim();
    if (q.length < 2) {
      setSuggestions([]);
      return;
    }
    timer.current = setTimeout(() => {
      const controller = new AbortController();
      request.current = controller;
      fetchJson<{ authors: Suggestion[] }>(`/api/authors?q=${encodeURIComponent(q)}&limit=8`, {
        signal: controller.signal,
      }).then(
        (data) => {
          setSuggestions(data.authors);
          setActive(-1);
        },
        (error: Error) => {
          // A failed request leaves the field usable without suggestions; an aborted one was replaced.
          if (error.name !== 'AbortError') setSuggestions([]);
        },
      );
    }, 150);
  };

  const pick = (s: Suggestion) => {
    cancel();
    setValue(s.name);
    setOpen(false);
    setSuggestions([]);
  };

  const showList = open && suggestions.length > 0;
  return (
    <div className="field combo">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        name={name}
        value={value}
        autoComplete="off"
        placeholder="Any author"
        role="combobox"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && active >= 0 ? `${listId}-${active}` : undefined}
        onChange={(e) => {
          const text = e.currentTarget.value;
          setValue(text);
          setOpen(true);
          suggest(text);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 120)}
        onKeyDown={(e) => {
          if (!showList) return;
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((a) => Math.min(suggestions.length - 1, a + 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(0, a - 1));
          } else if (e.key === 'Enter' && active >= 0) {
            e.preventDefault();
            pick(suggestions[active]);
          } else if (e.key === 'Escape') {
            setOpen(false);
          }
        }}
      />
      {showList && (
        <ul className="combo-list" id={listId} role="listbox" aria-label="Matching authors">
          {suggestions.map((s, i) => (
            <li
              key={s.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(s);
              }}
            >
              <span>{s.name}</span>
              <span className="subtle">{s.papers}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
