import { useCallback, useSyncExternalStore } from 'react';
import type { Shortcut } from './shortcuts.ts';

/** Switches the editor person's mode between Editing and Suggesting (in every section). */
export const SUGGESTING_SHORTCUT: Shortcut = { mod: true, alt: true, shift: true, key: 's' };

const listeners = new Set<() => void>();
// When storage is blocked the mode still holds for the session.
const memory = new Map<string, boolean>();
const keyOf = (personId: string) => `galley.suggesting.${personId}`;

/** Whether this editor person is in Suggesting mode (remembered in this browser profile). */
export function isSuggesting(personId: string): boolean {
  try {
    return localStorage.getItem(keyOf(personId)) === 'on';
  } catch {
    return memory.get(personId) ?? false; // storage blocked: this session's choice
  }
}

/** Sets the person's mode; every section editor follows at once. */
export function setSuggesting(personId: string, on: boolean): void {
  try {
    if (on) localStorage.setItem(keyOf(personId), 'on');
    else localStorage.removeItem(keyOf(personId));
  } catch {
    // Not remembered, but the editors still switch for this session.
  }
  memory.set(personId, on);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another window of the same profile switched: follow it.
  const onStorage = (event: StorageEvent) => {
    if (event.key?.startsWith('galley.suggesting.')) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** The person's mode and a setter, shared by every editor on the page. */
export function useSuggestingMode(personId: string): [boolean, (on: boolean) => void] {
  const on = useSyncExternalStore(subscribe, () => isSuggesting(personId));
  const set = useCallback((next: boolean) => setSuggesting(personId, next), [personId]);
  return [on, set];
}
