'use client';
/**
 * A combobox with a listbox of suggestions (WAI-ARIA 1.2 combobox pattern): type to fetch
 * suggestions (debounced), arrow keys move, Enter picks, Escape closes.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import styles from './viz.module.css';

export interface AutocompleteProps<T> {
  label: string;
  placeholder?: string;
  fetchOptions(query: string, signal: AbortSignal): Promise<T[]>;
  optionKey(option: T): string | number;
  optionLabel(option: T): string;
  renderOption?(option: T): ReactNode;
  onPick(option: T): void;
  /** Keep the text after a pick (e.g. the chosen author's name). */
  keepText?: boolean;
  testId?: string;
  /** The input's name, when the combobox is a field of a form (the form submits the text). */
  name?: string;
  /** The text it starts with. */
  defaultText?: string;
  /** Characters typed before suggestions are asked for (default 1). */
  minChars?: number;
  /** A class for the wrapper, beside its own. */
  className?: string;
}

/** The one combobox of the app: the graph's and citation network's author and paper search, the
 * trends page's term picker and the search form's author field. */
export function Autocomplete<T>(props: AutocompleteProps<T>) {
  const { label, placeholder, fetchOptions, optionKey, optionLabel, renderOption, onPick, keepText, testId } = props;
  const { name, defaultText = '', minChars = 1, className } = props;
  const id = useId();
  const [text, setText] = useState(defaultText);
  const [options, setOptions] = useState<T[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState('');
  const fetchRef = useRef(fetchOptions);
  useEffect(() => {
    fetchRef.current = fetchOptions;
  });

  useEffect(() => {
    const query = text.trim();
    if (query.length < minChars) return;
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      fetchRef
        .current(query, controller.signal)
        .then((found) => {
          setOptions(found);
          setActive(found.length ? 0 : -1);
          setStatus(found.length ? `${found.length} suggestions` : 'No matches');
        })
        .catch((error: Error) => {
          if (error.name !== 'AbortError') setStatus(`Suggestions failed: ${error.message}`);
        });
    }, 150);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [text, minChars]);

  function pick(option: T) {
    onPick(option);
    setText(keepText ? optionLabel(option) : '');
    setOpen(false);
    setOptions([]);
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(shown.length - 1, a + 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (event.key === 'Enter') {
      if (open && active >= 0 && shown[active]) {
        event.preventDefault();
        pick(shown[active]);
      }
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  }

  const listId = `${id}-list`;
  const shown = text.trim().length >= minChars ? options : [];
  const expanded = open && shown.length > 0;
  return (
    <div className={className ? `${styles.combo} ${className}` : styles.combo}>
      <label htmlFor={`${id}-input`} className={styles.hint}>
        {label}
      </label>
      <input
        id={`${id}-input`}
        className="field"
        type="search"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded && active >= 0 ? `${id}-opt-${active}` : undefined}
        autoComplete="off"
        placeholder={placeholder}
        name={name}
        value={text}
        data-testid={testId}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => window.setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" className={styles.options} hidden={!expanded} aria-label={label}>
        {shown.map((option, i) => (
          <li
            key={optionKey(option)}
            id={`${id}-opt-${i}`}
            role="option"
            aria-selected={i === active}
            className={styles.option}
            onMouseDown={(e) => {
              e.preventDefault();
              pick(option);
            }}
            onMouseEnter={() => setActive(i)}
          >
            {renderOption ? renderOption(option) : optionLabel(option)}
          </li>
        ))}
      </ul>
      <span className="visually-hidden" aria-live="polite">
        {open ? status : ''}
      </span>
    </div>
  );
}
