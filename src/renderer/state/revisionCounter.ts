import { useSyncExternalStore } from 'react';

/**
 * A counter bumped on every change to an edition's docs. Kept out of React state so a
 * keystroke re-renders only what shows derived views (the side panel), not the edition.
 */
export class RevisionCounter {
  private value = 0;
  private readonly listeners = new Set<() => void>();
  private pending: ReturnType<typeof setTimeout> | null = null;
  private burstStart: number | null = null;

  /**
   * Bumps once a burst of changes pauses for `quietMs`, and every `maxWaitMs` while it
   * goes on. Typing changes the doc on every keystroke (and a colleague's typing arrives
   * as often); each bump re-renders the side panel, whose views refresh at a human pace
   * anyway (see useLiveQuery), so a bump per keystroke would only cost the typist frames.
   */
  bumpSoon(quietMs = 150, maxWaitMs = 1000): void {
    const now = Date.now();
    this.burstStart ??= now;
    if (this.pending !== null) clearTimeout(this.pending);
    const delay = Math.min(quietMs, Math.max(0, this.burstStart + maxWaitMs - now));
    this.pending = setTimeout(() => {
      this.pending = null;
      this.burstStart = null;
      this.bump();
    }, delay);
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
