/**
 * Calls `onEscape` when Escape is pressed anywhere on the page, unless something else used the key
 * or it was pressed in a form field (a year dropdown, a search box), where it belongs to the field.
 */
import { useEffect } from 'react';

/** True for a text field, dropdown or editable element: keys typed there are the field's. */
function isFormField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName);
}

export function useEscapeKey(onEscape: () => void): void {
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.key !== 'Escape' || event.defaultPrevented || isFormField(event.target)) return;
      onEscape();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onEscape]);
}
