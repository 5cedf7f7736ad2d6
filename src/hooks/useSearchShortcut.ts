import { useEffect } from 'react';
import { isShortcut } from '../model/boardShortcuts';
import { useUiStore } from '../store';

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable)
  );
}

/** Ctrl/⌘+K anywhere, or « / » outside a text field, opens the search box (or puts the focus back in it). */
export function useSearchShortcut(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || !isShortcut('search', e)) return;
      // « / » typed in a card or a field is text.
      if (!(e.ctrlKey || e.metaKey) && isTyping(e.target)) return;
      e.preventDefault();
      const ui = useUiStore.getState();
      if (ui.searchOpen) document.querySelector<HTMLInputElement>('#board-search-field')?.focus();
      else ui.setSearchOpen(true);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
