import { useSyncExternalStore } from 'react';

/**
 * A counter bumped on every change to an edition's docs. Kept out of React state so a
 * keystroke re-renders only what shows derived views (the side panel), not the edition.
 */
export class RevisionCounter {
  private value = 0;
  private readonly listeners = new Set<() => void>();
  private pending: ReturnType<typeof setTimeout> | null = null;

  /**
   * Bumps once at the end of a burst: typing changes the doc on every keystroke, and the
   * views that follow revisions refresh at a human pace anyway.
   */
  bumpSoon(delayMs = 150): void {
    this.pending ??= setTimeout(() => {
      this.pending = null;
      this.bump();
    }, delayMs);
  }

  bump(): void {
    this.value++;
    for (const listener of this.listeners) listener();
  }

  get = (): number => this.value;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

/** The current revision, re-rendering the caller when it changes. */
export function useRevision(counter: RevisionCounter): number {
  return useSyncExternalStore(counter.subscribe, counter.get);
}
